package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.NEED_MAPPING;
import static nl.instroom.e2e.RunningStack.REGION;
import static nl.instroom.e2e.RunningStack.TUTORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator's journey: the region's schools are in (demo data imported them) → vacancies opened → the ranking
 * shows the greatest need first → two pupils registered (under 16, one with a parent's consent) → matching proposes
 * only the one who may be placed → the coordinator pins the school that asked for help, accepts, confirms → the
 * school starts and completes the placement with a high talent score.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class A_CoordinatorJourneyIT {

    private final RestClient needMapping = RunningStack.as("COORDINATOR", NEED_MAPPING);
    private final RestClient tutoring = RunningStack.as("COORDINATOR", TUTORING);

    @Test
    @Order(1)
    void vacanciesRaiseASchoolsNeedAndTheRankingShowsTheGreatestNeedFirst() {
        String school = RunningStack.hrSchool();
        double before = rawScoreOf(school);

        for (String subject : List.of("wiskunde", "wiskunde", "natuurkunde")) {
            var opened = needMapping.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"schoolCode":"%s","subject":"%s","fte":1.0,"hoursPerWeek":26,
                             "startDate":"%s","urgency":"HIGH"}""".formatted(school, subject, LocalDate.now().plusWeeks(3)))
                    .retrieve().toEntity(String.class);
            assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rawScoreOf(school)).isGreaterThan(before));
        JsonNode ranking = needMapping.get().uri("/api/need/ranking?region={r}&limit=20", REGION).retrieve()
                .body(JsonNode.class);
        List<Double> indexes = ranking.valueStream().map(s -> s.get("index").asDouble()).toList();
        assertThat(indexes).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ranking.get(0).get("components").isEmpty()).as("the top school says why").isFalse();
        Journey.schoolCode = school;
    }

    @Test
    @Order(2)
    void matchingProposesOnlyThePupilWhoMayBePlaced() {
        String pc4 = needMapping.get().uri("/api/schools/{code}", Journey.schoolCode).retrieve().body(JsonNode.class)
                .get("postcode").asString().substring(0, 4);
        Journey.consentedTutor = registerPupil("Fleur Hendriks", 15, pc4);
        Journey.tutorWithoutConsent = registerPupil("Bram Kok", 14, pc4);
        var consent = tutoring.put().uri("/api/tutors/{id}/parental-consent", Journey.consentedTutor)
                .contentType(MediaType.APPLICATION_JSON).body("{\"givenOn\":\"" + LocalDate.now() + "\"}").retrieve()
                .toEntity(String.class);
        assertThat(consent.getStatusCode().value()).as(consent.getBody()).isEqualTo(200);

        // Tutoring knows the school's need from need-mapping's events, not by asking need-mapping.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tutoring.get()
                .uri("/api/needs/schools?region={r}", REGION).retrieve().body(JsonNode.class).valueStream()
                .filter(s -> s.get("schoolCode").asString().equals(Journey.schoolCode))
                .map(s -> s.get("subjectIndex").path("wiskunde").asDouble(0)).findFirst()).hasValueSatisfying(
                        index -> assertThat(index).isPositive()));

        JsonNode run = solve("{\"region\":\"" + REGION + "\",\"subject\":\"wiskunde\"}");
        List<String> proposed = run.get("proposals").valueStream().map(p -> p.get("pair").get("tutorId").asString())
                .toList();
        assertThat(proposed).contains(Journey.consentedTutor).doesNotContain(Journey.tutorWithoutConsent);
    }

    @Test
    @Order(3)
    void theCoordinatorPinsTheSchoolAcceptsAndTheSchoolCompletesWithAHighTalentScore() {
        JsonNode run = solve("""
                {"region":"%s","subject":"wiskunde","pins":[{"tutorId":"%s","schoolCode":"%s","subject":"wiskunde"}]}"""
                .formatted(REGION, Journey.consentedTutor, Journey.schoolCode));
        JsonNode pinned = run.get("proposals").valueStream().filter(p -> p.get("pinned").asBoolean()).findFirst()
                .orElseThrow();
        assertThat(pinned.get("score").get("needPoints").asDouble()).isPositive();

        JsonNode accepted = tutoring.post().uri("/api/matching/runs/{id}/accept", run.get("id").asString()).retrieve()
                .body(JsonNode.class);
        String placement = accepted.get("placementIds").valueStream().map(JsonNode::asString)
                .filter(id -> tutoring.get().uri("/api/placements/{id}", id).retrieve().body(JsonNode.class)
                        .get("tutorId").asString().equals(Journey.consentedTutor)).findFirst().orElseThrow();
        assertThat(status(tutoring.post().uri("/api/placements/{id}/confirm", placement))).isEqualTo(200);

        RestClient schoolHr = RunningStack.as("SCHOOL_HR", TUTORING);
        assertThat(status(schoolHr.post().uri("/api/placements/{id}/start", placement))).isEqualTo(200);
        var completed = schoolHr.post().uri("/api/placements/{id}/complete", placement)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"reliability\":5,\"talentForTeaching\":5,\"note\":\"Een natuurtalent voor de klas\"}")
                .retrieve().toEntity(String.class);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(200);
        assertThat(tutoring.get().uri("/api/placements/{id}", placement).retrieve().body(JsonNode.class)
                .get("status").asString()).isEqualTo("COMPLETED");
        Journey.completedPlacement = placement;
    }

    private double rawScoreOf(String school) {
        JsonNode need = needMapping.get().uri("/api/need/schools/{code}", school).retrieve().body(JsonNode.class);
        return need == null || need.path("need").isMissingNode() ? 0 : need.get("need").path("rawScore").asDouble(0);
    }

    private String registerPupil(String name, int age, String pc4) {
        var response = tutoring.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON).body("""
                {"name":"%s","schoolAttended":"Carolus Clusius","schoolYear":4,"dateOfBirth":"%s",
                 "subjects":[{"subject":"wiskunde","level":"havo"}],"hoursPerWeek":4,"weekdays":["TUESDAY","THURSDAY"],
                 "pc4":"%s","maxTravelKm":15}""".formatted(name, LocalDate.now().minusYears(age).minusDays(40), pc4))
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(201);
        return response.getBody().get("id").asString();
    }

    private JsonNode solve(String question) {
        var response = tutoring.post().uri("/api/matching/runs").contentType(MediaType.APPLICATION_JSON)
                .body(question).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    private static int status(RestClient.RequestBodySpec spec) {
        return spec.retrieve().toBodilessEntity().getStatusCode().value();
    }
}
