package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.IDENTITY;
import static nl.instroom.e2e.RunningStack.TUTORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The admin's journey: a pupil's parents ask that everything about their child be erased. One admin asks, the
 * request waits (their own approval is refused) until a second admin approves; then it goes out once, every service
 * answers what it erased, and the tutor no longer exists anywhere the coordinator can look.
 */
@ExtendWith(RunningStack.class)
class D_AdminErasureJourneyIT {

    @Test
    void anErasureOfTheTutorReachesEveryService() {
        // A pupil whose placement was completed: tutoring, scouting (a suggestion) and need-mapping know of them.
        String tutor = Journey.aPupilWhosePlacementWasCompletedWithTalentFive("Daan Smit").tutorId();
        RestClient admin = RunningStack.as("ADMIN", IDENTITY);

        var requested = admin.post().uri("/api/admin/erasure-requests").contentType(MediaType.APPLICATION_JSON)
                .body("{\"subjectKind\":\"TUTOR\",\"subjectRef\":\"" + tutor + "\"}").retrieve()
                .toEntity(JsonNode.class);
        assertThat(requested.getStatusCode().value()).isEqualTo(202);
        String id = requested.getBody().get("requestId").asString();
        assertThat(admin.post().uri("/api/admin/erasure-requests/{id}/approval", id).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("the requester's own approval").isEqualTo(409);
        assertThat(RunningStack.as("COORDINATOR", TUTORING).get().uri("/api/tutors/{id}", tutor).retrieve()
                .toBodilessEntity().getStatusCode().value()).as("nothing erased before the approval").isEqualTo(200);
        assertThat(RunningStack.asUser("admin.two", IDENTITY).post()
                .uri("/api/admin/erasure-requests/{id}/approval", id).retrieve().toBodilessEntity().getStatusCode()
                .value()).as("a second admin approves").isEqualTo(200);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode status = admin.get().uri("/api/admin/erasure-requests/{id}", id).retrieve().body(JsonNode.class);
            assertThat(status.get("complete").asBoolean()).as(status.toString()).isTrue();
            assertThat(status.get("erasedByService").propertyNames()).containsExactlyInAnyOrder("need-mapping",
                    "tutoring", "scouting", "stay-interviews", "career-advice", "mentoring");
        });
        assertThat(RunningStack.as("COORDINATOR", TUTORING).get().uri("/api/tutors/{id}", tutor).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }
}
