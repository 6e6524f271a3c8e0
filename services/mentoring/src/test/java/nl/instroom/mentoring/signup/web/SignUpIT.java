package nl.instroom.mentoring.signup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Period;
import nl.instroom.mentoring.MentoringIntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A cohort's sign-ups as the coordinator enters them from the questionnaire: a school director from Zwolle and an
 * energy company's director; the same address again is refused, whatever its case; a person returning in a later
 * round is recognised; bad answers and sign-ups outside the window store nothing.
 */
class SignUpIT extends MentoringIntegrationTest {

    private static final String THEMES = "{\"LEADERSHIP\":3,\"RECRUITMENT_AND_RETENTION\":2}";

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private long signUpsOf(String cohort) {
        return get("/api/cohorts/{id}/sign-ups", cohort).size();
    }

    @Test
    void schoolLeadersAndExecutivesSignUpOnceWithTheirConsent() {
        String cohort = openCohort("Voorjaar");

        ResponseEntity<String> director = post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader(
                "Anke de Vries", "anke.devries@spo-zwolle.nl", "AM36", "SPO Zwolle", THEMES, "[]"));
        ResponseEntity<String> executive = post("/api/cohorts/" + cohort + "/sign-ups", executive(
                "Bram Jansen", "bram.jansen@netbeheer-oost.nl", "AM36", "Netbeheer Oost",
                "{\"LEADERSHIP\":1}", 2, "[]"));

        assertThat(director.getStatusCode().value()).as(director.getBody()).isEqualTo(201);
        assertThat(executive.getStatusCode().value()).as(executive.getBody()).isEqualTo(201);
        assertThat(json(executive).get("capacity").asInt()).isEqualTo(2);
        assertThat(json(director).get("capacity").asInt()).isEqualTo(1);
        String directorId = json(director).get("id").asString();
        assertThat(get("/api/sign-ups/{id}", directorId).get("name").asString()).isEqualTo("Anke de Vries");
        Document stored = mongo.findById(directorId, Document.class, "sign_ups");
        assertThat(stored.getString("emailFingerprint")).as("a keyed hash, not the address")
                .doesNotContain("anke").hasSizeGreaterThan(40);

        ResponseEntity<String> again = post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader(
                "A. de Vries", "Anke.DeVries@SPO-Zwolle.nl", "AM36", "SPO Zwolle", THEMES, "[]"));

        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(signUpsOf(cohort)).isEqualTo(2);
        assertThat(get("/api/sign-ups/{id}", directorId).get("name").asString()).isEqualTo("Anke de Vries");
    }

    @Test
    void aPersonReturningInALaterRoundKeepsTheirParticipantReference() {
        String spring = openCohort("Voorjaar");
        String autumn = openCohort("Najaar");

        JsonNode first = json(post("/api/cohorts/" + spring + "/sign-ups", schoolLeader("Carla Smit",
                "c.smit@vo-deventer.nl", "AM37", "VO Deventer", THEMES, "[]")));
        JsonNode second = json(post("/api/cohorts/" + autumn + "/sign-ups", schoolLeader("Carla Smit",
                "C.Smit@vo-deventer.nl", "AM37", "VO Deventer", THEMES, "[]")));

        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(second.get("participantRef").asString()).isEqualTo(first.get("participantRef").asString());
    }

    @Test
    void badAnswersAndLateSignUpsAreRefusedAndStoreNothing() {
        String cohort = openCohort("Voorjaar");

        ResponseEntity<String> noConsent = post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader(
                "Dirk Bos", "dirk@po-kampen.nl", "AM36", "PO Kampen", THEMES, "[]").replace("true", "false"));
        ResponseEntity<String> unknownTheme = post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader(
                "Dirk Bos", "dirk@po-kampen.nl", "AM36", "PO Kampen", "{\"ASTROLOGY\":2}", "[]"));
        ResponseEntity<String> badRegion = post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader(
                "Dirk Bos", "dirk@po-kampen.nl", "Zwolle", "PO Kampen", THEMES, "[]"));
        ResponseEntity<String> leaderWithTwo = post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader(
                "Dirk Bos", "dirk@po-kampen.nl", "AM36", "PO Kampen", THEMES, "[]")
                .replace("\"consent\"", "\"capacity\":2,\"consent\""));

        for (ResponseEntity<String> refused : new ResponseEntity[] {noConsent, unknownTheme, badRegion,
                leaderWithTwo}) {
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        assertThat(signUpsOf(cohort)).isZero();

        clock.advance(Period.ofDays(15));
        ResponseEntity<String> late = post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader("Dirk Bos",
                "dirk@po-kampen.nl", "AM36", "PO Kampen", THEMES, "[]"));

        assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(409);
        assertThat(signUpsOf(cohort)).isZero();
    }

    @Test
    void aWithdrawnSignUpStaysWithdrawn() {
        String cohort = openCohort("Voorjaar");
        String id = json(post("/api/cohorts/" + cohort + "/sign-ups", schoolLeader("Eva Mulder",
                "eva@kindcentrum.nl", "AM36", "Kindcentra Noord", THEMES, "[]"))).get("id").asString();

        assertThat(post("/api/sign-ups/" + id + "/withdrawal", "{}").getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/sign-ups/" + id + "/withdrawal", "{}").getStatusCode().value()).isEqualTo(409);
        assertThat(get("/api/sign-ups/{id}", id).get("status").asString()).isEqualTo("WITHDRAWN");
    }
}
