package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.NEED_MAPPING;
import static nl.instroom.e2e.RunningStack.SCOUTING;
import static nl.instroom.e2e.RunningStack.TUTORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A coordinator of another region than Regio Zwolle: Flevoland's (AM11) demo coordinator signs in, and everything
 * they see and do is Flevoland's — the ranking of its schools with the demo vacancies its coordinator opened,
 * tutoring's view of its needs, a matching run, the scout's coverage — while a Regio Zwolle school does not exist
 * for them.
 */
@ExtendWith(RunningStack.class)
class G_SecondRegionJourneyIT {

    private static final String FLEVOLAND = "AM11";

    @Test
    void flevolandsCoordinatorAndScoutSeeFlevolandOnly() {
        RestClient needMapping = RunningStack.asUser("coordinator.flevoland", NEED_MAPPING);
        RestClient tutoring = RunningStack.asUser("coordinator.flevoland", TUTORING);
        RestClient scouting = RunningStack.asUser("scout.flevoland", SCOUTING);

        JsonNode region = needMapping.get().uri("/api/regions/{r}", FLEVOLAND).retrieve().body(JsonNode.class);
        assertThat(region.get("name").asString()).isEqualTo("Flevoland");
        assertThat(region.get("schools").asInt()).isEqualTo(239);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonNode ranking = needMapping.get().uri("/api/need/ranking?withNeed=true&limit=100").retrieve()
                    .body(JsonNode.class);
            assertThat(ranking).as("at least the schools with the demo vacancies Flevoland's coordinator opened")
                    .hasSizeGreaterThanOrEqualTo(7);
            assertThat(ranking.findValuesAsString("municipality")).allSatisfy(municipality -> assertThat(
                    List.of("ALMERE", "LELYSTAD", "DRONTEN", "NOORDOOSTPOLDER", "URK")).contains(municipality));
        });
        String zwolleSchool = RunningStack.hrSchool();
        assertThat(needMapping.get().uri("/api/schools/{code}", zwolleSchool).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("a Regio Zwolle school").isEqualTo(404);
        assertThat(needMapping.get().uri("/api/need/ranking?region=AM36").retrieve().toBodilessEntity()
                .getStatusCode().value()).as("Regio Zwolle's ranking").isEqualTo(404);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(tutoring.get()
                .uri("/api/needs/schools?region={r}", FLEVOLAND).retrieve().body(JsonNode.class))
                .as("tutoring knows Flevoland's schools from need-mapping's events").hasSize(239));
        var run = tutoring.post().uri("/api/matching/runs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"region\":\"AM11\",\"subject\":\"groepsleerkracht\"}").retrieve().toEntity(JsonNode.class);
        assertThat(run.getStatusCode().value()).as(String.valueOf(run.getBody())).isEqualTo(201);
        assertThat(tutoring.post().uri("/api/matching/runs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"region\":\"AM36\",\"subject\":\"wiskunde\"}").retrieve().toBodilessEntity()
                .getStatusCode().value()).as("a matching run in Regio Zwolle").isEqualTo(404);

        JsonNode coverage = scouting.get().uri("/api/ambassadors/coverage").retrieve().body(JsonNode.class);
        assertThat(coverage.get("region").asString()).isEqualTo(FLEVOLAND);
        assertThat(scouting.get().uri("/api/ambassadors/coverage?region=AM36").retrieve().toBodilessEntity()
                .getStatusCode().value()).as("Regio Zwolle's coverage").isEqualTo(404);
    }
}
