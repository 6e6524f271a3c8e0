package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.CAREER_ADVICE;
import static nl.instroom.e2e.RunningStack.NEED_MAPPING;
import static nl.instroom.e2e.RunningStack.REGION;
import static nl.instroom.e2e.RunningStack.SCOUTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import nl.instroom.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The Onderwijsloket's journey on the local stack: someone walks the route finder without signing in, books one of
 * the demo adviser's free slots, and the adviser finds the case among the demo cases — the one of the demo career
 * switcher the stack made too. The adviser describes the case and refers the person to Regio Zwolle: the referral
 * leaves career-advice over Kafka and reaches the region's coordinator in need-mapping (by the case's reference,
 * next to the need for maths the demo vacancies made) and the region's funnel in scouting. She starts training: the
 * stage reaches both over Kafka too. She agrees to be introduced to Zwolle's coordinator, who reads her first name
 * (and nothing else of her) from career-advice, until the agreement is withdrawn.
 */
@ExtendWith(RunningStack.class)
class H_AdviceJourneyIT {

    @Test
    void aCareerSwitcherFindsARouteAndBooksTheDemoAdviserWhoFindsTheirCase() {
        RestClient anyone = ApiClient.as(null, CAREER_ADVICE);
        JsonNode session = anyone.post().uri("/api/route-finder/sessions").retrieve().body(JsonNode.class);
        String id = session.get("id").asString();
        for (String[] answer : new String[][] {{"sector", "po"}, {"education", "hbo_bachelor"},
                {"qualification", "none"}, {"earn_while_learning", "work_and_learn"}}) {
            session = anyone.put().uri("/api/route-finder/sessions/{id}/answers/{q}", id, answer[0])
                    .contentType(MediaType.APPLICATION_JSON).body("{\"value\":\"" + answer[1] + "\"}").retrieve()
                    .body(JsonNode.class);
        }
        assertThat(session.get("complete").asBoolean()).isTrue();
        JsonNode routes = anyone.get().uri("/api/route-finder/sessions/{id}/routes", id).retrieve()
                .body(JsonNode.class);
        assertThat(routes.get("fitting")).extracting(route -> route.get("route").get("id").asString())
                .contains("zij-instroom-po", "deeltijd-pabo");

        JsonNode free = anyone.get().uri("/api/slots").retrieve().body(JsonNode.class);
        assertThat(free.size()).as("the demo adviser's free slots").isPositive();
        var booked = anyone.post().uri("/api/advice-requests").contentType(MediaType.APPLICATION_JSON).body("""
                {"name":"Eva Journey","email":"eva.journey@example.org","question":"Zij-instroom in Zwolle?",
                 "consent":true,"retentionMonths":6,"slotId":"%s","routeSessionId":"%s"}"""
                .formatted(free.get(0).get("id").asString(), id)).retrieve().toEntity(String.class);
        assertThat(booked.getStatusCode().value()).as(booked.getBody()).isEqualTo(201);

        JsonNode cases = RunningStack.asUser("adviseur.loket", CAREER_ADVICE).get().uri("/api/cases").retrieve()
                .body(JsonNode.class);
        assertThat(cases).extracting(each -> each.get("name").asString()).contains("Eva Journey",
                "Demo Zij-instromer");

        String caseId = cases.valueStream().filter(each -> "Eva Journey".equals(each.get("name").asString()))
                .findFirst().orElseThrow().get("id").asString();
        RestClient adviser = RunningStack.asUser("adviseur.loket", CAREER_ADVICE);
        var described = adviser.put().uri("/api/cases/{id}/profile", caseId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"sector\":\"VO\",\"subject\":\"wiskunde\",\"pc4\":\"8011\"}").retrieve()
                .toEntity(String.class);
        assertThat(described.getStatusCode().is2xxSuccessful()).as(described.getBody()).isTrue();
        var referred = adviser.post().uri("/api/cases/{id}/referrals", caseId)
                .contentType(MediaType.APPLICATION_JSON).body("{\"region\":\"" + REGION + "\"}").retrieve()
                .toEntity(String.class);
        assertThat(referred.getStatusCode().value()).as(referred.getBody()).isEqualTo(201);

        RestClient needMapping = RunningStack.asUser("coordinator.zwolle", NEED_MAPPING);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode view = needMapping.get().uri("/api/referrals").retrieve().body(JsonNode.class);
            assertThat(view.get("candidates")).extracting(each -> each.get("caseRef").asString()).contains(caseId);
            assertThat(view.get("bySubject")).anySatisfy(row -> {
                assertThat(row.get("subject").asString()).isEqualTo("wiskunde");
                assertThat(row.get("openFte").asDouble()).as("the demo vacancies' need next to it").isPositive();
            });
        });
        RestClient scouting = RunningStack.asUser("coordinator.zwolle", SCOUTING);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(scouting.get().uri("/api/funnel")
                .retrieve().body(JsonNode.class).get("referredBySector").path("VO").asInt()).isPositive());

        // Issue 20's later stage: she starts training; the region's view and funnel count it over Kafka.
        var training = adviser.post().uri("/api/cases/{id}/outcomes", caseId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"kind\":\"IN_TRAINING\",\"on\":\"%s\",\"routeId\":\"zij-instroom-vo\",\"institution\":\"Windesheim\"}"
                        .formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC)))
                .retrieve().toEntity(String.class);
        assertThat(training.getStatusCode().value()).as(training.getBody()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode view = needMapping.get().uri("/api/referrals").retrieve().body(JsonNode.class);
            assertThat(view.get("candidates")).anySatisfy(each -> {
                assertThat(each.get("caseRef").asString()).isEqualTo(caseId);
                assertThat(each.get("inTrainingSince").isNull()).isFalse();
            });
            assertThat(scouting.get().uri("/api/funnel").retrieve().body(JsonNode.class).get("referredInTraining")
                    .asInt()).isPositive();
        });

        // And the introduction step: once she agrees, Zwolle's coordinator sees her first name only; withdrawn, nothing.
        RestClient introductions = RunningStack.asUser("coordinator.zwolle", CAREER_ADVICE);
        var agreed = adviser.put().uri("/api/cases/{id}/introduction", caseId).contentType(MediaType.APPLICATION_JSON)
                .body("{\"agreed\":true,\"agreedOn\":\"%s\",\"region\":\"%s\",\"firstName\":\"Eva\"}"
                        .formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC), REGION))
                .retrieve().toEntity(String.class);
        assertThat(agreed.getStatusCode().value()).as(agreed.getBody()).isEqualTo(200);
        String shown = introductions.get().uri("/api/introductions").retrieve().body(String.class);
        assertThat(shown).contains(caseId).contains("\"firstName\":\"Eva\"").doesNotContain("Journey")
                .doesNotContain("eva.journey");
        var withdrawn = adviser.delete().uri("/api/cases/{id}/introduction", caseId).retrieve()
                .toEntity(String.class);
        assertThat(withdrawn.getStatusCode().value()).as(withdrawn.getBody()).isEqualTo(200);
        assertThat(introductions.get().uri("/api/introductions").retrieve().body(String.class))
                .as("withdrawn: a reference again").doesNotContain(caseId);
    }
}
