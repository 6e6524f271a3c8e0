package nl.instroom.mentoring.pair.web;

import static org.assertj.core.api.Assertions.assertThat;

import nl.instroom.mentoring.MentoringIntegrationTest;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A participant signed in with the username on their sign-up sees and records only their own pairs: the side they
 * speak for follows from their sign-up, another person's pair does not exist for them, and they read only their own
 * side's feedback.
 */
class ParticipantPairsIT extends MentoringIntegrationTest {

    private static final String LEADERSHIP = "{\"LEADERSHIP\":3}";

    private RestClient as(String account) {
        return ApiClient.as(TestTokens.instance().mentoringParticipant(account), port).mutate()
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    private ResponseEntity<String> postAs(String account, String path, String body) {
        return as(account).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    private ResponseEntity<String> getAs(String account, String path) {
        return as(account).get().uri(path).retrieve().toEntity(String.class);
    }

    private String signUp(String cohort, String body) {
        ResponseEntity<String> answer = post("/api/cohorts/" + cohort + "/sign-ups", body);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        return json(answer).get("id").asString();
    }

    private static String withAccount(String questionnaire, String account) {
        return questionnaire.replace("\"consent\":true", "\"consent\":true,\"account\":\"" + account + "\"");
    }

    @Test
    void eachSideSaysYesLogsAMeetingAndGivesFeedbackOnItsOwnPairOnly() {
        String cohort = openCohort("Participants");
        String leader = signUp(cohort, withAccount(schoolLeader("Carla Smit", "carla@ozhw.nl", "AM36", "OZHW",
                LEADERSHIP, "[]"), "carla.smit"));
        String executive = signUp(cohort, withAccount(executive("Dirk Boer", "dirk@boerbouw.nl", "AM36",
                "Boer Bouw", LEADERSHIP, 1, "[]"), "dirk.boer"));
        String pair = json(post("/api/cohorts/" + cohort + "/pairs",
                "{\"leader\":\"" + leader + "\",\"executive\":\"" + executive + "\"}")).get("id").asString();

        JsonNode mine = json(getAs("carla.smit", "/api/my/pairs"));
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("side").asString()).isEqualTo("SCHOOL_LEADER");
        assertThat(mine.get(0).get("partner").get("name").asString()).isEqualTo("Dirk Boer");
        assertThat(mine.get(0).get("partner").get("email").asString()).isEqualTo("dirk@boerbouw.nl");
        assertThat(mine.get(0).has("leaderRef")).as("no participant references").isFalse();

        assertThat(postAs("carla.smit", "/api/my/pairs/" + pair + "/acceptance", "{}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(postAs("carla.smit", "/api/my/pairs/" + pair + "/acceptance", "{}").getStatusCode().value())
                .as("the same side cannot say yes twice").isEqualTo(409);
        JsonNode accepted = json(postAs("dirk.boer", "/api/my/pairs/" + pair + "/acceptance", "{}"));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("youAccepted").asBoolean()).isTrue();
        assertThat(accepted.get("partnerAccepted").asBoolean()).isTrue();
        assertThat(post("/api/pairs/" + pair + "/activation", "{}").getStatusCode().value()).isEqualTo(200);

        assertThat(postAs("dirk.boer", "/api/my/pairs/" + pair + "/meetings", "{\"on\":\"" + today()
                + "\",\"minutes\":60,\"mode\":\"ONLINE\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(postAs("dirk.boer", "/api/my/pairs/" + pair + "/meetings", "{\"on\":\"" + today()
                + "\",\"minutes\":0,\"mode\":\"ONLINE\"}").getStatusCode().value()).as("invalid").isEqualTo(400);
        assertThat(postAs("carla.smit", "/api/my/pairs/" + pair + "/feedback",
                "{\"moment\":\"MIDWAY\",\"score\":4,\"text\":\"Veel geleerd over werving\"}").getStatusCode()
                .value()).isEqualTo(200);
        assertThat(postAs("dirk.boer", "/api/my/pairs/" + pair + "/feedback",
                "{\"moment\":\"MIDWAY\",\"score\":2,\"text\":\"Te weinig tijd\"}").getStatusCode().value())
                .isEqualTo(200);

        JsonNode carla = json(getAs("carla.smit", "/api/my/pairs/" + pair));
        assertThat(carla.get("meetings").size()).isEqualTo(1);
        assertThat(carla.get("feedback").size()).as("only her own side's feedback").isEqualTo(1);
        assertThat(carla.get("feedback").get(0).get("text").asString()).isEqualTo("Veel geleerd over werving");
        assertThat(carla.toString()).doesNotContain("Te weinig tijd");
        JsonNode coordinatorView = get("/api/pairs/{id}", pair);
        assertThat(coordinatorView.get("feedback").size()).isEqualTo(2);
        assertThat(coordinatorView.get("feedback").toString()).contains("\"side\":\"SCHOOL_LEADER\"")
                .contains("\"score\":4");
    }

    @Test
    void anotherPersonsPairDoesNotExistForAParticipantAndASignInNameIsOnePerson() {
        String cohort = openCohort("Strangers");
        String leader = signUp(cohort, withAccount(schoolLeader("Eva Kok", "eva@school.nl", "AM36", "Stichting A",
                LEADERSHIP, "[]"), "eva.kok"));
        String executive = signUp(cohort, executive("Frank Mol", "frank@mol.nl", "AM36", "Mol BV", LEADERSHIP, 1,
                "[]"));
        String pair = json(post("/api/cohorts/" + cohort + "/pairs",
                "{\"leader\":\"" + leader + "\",\"executive\":\"" + executive + "\"}")).get("id").asString();

        assertThat(getAs("someone.else", "/api/my/pairs").getBody()).isEqualTo("[]");
        assertThat(getAs("someone.else", "/api/my/pairs/" + pair).getStatusCode().value()).isEqualTo(404);
        assertThat(postAs("someone.else", "/api/my/pairs/" + pair + "/acceptance", "{}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(json(getAs("eva.kok", "/api/my/pairs/" + pair)).get("pair").get("youAccepted").asBoolean())
                .as("nothing changed by the refused call").isFalse();
        assertThat(get("/api/pairs/{id}", pair).get("pair").get("leaderAccepted").asBoolean()).isFalse();

        ResponseEntity<String> taken = post("/api/cohorts/" + cohort + "/sign-ups", withAccount(executive(
                "Gert Veen", "gert@veen.nl", "AM36", "Veen NV", LEADERSHIP, 1, "[]"), "eva.kok"));
        assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(409);
        ResponseEntity<String> bad = post("/api/cohorts/" + cohort + "/sign-ups", withAccount(executive(
                "Hans Zee", "hans@zee.nl", "AM36", "Zee NV", LEADERSHIP, 1, "[]"), "hans zee|ADMIN"));
        assertThat(bad.getStatusCode().value()).as(bad.getBody()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).contains("problem+json");
    }

    @Test
    void aParticipantIsRefusedTheCoordinatorsApi() {
        String cohort = openCohort("Refused");
        assertThat(getAs("carla.smit", "/api/cohorts/" + cohort + "/sign-ups").getStatusCode().value())
                .isEqualTo(403);
        assertThat(getAs("carla.smit", "/api/cohorts/" + cohort + "/pairs").getStatusCode().value()).isEqualTo(403);
    }
}
