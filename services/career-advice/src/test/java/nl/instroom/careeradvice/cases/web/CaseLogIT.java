package nl.instroom.careeradvice.cases.web;

import static nl.instroom.careeradvice.AdviceFixtures.json;
import static nl.instroom.careeradvice.AdviceFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.instroom.careeradvice.AdviceFixtures;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.testing.InstroomInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The adviser's case log over the API: contacts whose summaries are sealed at rest, phases that only move forward
 * and leave with a reason from the list, outcomes that move the phase along, bad input refused without a change —
 * and every read and change of the person in the audit trail under the case's id, never their name.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=career-advice-case-log")
class CaseLogIT {

    static final String SUMMARY = "Twijfelt tussen zij-instroom en de educatieve master; heeft twee kinderen";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditTrail audit;

    AdviceFixtures fixtures;
    RestClient advisor;

    @BeforeEach
    void fixtures() {
        fixtures = new AdviceFixtures(port);
        advisor = fixtures.advisor();
    }

    private JsonNode read(String caseId) {
        return json(advisor.get().uri("/api/cases/{id}", caseId).retrieve().toEntity(String.class), 200);
    }

    @Test
    void aContactIsLoggedWithItsSummarySealedAtRestAndReadBackByTheAdviser() {
        String caseId = fixtures.ask("Sanne de Vries", "sanne.devries@example.org", "Hoe word ik leraar wiskunde?",
                fixtures.slot(advisor));

        JsonNode contact = json(post(advisor, "/api/cases/" + caseId + "/contacts", """
                {"kind":"VIDEO","on":"%s","minutes":25,"summary":"%s"}""".formatted(TODAY, SUMMARY)), 201);

        assertThat(contact.get("summary").asString()).isEqualTo(SUMMARY);
        JsonNode advice = read(caseId);
        assertThat(advice.get("contacts").get(0).get("summary").asString()).isEqualTo(SUMMARY);
        assertThat(advice.get("name").asString()).isEqualTo("Sanne de Vries");
        String stored = mongo.findById(caseId, Document.class, "advice_cases").toJson();
        assertThat(stored).doesNotContain(SUMMARY).doesNotContain("twee kinderen").doesNotContain("Sanne")
                .doesNotContain("Hoe word ik leraar").contains("v2:");
    }

    @Test
    void phasesMoveForwardOnlyAndACaseLeavesWithAReasonFromTheList() {
        String caseId = fixtures.ask("Ahmed Yilmaz", "ahmed.yilmaz@example.org", "Kan ik de pabo in deeltijd doen?",
                fixtures.slot(advisor));

        json(post(advisor, "/api/cases/" + caseId + "/phase", "{\"phase\":\"ORIENTING\"}"), 200);
        json(post(advisor, "/api/cases/" + caseId + "/phase", "{\"phase\":\"PREPARING\"}"), 200);
        ResponseEntity<String> backwards = post(advisor, "/api/cases/" + caseId + "/phase",
                "{\"phase\":\"ORIENTING\"}");
        ResponseEntity<String> leavingWithoutReason = post(advisor, "/api/cases/" + caseId + "/phase",
                "{\"phase\":\"LEFT\"}");
        ResponseEntity<String> reasonNotInTheList = post(advisor, "/api/cases/" + caseId + "/phase",
                "{\"phase\":\"LEFT\",\"reason\":\"BORED\"}");
        long revision = read(caseId).get("revision").asLong();

        assertThat(backwards.getStatusCode().value()).isEqualTo(409);
        assertThat(leavingWithoutReason.getStatusCode().value()).isEqualTo(400);
        assertThat(reasonNotInTheList.getStatusCode().value()).isEqualTo(400);
        assertThat(List.of(backwards, leavingWithoutReason, reasonNotInTheList)).allSatisfy(answer ->
                assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json"));
        assertThat(read(caseId).get("revision").asLong()).as("a refused change changes nothing").isEqualTo(revision);

        JsonNode left = json(post(advisor, "/api/cases/" + caseId + "/phase",
                "{\"phase\":\"LEFT\",\"reason\":\"FINANCES\"}"), 200);
        assertThat(left.get("phase").asString()).isEqualTo("LEFT");
        assertThat(left.get("phases")).extracting(phase -> phase.get("to").asString())
                .containsExactly("ORIENTING", "PREPARING", "LEFT");
        assertThat(left.get("phases").get(2).get("reason").asString()).isEqualTo("FINANCES");
    }

    @Test
    void anOutcomeMovesThePhaseAlongAndNeedsWhereItHappened() {
        String caseId = fixtures.ask("Lotte Bakker", "lotte.bakker@example.org", "Welke route in het mbo?",
                fixtures.slot(advisor));

        ResponseEntity<String> nowhere = post(advisor, "/api/cases/" + caseId + "/outcomes",
                "{\"kind\":\"IN_TRAINING\",\"on\":\"" + TODAY + "\"}");
        JsonNode training = json(post(advisor, "/api/cases/" + caseId + "/outcomes", """
                {"kind":"IN_TRAINING","on":"%s","routeId":"pdg-mbo","institution":"Hogeschool Windesheim"}"""
                .formatted(TODAY)), 201);
        JsonNode working = json(post(advisor, "/api/cases/" + caseId + "/outcomes", """
                {"kind":"WORKING","on":"%s","schoolCode":"21CM00","region":"AM36"}""".formatted(TODAY)), 201);

        assertThat(nowhere.getStatusCode().value()).isEqualTo(400);
        assertThat(training.get("phase").asString()).isEqualTo("IN_TRAINING");
        assertThat(working.get("phase").asString()).isEqualTo("WORKING");
        assertThat(working.get("outcomes")).hasSize(2);
    }

    @Test
    void everyReadAndChangeOfThePersonIsAuditedUnderTheCaseIdNeverTheirName() {
        String caseId = fixtures.ask("Kees Jansen", "kees.jansen@example.org", "Wat kost een educatieve master?",
                fixtures.slot(advisor));

        read(caseId);
        json(post(advisor, "/api/cases/" + caseId + "/contacts",
                "{\"kind\":\"PHONE\",\"on\":\"" + TODAY + "\",\"minutes\":15}"), 201);
        advisor.get().uri("/api/cases").retrieve().toBodilessEntity();

        List<AuditTrail.AuditEntry> entries = audit.find(caseId, null, 50);
        assertThat(entries).extracting(AuditTrail.AuditEntry::action).contains("OPENED_CASE", "LOOKED_UP_CASE",
                "READ_CASE", "LOGGED_CONTACT", "LISTED_CASE");
        assertThat(entries).filteredOn(entry -> entry.action().equals("READ_CASE"))
                .extracting(AuditTrail.AuditEntry::actor).contains("advisor-1");
        assertThat(mongo.findAll(Document.class, AuditTrail.COLLECTION).toString()).doesNotContain("Kees")
                .doesNotContain("kees.jansen");
    }

    @Test
    void whoIsNotAnAdviserSeesNoCaseAndAnUnknownCaseIsNotFound() {
        String caseId = fixtures.ask("Noor Visser", "noor.visser@example.org", "Kan ik lesgeven in het so?",
                fixtures.slot(advisor));

        assertThat(fixtures.anyone().get().uri("/api/cases/{id}", caseId).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(401);
        assertThat(nl.instroom.testing.ApiClient.as(nl.instroom.testing.TestTokens.instance().coordinator(), port)
                .get().uri("/api/cases/{id}", caseId).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(403);
        assertThat(advisor.get().uri("/api/cases/{id}", "no-such-case").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }
}
