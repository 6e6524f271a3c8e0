package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.NEED_MAPPING;
import static nl.instroom.e2e.RunningStack.REGION;
import static nl.instroom.e2e.RunningStack.TUTORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The steps journeys share, as the users take them through the APIs. Each journey makes its own pupils and
 * placements with these steps, so every journey runs alone, in any order (the coordinator's journey takes the same
 * steps one by one, with its checks in between).
 */
final class Journey {

    private Journey() {
    }

    /** A placement the school completed: what makes a pupil a scout's suggestion. */
    record CompletedPlacement(String schoolCode, String tutorId, String placementId) {
    }

    /** The coordinator opens a vacancy at the school. */
    static void openVacancy(String schoolCode, String subject) {
        var opened = RunningStack.as("COORDINATOR", NEED_MAPPING).post().uri("/api/vacancies")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"schoolCode":"%s","subject":"%s","fte":1.0,"hoursPerWeek":26,
                         "startDate":"%s","urgency":"HIGH"}""".formatted(schoolCode, subject,
                        LocalDate.now().plusWeeks(3)))
                .retrieve().toEntity(String.class);
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
    }

    /** The first four digits of the school's postcode: pupils near the school live there. */
    static String pc4Of(String schoolCode) {
        return RunningStack.as("COORDINATOR", NEED_MAPPING).get().uri("/api/schools/{code}", schoolCode).retrieve()
                .body(JsonNode.class).get("postcode").asString().substring(0, 4);
    }

    /** The coordinator registers a pupil who tutors mathematics at havo level on Tuesdays and Thursdays. */
    static String registerPupil(String name, int age, String pc4) {
        var response = RunningStack.as("COORDINATOR", TUTORING).post().uri("/api/tutors")
                .contentType(MediaType.APPLICATION_JSON).body("""
                {"name":"%s","schoolAttended":"Carolus Clusius","schoolYear":4,"dateOfBirth":"%s",
                 "subjects":[{"subject":"wiskunde","level":"havo"}],"hoursPerWeek":4,"weekdays":["TUESDAY","THURSDAY"],
                 "pc4":"%s","maxTravelKm":15}""".formatted(name, LocalDate.now().minusYears(age).minusDays(40), pc4))
                .retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody().get("id").asString();
    }

    /** Tutoring has heard, by need-mapping's events, that the school needs help in the subject. */
    static void awaitTutoringKnowsTheNeed(String schoolCode, String subject) {
        RestClient tutoring = RunningStack.as("COORDINATOR", TUTORING);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(tutoring.get()
                .uri("/api/needs/schools?region={r}", REGION).retrieve().body(JsonNode.class).valueStream()
                .filter(s -> s.get("schoolCode").asString().equals(schoolCode))
                .map(s -> s.get("subjectIndex").path(subject).asDouble(0)).findFirst()).hasValueSatisfying(
                        index -> assertThat(index).isPositive()));
    }

    /** The coordinator asks matching for a proposal. */
    static JsonNode solve(String question) {
        var response = RunningStack.as("COORDINATOR", TUTORING).post().uri("/api/matching/runs")
                .contentType(MediaType.APPLICATION_JSON).body(question).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(201);
        return response.getBody();
    }

    /** A matching run with the tutor pinned to the school for mathematics. */
    static JsonNode solvePinned(String tutorId, String schoolCode) {
        return solve("""
                {"region":"%s","subject":"wiskunde","pins":[{"tutorId":"%s","schoolCode":"%s","subject":"wiskunde"}]}"""
                .formatted(REGION, tutorId, schoolCode));
    }

    /**
     * The coordinator accepts the run and confirms the tutor's placement; the school starts it and completes it with
     * reliability and talent 5 and a note. Returns the placement.
     */
    static String acceptConfirmStartAndCompleteWithTalentFive(JsonNode run, String tutorId) {
        RestClient tutoring = RunningStack.as("COORDINATOR", TUTORING);
        JsonNode accepted = tutoring.post().uri("/api/matching/runs/{id}/accept", run.get("id").asString()).retrieve()
                .body(JsonNode.class);
        String placement = accepted.get("placementIds").valueStream().map(JsonNode::asString)
                .filter(id -> tutoring.get().uri("/api/placements/{id}", id).retrieve().body(JsonNode.class)
                        .get("tutorId").asString().equals(tutorId)).findFirst().orElseThrow();
        assertThat(status(tutoring.post().uri("/api/placements/{id}/confirm", placement))).isEqualTo(200);

        RestClient schoolHr = RunningStack.as("SCHOOL_HR", TUTORING);
        assertThat(status(schoolHr.post().uri("/api/placements/{id}/start", placement))).isEqualTo(200);
        var completed = schoolHr.post().uri("/api/placements/{id}/complete", placement)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"reliability\":5,\"talentForTeaching\":5,\"note\":\"Een natuurtalent voor de klas\"}")
                .retrieve().toEntity(String.class);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(200);
        return placement;
    }

    /**
     * A pupil of 17 (no parent's consent needed) placed at the demo HR's school for mathematics and completed there
     * with talent 5 — every step through the APIs, as the coordinator and the school take them.
     */
    static CompletedPlacement aPupilWhosePlacementWasCompletedWithTalentFive(String name) {
        String school = RunningStack.hrSchool();
        openVacancy(school, "wiskunde");
        String tutor = registerPupil(name, 17, pc4Of(school));
        awaitTutoringKnowsTheNeed(school, "wiskunde");
        String placement = acceptConfirmStartAndCompleteWithTalentFive(solvePinned(tutor, school), tutor);
        return new CompletedPlacement(school, tutor, placement);
    }

    static int status(RestClient.RequestBodySpec spec) {
        return spec.retrieve().toBodilessEntity().getStatusCode().value();
    }
}
