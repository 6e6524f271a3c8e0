package nl.instroom.mentoring.matching.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.instroom.mentoring.MentoringIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A small cohort matched through the API: two directors from Zwolle and Deventer, an energy company in Zwolle that
 * takes two, a bank, and a facilities company of the Zwolle director's own school board. The coordinator pins one
 * pair and excludes another; the run keeps both, never proposes a conflict of interest, explains every pair, and is
 * proven optimal.
 */
class MatchingIT extends MentoringIntegrationTest {

    private String signUp(String cohort, String body) {
        ResponseEntity<String> answer = post("/api/cohorts/" + cohort + "/sign-ups", body);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return json(answer).get("id").asString();
    }

    private static String pair(String leader, String executive) {
        return "{\"leader\":\"" + leader + "\",\"executive\":\"" + executive + "\"}";
    }

    @Test
    void theCoordinatorsPinsAndExclusionsHoldAndEveryPairIsExplained() {
        String cohort = openCohort("Voorjaar");
        String zwolle = signUp(cohort, schoolLeader("Anke de Vries", "anke@spo-zwolle.nl", "AM36", "SPO Zwolle",
                "{\"LEADERSHIP\":3,\"RECRUITMENT_AND_RETENTION\":2}", "[]"));
        String deventer = signUp(cohort, schoolLeader("Carla Smit", "carla@vo-deventer.nl", "AM37", "VO Deventer",
                "{\"FINANCE\":2}", "[\"Rabobank\"]"));
        String energy = signUp(cohort, executive("Bram Jansen", "bram@netbeheer.nl", "AM36", "Netbeheer Oost",
                "{\"LEADERSHIP\":1,\"RECRUITMENT_AND_RETENTION\":1,\"FINANCE\":1}", 2, "[]"));
        String bank = signUp(cohort, executive("Joost Visser", "joost@rabobank.nl", "AM37", "Rabobank",
                "{\"FINANCE\":1}", 1, "[]"));
        String facilities = signUp(cohort, executive("Mila Kok", "mila@spo-zwolle.nl", "AM36", "SPO  Zwolle",
                "{\"LEADERSHIP\":1}", 1, "[]"));

        JsonNode conflict = get("/api/cohorts/{id}/explanation?leader={l}&executive={e}", cohort, zwolle,
                facilities);
        assertThat(conflict.get("allowed").asBoolean()).isFalse();
        assertThat(conflict.get("exclusions").toString()).contains("SAME_ORGANISATION");
        assertThat(get("/api/cohorts/{id}/explanation?leader={l}&executive={e}", cohort, deventer, bank)
                .get("exclusions").toString()).contains("LEADER_NOT_WITH");

        ResponseEntity<String> refusedPin = post("/api/cohorts/" + cohort + "/pins", pair(zwolle, facilities));
        assertThat(refusedPin.getStatusCode().value()).as(refusedPin.getBody()).isEqualTo(409);
        assertThat(refusedPin.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(get("/api/cohorts/{id}/matching-rules", cohort).get("pins").size()).isZero();

        assertThat(post("/api/cohorts/" + cohort + "/pins", pair(deventer, energy)).getStatusCode().value())
                .isEqualTo(200);
        JsonNode rules = json(post("/api/cohorts/" + cohort + "/exclusions", pair(zwolle, energy)));
        assertThat(rules.get("pins").size()).isEqualTo(1);
        assertThat(rules.get("exclusions").size()).isEqualTo(1);

        ResponseEntity<String> ran = post("/api/cohorts/" + cohort + "/matching-runs", "{}");
        assertThat(ran.getStatusCode().value()).as(ran.getBody()).isEqualTo(201);
        JsonNode run = get("/api/matching-runs/{id}", json(ran).get("id").asString());

        assertThat(run.get("provenOptimal").asBoolean()).isTrue();
        List<String> pairs = new ArrayList<>();
        long sum = 0;
        for (JsonNode proposed : run.get("pairs")) {
            String leader = proposed.get("pair").get("leader").asString();
            String executive = proposed.get("pair").get("executive").asString();
            pairs.add(leader + "-" + executive);
            JsonNode score = proposed.get("score");
            int parts = score.get("pairPoints").asInt() + score.get("regionPoints").asInt();
            for (JsonNode theme : score.get("themes")) {
                parts += theme.get("points").asInt();
            }
            assertThat(parts).as("the explanation of %s", pairs).isEqualTo(score.get("total").asInt());
            sum += score.get("total").asInt();
        }
        assertThat(pairs).contains(deventer + "-" + energy)
                .doesNotContain(zwolle + "-" + energy, zwolle + "-" + facilities, deventer + "-" + bank);
        assertThat(run.get("objective").asLong()).isEqualTo(sum);
        // Zwolle's director is left with the bank alone: base 10, no shared theme, another region.
        assertThat(pairs).contains(zwolle + "-" + bank);
        assertThat(sum).isEqualTo(10 + 20 + 10);
    }
}
