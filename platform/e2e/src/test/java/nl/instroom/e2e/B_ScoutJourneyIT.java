package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.REGION;
import static nl.instroom.e2e.RunningStack.SCOUTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The talent scout's journey: a pupil's placement the school completed with talent 5 arrives as a suggestion (by event,
 * not by a call) → accepted → approached, interested → nominated ambassador at the school, with a guest lesson →
 * the funnel counts the pupil at every stage.
 */
@ExtendWith(RunningStack.class)
class B_ScoutJourneyIT {

    private final RestClient scouting = RunningStack.as("TALENT_SCOUT", SCOUTING);

    @Test
    void aCompletedPlacementWithTalentFiveBecomesAFlaggedTalentAnAmbassadorAndCountsInTheFunnel() {
        LocalDate today = LocalDate.now();
        int ambassadorsBefore = activeAmbassadors();
        JsonNode funnelBefore = tutorsFunnel(today);
        Journey.CompletedPlacement placed = Journey.aPupilWhosePlacementWasCompletedWithTalentFive("Noor de Vries");

        JsonNode suggestion = await().atMost(Duration.ofSeconds(60)).until(() -> scouting.get()
                .uri("/api/suggestions").retrieve().body(JsonNode.class).valueStream()
                .filter(s -> placed.tutorId().equals(s.get("personRef").asString())).findFirst().orElse(null),
                s -> s != null);
        assertThat(suggestion.get("talentForTeaching").asInt()).isEqualTo(5);
        assertThat(suggestion.toString()).doesNotContain("natuurtalent").doesNotContain("Noor");

        JsonNode accepted = scouting.post().uri("/api/suggestions/{id}/accept", suggestion.get("id").asString())
                .contentType(MediaType.APPLICATION_JSON).body("{\"kind\":\"POTENTIAL_TEACHER\"}").retrieve()
                .body(JsonNode.class);
        String talent = accepted.get("talentId").asString();
        assertThat(accepted.get("stage").asString()).isEqualTo("FLAGGED");

        for (String stage : new String[] {"APPROACHED", "INTERESTED"}) {
            var moved = scouting.post().uri("/api/talents/{id}/stage", talent).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"stage\":\"" + stage + "\",\"on\":\"" + today + "\"}").retrieve().toEntity(String.class);
            assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(200);
        }
        var nominated = scouting.post().uri("/api/talents/{id}/ambassadorship", talent)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"schoolCode\":\"" + placed.schoolCode() + "\",\"since\":\"" + today + "\"}").retrieve()
                .toEntity(String.class);
        assertThat(nominated.getStatusCode().value()).as(nominated.getBody()).isEqualTo(200);
        var lesson = scouting.post().uri("/api/talents/{id}/activities", talent).contentType(MediaType.APPLICATION_JSON)
                .body("{\"type\":\"GUEST_LESSON\",\"on\":\"" + today + "\",\"schoolCode\":\"" + placed.schoolCode()
                        + "\"}").retrieve().toEntity(String.class);
        assertThat(lesson.getStatusCode().value()).as(lesson.getBody()).isEqualTo(200);

        assertThat(activeAmbassadors()).as("one more active ambassador").isEqualTo(ambassadorsBefore + 1);
        JsonNode funnel = tutorsFunnel(today);
        for (String stage : new String[] {"flagged", "approached", "interested", "enrolled"}) {
            assertThat(funnel.get(stage).asInt()).as("pupils " + stage).isEqualTo(funnelBefore.get(stage).asInt() + 1);
        }
    }

    private int activeAmbassadors() {
        return scouting.get().uri("/api/ambassadors?region={r}", REGION).retrieve().body(JsonNode.class)
                .get("activeAmbassadors").asInt();
    }

    /** The funnel of pupils (tutors) of the region, for yesterday and today. */
    private JsonNode tutorsFunnel(LocalDate today) {
        return scouting.get().uri("/api/funnel?region={r}&from={f}&to={t}", REGION, today.minusDays(1), today)
                .retrieve().body(JsonNode.class).get("figures").valueStream()
                .filter(f -> f.get("personKind").asString().equals("TUTOR")).findFirst()
                .orElseGet(() -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                        "{\"flagged\":0,\"approached\":0,\"interested\":0,\"enrolled\":0}"));
    }
}
