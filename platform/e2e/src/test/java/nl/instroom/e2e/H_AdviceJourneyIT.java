package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.CAREER_ADVICE;
import static org.assertj.core.api.Assertions.assertThat;

import nl.instroom.testing.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The Onderwijsloket's journey on the local stack: someone walks the route finder without signing in, books one of
 * the demo adviser's free slots, and the adviser finds the case among the demo cases — the one of the demo career
 * switcher the stack made too.
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
    }
}
