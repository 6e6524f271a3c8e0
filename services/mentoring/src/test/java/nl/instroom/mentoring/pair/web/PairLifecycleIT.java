package nl.instroom.mentoring.pair.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.instroom.mentoring.MentoringIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Pairs from proposal to end through the API: both sides must say yes, a side that withdrew never gets an active
 * pair, an executive who takes one school leader says yes to one pair however many yeses arrive at once, and goal
 * and feedback text is stored sealed.
 */
class PairLifecycleIT extends MentoringIntegrationTest {

    private static final String LEADERSHIP = "{\"LEADERSHIP\":3}";

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private String signUp(String cohort, String body) {
        ResponseEntity<String> answer = post("/api/cohorts/" + cohort + "/sign-ups", body);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return json(answer).get("id").asString();
    }

    private String propose(String cohort, String leader, String executive) {
        ResponseEntity<String> answer = post("/api/cohorts/" + cohort + "/pairs",
                "{\"leader\":\"" + leader + "\",\"executive\":\"" + executive + "\"}");
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return json(answer).get("id").asString();
    }

    private int accept(String pair, String side) {
        return post("/api/pairs/" + pair + "/acceptance", "{\"side\":\"" + side + "\"}").getStatusCode().value();
    }

    @Test
    void aConfirmedRunsPairStartsOnceBothSaidYesAndLogsItsMeetingsGoalsAndFeedback() {
        String cohort = openCohort("Voorjaar");
        signUp(cohort, schoolLeader("Anke de Vries", "anke@spo-zwolle.nl", "AM36", "SPO Zwolle", LEADERSHIP, "[]"));
        signUp(cohort, executive("Bram Jansen", "bram@netbeheer.nl", "AM36", "Netbeheer Oost", LEADERSHIP, 1,
                "[]"));
        String run = json(post("/api/cohorts/" + cohort + "/matching-runs", "{}")).get("id").asString();

        JsonNode proposed = json(post("/api/matching-runs/" + run + "/confirmation", "{}"));
        assertThat(proposed.size()).isEqualTo(1);
        String pair = proposed.get(0).get("id").asString();
        assertThat(json(post("/api/matching-runs/" + run + "/confirmation", "{}")).size())
                .as("confirming again proposes the same pair, not a second").isEqualTo(1);
        assertThat(get("/api/cohorts/{id}/pairs", cohort).size()).isEqualTo(1);

        assertThat(accept(pair, "EXECUTIVE")).isEqualTo(200);
        assertThat(post("/api/pairs/" + pair + "/activation", "{}").getStatusCode().value())
                .as("one yes is not enough").isEqualTo(409);
        assertThat(accept(pair, "SCHOOL_LEADER")).isEqualTo(200);
        assertThat(post("/api/pairs/" + pair + "/activation", "{}").getStatusCode().value()).isEqualTo(200);

        assertThat(post("/api/pairs/" + pair + "/meetings", "{\"on\":\"" + today() + "\",\"minutes\":90,"
                + "\"mode\":\"IN_PERSON\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/pairs/" + pair + "/goals", "{\"side\":\"SCHOOL_LEADER\",\"text\":\"Een plan voor "
                + "het werven van zij-instromers\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/pairs/" + pair + "/feedback", "{\"side\":\"EXECUTIVE\",\"moment\":\"MIDWAY\","
                + "\"score\":5,\"text\":\"Verrassend hoeveel ik leerde over teamleiding\"}").getStatusCode().value())
                .isEqualTo(200);

        JsonNode detail = get("/api/pairs/{id}", pair);
        assertThat(detail.get("pair").get("status").asString()).isEqualTo("ACTIVE");
        assertThat(detail.get("meetings").size()).isEqualTo(1);
        assertThat(detail.get("goals").get(0).asString()).contains("zij-instromers");
        assertThat(detail.get("feedback").get(0).get("text").asString()).contains("teamleiding");
        String stored = mongo.findById(pair, Document.class, "pairs").toJson();
        assertThat(stored).doesNotContain("zij-instromers", "teamleiding");

        assertThat(post("/api/pairs/" + pair + "/completion", "{}").getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/pairs/{id}", pair).get("pair").get("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void aSideThatWithdrewNeverGetsAnActivePair() {
        String cohort = openCohort("Voorjaar");
        String leader = signUp(cohort, schoolLeader("Carla Smit", "carla@vo-deventer.nl", "AM37", "VO Deventer",
                LEADERSHIP, "[]"));
        String executive = signUp(cohort, executive("Joost Visser", "joost@bank.nl", "AM37", "Bank",
                LEADERSHIP, 1, "[]"));
        String pair = propose(cohort, leader, executive);
        assertThat(accept(pair, "SCHOOL_LEADER")).isEqualTo(200);
        assertThat(accept(pair, "EXECUTIVE")).isEqualTo(200);

        assertThat(post("/api/sign-ups/" + leader + "/withdrawal", "{}").getStatusCode().value()).isEqualTo(200);

        JsonNode ended = get("/api/pairs/{id}", pair).get("pair");
        assertThat(ended.get("status").asString()).isEqualTo("ENDED_EARLY");
        assertThat(ended.get("endReason").asString()).isEqualTo("WITHDRAWN");
        assertThat(post("/api/pairs/" + pair + "/activation", "{}").getStatusCode().value()).isEqualTo(409);
        assertThat(get("/api/pairs/{id}", pair).get("pair").get("activatedOn").isNull()).isTrue();
    }

    @Test
    void anExecutiveWhoTakesOneSaysYesToOnePairHoweverManyYesesArriveAtOnce() throws Exception {
        String cohort = openCohort("Voorjaar");
        String executive = signUp(cohort, executive("Mila Kok", "mila@energie.nl", "AM36", "Energie Noord",
                LEADERSHIP, 1, "[]"));
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String leader = signUp(cohort, schoolLeader("Directeur " + i, "directeur" + i + "@po.nl", "AM36",
                    "PO Bestuur " + i, LEADERSHIP, "[]"));
            pairs.add(propose(cohort, leader, executive));
        }

        ExecutorService callers = Executors.newFixedThreadPool(pairs.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (String pair : pairs) {
                Callable<Integer> yes = () -> {
                    start.await();
                    return accept(pair, "EXECUTIVE");
                };
                answers.add(callers.submit(yes));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
        long accepted = pairs.stream().filter(pair -> get("/api/pairs/{id}", pair).get("pair")
                .get("executiveAccepted").asBoolean()).count();
        assertThat(accepted).isEqualTo(1);
        Document seats = mongo.findById(executive, Document.class, "seats");
        assertThat(seats.getInteger("taken")).isEqualTo(1);

        String yes = pairs.stream().filter(pair -> get("/api/pairs/{id}", pair).get("pair")
                .get("executiveAccepted").asBoolean()).findFirst().orElseThrow();
        String other = pairs.stream().filter(pair -> !pair.equals(yes)).findFirst().orElseThrow();
        assertThat(post("/api/pairs/" + yes + "/refusal", "{\"side\":\"SCHOOL_LEADER\"}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(accept(other, "EXECUTIVE")).as("the seat came back with the no").isEqualTo(200);
    }
}
