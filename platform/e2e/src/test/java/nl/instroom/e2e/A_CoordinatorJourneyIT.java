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

    // What one step leaves for the next, within this journey only.
    private static String schoolCode;
    private static String consentedTutor;
    private static String tutorWithoutConsent;

    @Test
    @Order(1)
    void vacanciesRaiseASchoolsNeedAndTheRankingShowsTheGreatestNeedFirst() {
        String school = RunningStack.hrSchool();
        double before = rawScoreOf(school);

        for (String subject : List.of("wiskunde", "wiskunde", "natuurkunde")) {
            Journey.openVacancy(school, subject);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(rawScoreOf(school)).isGreaterThan(before));
        JsonNode ranking = needMapping.get().uri("/api/need/ranking?region={r}&limit=20", REGION).retrieve()
                .body(JsonNode.class);
        List<Double> indexes = ranking.valueStream().map(s -> s.get("index").asDouble()).toList();
        assertThat(indexes).isNotEmpty().isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(ranking.get(0).get("components").isEmpty()).as("the top school says why").isFalse();
        schoolCode = school;
    }

    @Test
    @Order(2)
    void matchingProposesOnlyThePupilWhoMayBePlaced() {
        String pc4 = Journey.pc4Of(schoolCode);
        consentedTutor = Journey.registerPupil("Fleur Hendriks", 15, pc4);
        tutorWithoutConsent = Journey.registerPupil("Bram Kok", 14, pc4);
        var consent = tutoring.put().uri("/api/tutors/{id}/parental-consent", consentedTutor)
                .contentType(MediaType.APPLICATION_JSON).body("{\"givenOn\":\"" + LocalDate.now() + "\"}").retrieve()
                .toEntity(String.class);
        assertThat(consent.getStatusCode().value()).as(consent.getBody()).isEqualTo(200);

        // Tutoring knows the school's need from need-mapping's events, not by asking need-mapping.
        Journey.awaitTutoringKnowsTheNeed(schoolCode, "wiskunde");

        JsonNode run = Journey.solve("{\"region\":\"" + REGION + "\",\"subject\":\"wiskunde\"}");
        List<String> proposed = run.get("proposals").valueStream().map(p -> p.get("pair").get("tutorId").asString())
                .toList();
        assertThat(proposed).contains(consentedTutor).doesNotContain(tutorWithoutConsent);
    }

    @Test
    @Order(3)
    void theCoordinatorPinsTheSchoolAcceptsAndTheSchoolCompletesWithAHighTalentScore() {
        JsonNode run = Journey.solvePinned(consentedTutor, schoolCode);
        JsonNode pinned = run.get("proposals").valueStream().filter(p -> p.get("pinned").asBoolean()).findFirst()
                .orElseThrow();
        assertThat(pinned.get("score").get("needPoints").asDouble()).isPositive();

        String placement = Journey.acceptConfirmStartAndCompleteWithTalentFive(run, consentedTutor);
        assertThat(tutoring.get().uri("/api/placements/{id}", placement).retrieve().body(JsonNode.class)
                .get("status").asString()).isEqualTo("COMPLETED");
    }

    private double rawScoreOf(String school) {
        JsonNode need = needMapping.get().uri("/api/need/schools/{code}", school).retrieve().body(JsonNode.class);
        return need == null || need.path("need").isMissingNode() ? 0 : need.get("need").path("rawScore").asDouble(0);
    }
}
