package nl.instroom.mentoring.signup.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import nl.instroom.chassis.retention.RetentionPurge;
import nl.instroom.events.Topics;
import nl.instroom.mentoring.MentoringIntegrationTest;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Sign-ups are kept for the configured period ({@code instroom.retention.mentoring-participant}, a year) after their
 * cohort ended, on the module's clock that the test moves on: on the last day of the period nothing of them goes;
 * a day later the person's name, address, fingerprint, sign-in name, organisation and "not with" are gone and the
 * reference is {@code erased}, while what the figures count stays, and — as with an erasure — their pair forgets
 * them and their goals and feedback text go; a sign-up of a later round, even of a person who was in the ended
 * one, stays whole; the purge is published on {@code privacy.retention.v1} with the references only. Runs in the
 * module's one Spring context: other tests' sign-ups may be purged alongside, so it asserts on its own.
 */
class SignUpRetentionIT extends MentoringIntegrationTest {

    private static final String NAME = "Jolien Kuipers";
    private static final String EMAIL = "j.kuipers@obs-de-horizon.nl";
    private static final String BOARD = "Stichting Horizon Onderwijs";
    private static final String ACCOUNT = "jkuipers.horizon";
    private static final String EXECUTIVE_NAME = "Karel Dijkhuis";
    private static final String EXECUTIVE_EMAIL = "k.dijkhuis@waterbedrijf-oost.nl";
    private static final String COMPANY = "Waterbedrijf Oost";
    private static final String NOT_WITH = "Energie Noord";
    private static final String RETURNING = "Sander Bos";
    private static final String RETURNING_EMAIL = "s.bos@cbs-de-wegwijzer.nl";
    private static final String GOAL = "Een netwerk van zij-instromers voor onze school";
    private static final String FEEDBACK = "Zijn blik op verzuim hielp ons team vooruit";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    RetentionPurge retention;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    /** A later round of the programme: sign-ups open today, it ends two years from now. */
    private String laterCohort() {
        String programme = json(post("/api/programmes", "{\"name\":\"Cross-mentoring, tweede ronde\"}"))
                .get("id").asString();
        LocalDate today = today();
        return json(post("/api/programmes/" + programme + "/cohorts", """
                {"name":"Ronde 2","signUpOpens":"%s","signUpCloses":"%s","starts":"%s","ends":"%s"}"""
                .formatted(today, today.plusDays(14), today.plusMonths(1), today.plusYears(2)))).get("id")
                .asString();
    }

    private JsonNode signUp(String cohort, String questionnaire) {
        ResponseEntity<String> created = post("/api/cohorts/" + cohort + "/sign-ups", questionnaire);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return json(created);
    }

    private Document stored(JsonNode signUp) {
        return mongo.findById(signUp.get("id").asString(), Document.class, "sign_ups");
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private String activePair(String cohort, JsonNode leader, JsonNode executive) {
        String pair = json(post("/api/cohorts/" + cohort + "/pairs", "{\"leader\":\"" + leader.get("id").asString()
                + "\",\"executive\":\"" + executive.get("id").asString() + "\"}")).get("id").asString();
        post("/api/pairs/" + pair + "/acceptance", "{\"side\":\"SCHOOL_LEADER\"}");
        post("/api/pairs/" + pair + "/acceptance", "{\"side\":\"EXECUTIVE\"}");
        assertThat(post("/api/pairs/" + pair + "/activation", "{}").getStatusCode().value()).isEqualTo(200);
        assertThat(post("/api/pairs/" + pair + "/goals", "{\"side\":\"SCHOOL_LEADER\",\"text\":\"" + GOAL + "\"}")
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(post("/api/pairs/" + pair + "/feedback", "{\"side\":\"SCHOOL_LEADER\",\"moment\":\"MIDWAY\","
                + "\"score\":4,\"text\":\"" + FEEDBACK + "\"}").getStatusCode().is2xxSuccessful()).isTrue();
        return pair;
    }

    @Test
    void aSignUpIsForgottenAYearAfterItsCohortEndedAndThePurgeIsPublished(TestInfrastructure infrastructure) {
        String cohort = openCohort("Voorjaar");
        JsonNode leader = signUp(cohort, schoolLeader(NAME, EMAIL, "AM36", BOARD, "{\"WELLBEING\":3}",
                "[\"" + NOT_WITH + "\"]").replace("\"consent\":true", "\"consent\":true,\"account\":\"" + ACCOUNT
                + "\""));
        JsonNode executive = signUp(cohort, executive(EXECUTIVE_NAME, EXECUTIVE_EMAIL, "AM36", COMPANY,
                "{\"WELLBEING\":1}", 2, "[]"));
        JsonNode returningEarlier = signUp(cohort, schoolLeader(RETURNING, RETURNING_EMAIL, "AM36", BOARD,
                "{\"LEADERSHIP\":2}", "[]"));
        JsonNode returning = signUp(laterCohort(), schoolLeader(RETURNING, RETURNING_EMAIL, "AM36", BOARD,
                "{\"LEADERSHIP\":2}", "[]"));
        String pair = activePair(cohort, leader, executive);
        String leaderRef = leader.get("participantRef").asString();
        String executiveRef = executive.get("participantRef").asString();
        String returningRef = returning.get("participantRef").asString();
        assertThat(returningEarlier.get("participantRef").asString()).as("the same person in a later round")
                .isEqualTo(returningRef);
        LocalDate ends = LocalDate.parse(get("/api/cohorts/{id}", cohort).get("ends").asString());

        clock.advance(Period.between(today(), ends).plusYears(1));
        assertThat(LocalDate.now(clock)).isEqualTo(ends.plusYears(1));
        retention.purge();
        assertThat(stored(leader).getString("name")).as("the last day of the period").isEqualTo(NAME);
        assertThat(stored(executive).getString("participantRef")).isEqualTo(executiveRef);
        assertThat(get("/api/pairs/{id}", pair).get("goals").size()).isEqualTo(1);

        clock.advance(Period.ofDays(1));
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            assertThat(retention.purge()).filteredOn(report -> report.kind().equals("mentoring-participant"))
                    .singleElement().satisfies(report -> {
                        assertThat(report.retention()).isEqualTo(Period.ofYears(1));
                        assertThat(report.recordsPurged()).as("at least this cohort's three").isGreaterThanOrEqualTo(3);
                    });
            ConsumerRecord<String, byte[]> notice = notices.awaitRecord(r -> text(r).contains(
                    "\"dataKind\":\"mentoring-participant\"") && text(r).contains(executiveRef));
            JsonNode published = JSON.readTree(text(notice));
            assertThat(published.get("service").asString()).isEqualTo("mentoring");
            assertThat(published.get("retention").asString()).isEqualTo("P1Y");
            List<String> references = published.get("references").valueStream().map(JsonNode::asString).toList();
            assertThat(references).contains(leaderRef, executiveRef);
            notices.seen().forEach(record -> assertThat(text(record)).doesNotContain(NAME, EMAIL, BOARD, ACCOUNT,
                    EXECUTIVE_NAME, EXECUTIVE_EMAIL, COMPANY, NOT_WITH, RETURNING, GOAL, FEEDBACK));
        }

        for (Document gone : List.of(stored(leader), stored(executive), stored(returningEarlier))) {
            assertThat(gone.getString("participantRef")).isEqualTo("erased");
            assertThat(gone.getBoolean("erased")).isTrue();
            for (String field : List.of("name", "email", "emailFingerprint", "account", "organisation")) {
                assertThat(gone.containsKey(field)).as(field).isFalse();
            }
            assertThat(gone.getList("notWith", String.class)).isEmpty();
            assertThat(gone.getString("side")).as("what the figures count stays").isNotNull();
            assertThat(gone.getString("region")).isEqualTo("AM36");
            assertThat(gone.toJson()).doesNotContain(NAME, EMAIL, ACCOUNT, EXECUTIVE_NAME, EXECUTIVE_EMAIL,
                    RETURNING, RETURNING_EMAIL, "energie noord", "horizon", "waterbedrijf");
        }
        JsonNode forgottenPair = get("/api/pairs/{id}", pair);
        assertThat(forgottenPair.get("pair").get("leaderRef").asString()).isEqualTo("erased");
        assertThat(forgottenPair.get("pair").get("executiveRef").asString()).isEqualTo("erased");
        assertThat(forgottenPair.get("goals").size()).as("the goal's text went with the leader").isZero();
        assertThat(forgottenPair.get("feedback").get(0).get("score").asInt()).as("the score stays for the figures")
                .isEqualTo(4);
        assertThat(forgottenPair.toString()).doesNotContain(FEEDBACK, leaderRef, executiveRef);
        Document later = stored(returning);
        assertThat(later.getString("name")).as("a later round's sign-up is not due").isEqualTo(RETURNING);
        assertThat(later.getString("participantRef")).isEqualTo(returningRef);
        assertThat(later.getString("emailFingerprint")).isNotBlank();

        assertThat(retention.purge()).as("run again: nothing more is due")
                .noneMatch(report -> report.kind().equals("mentoring-participant"));
    }
}
