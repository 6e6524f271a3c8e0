package nl.instroom.careeradvice.need.web;

import static nl.instroom.careeradvice.AdviceFixtures.json;
import static nl.instroom.careeradvice.AdviceFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.instroom.careeradvice.AdviceFixtures;
import nl.instroom.careeradvice.ShiftedDays;
import nl.instroom.chassis.retention.RetentionPurge;
import nl.instroom.events.Sector;
import nl.instroom.events.Topics;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SubjectNeed;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.ShiftableClock;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Referral to need, over the real broker: need-mapping's school and need events reach career-advice's own view; the
 * adviser sees the regions and schools with the greatest need for the person's subject near their PC4, and refers
 * them to a region — the referral is read back from the real topic and carries no name, e-mail address, question or
 * summary. Then privacy: an erasure request for the case is answered and no collection holds the name, the e-mail
 * address or the case id any more; and a case past the retention period its person chose is purged the same way.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=career-advice-referral")
@Import(ShiftedDays.class)
class ReferralIT {

    static final String ZWOLLE = "AM36";
    static final String FLEVOLAND = "AM11";
    static final String DRENTHE = "AM08";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** For the key database, which the case keys live in apart from the cases. */
    @Autowired
    MongoClient client;

    @Autowired
    ShiftableClock clock;

    @Autowired
    RetentionPurge retention;

    AdviceFixtures fixtures;
    RestClient advisor;

    @BeforeEach
    void fixtures() {
        fixtures = new AdviceFixtures(port);
        advisor = fixtures.advisor();
    }

    /** Schools of Zwolle (PC4 8011–8025), one across the border in Kampen's region, and one far away. */
    private void schoolsAndTheirNeed(EventProducer needMapping) {
        school(needMapping, "20ZW00", "Carolus Clusius College", "8011 AB", 52.512, 6.094, ZWOLLE);
        school(needMapping, "21ZW01", "Gymnasium Celeanum", "8021 CD", 52.525, 6.080, ZWOLLE);
        school(needMapping, "22ZW02", "Thomas a Kempis College", "8024 EF", 52.530, 6.110, ZWOLLE);
        school(needMapping, "23FL03", "Almere College Kampen", "8261 GH", 52.555, 5.910, FLEVOLAND);
        school(needMapping, "24DR04", "Dr. Nassau College Assen", "9401 JK", 52.995, 6.560, DRENTHE);
        need(needMapping, "20ZW00", ZWOLLE, 3.0, 2.0);
        need(needMapping, "21ZW01", ZWOLLE, 5.0, 0.5);
        need(needMapping, "22ZW02", ZWOLLE, 2.0, 1.0);
        need(needMapping, "23FL03", FLEVOLAND, 9.0, 6.0);
        need(needMapping, "24DR04", DRENTHE, 9.0, 9.0);
    }

    private static void school(EventProducer needMapping, String code, String name, String postcode, double lat,
            double lon, String region) {
        needMapping.publish(new SchoolRegistered(code, name, Sector.VO, "ZWOLLE", "GM0193", postcode, lat, lon, 900,
                region, 1));
    }

    private static void need(EventProducer needMapping, String code, String region, double raw, double wiskunde) {
        needMapping.publish(new SchoolNeedChanged(code, region, raw, List.of(new SubjectNeed("Wiskunde", wiskunde,
                BigDecimal.ONE), new SubjectNeed("engels", raw - wiskunde, BigDecimal.ONE)), List.of(), 1));
    }

    private String caseInZwolle(String name, String email) {
        String caseId = fixtures.ask(name, email, "Ik ben ingenieur en wil wiskunde geven, waar is de nood hoog?",
                fixtures.slot(advisor, clock.instant()));
        json(post(advisor, "/api/cases/" + caseId + "/contacts", """
                {"kind":"PHONE","on":"%s","minutes":30,"summary":"Wil bij voorkeur in Zwolle-Zuid werken"}"""
                .formatted(LocalDate.now(clock))), 201);
        return caseId;
    }

    @Test
    void theAdviserSeesTheGreatestNeedNearThePersonAndTheReferralLeavesWithFactsOnly(
            TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            schoolsAndTheirNeed(needMapping);
        }
        String caseId = caseInZwolle("Pieter Mulder", "pieter.mulder@example.org");

        JsonNode near = await().atMost(Duration.ofSeconds(30)).until(() -> json(advisor.get()
                .uri("/api/cases/{id}/need-nearby?radiusKm=25", caseId).retrieve().toEntity(String.class), 200),
                answer -> answer.get("schools").size() == 4);

        assertThat(near.get("placedBy").asString()).isEqualTo("PC4 8011");
        assertThat(near.get("regions")).extracting(region -> region.get("region").asString())
                .containsExactly(FLEVOLAND, ZWOLLE);
        assertThat(near.get("regions").get(1).get("need").asDouble()).isEqualTo(3.5);
        assertThat(near.get("schools").get(0).get("schoolCode").asString()).isEqualTo("23FL03");
        assertThat(near.get("schools")).extracting(school -> school.get("schoolCode").asString())
                .doesNotContain("24DR04");

        try (TopicProbe referrals = TopicProbe.on(infrastructure, Topics.ADVICE_REFERRALS)) {
            json(post(advisor, "/api/cases/" + caseId + "/referrals", "{\"region\":\"" + FLEVOLAND + "\"}"), 201);

            ConsumerRecord<String, byte[]> referral = referrals.awaitRecord(record -> caseId.equals(record.key()));
            String payload = new String(referral.value(), StandardCharsets.UTF_8);
            JsonNode event = AdviceFixtures.JSON.readTree(payload);
            assertThat(header(referral, "ce_type")).isEqualTo("nl.instroom.advice.CandidateReferred.v1");
            assertThat(event.get("caseId").asString()).isEqualTo(caseId);
            assertThat(event.get("region").asString()).isEqualTo(FLEVOLAND);
            assertThat(event.get("sector").asString()).isEqualTo("VO");
            assertThat(event.get("subject").asString()).isEqualTo("wiskunde");
            StringBuilder everything = new StringBuilder(payload);
            for (Header header : referral.headers()) {
                everything.append(new String(header.value(), StandardCharsets.UTF_8));
            }
            assertThat(everything.toString()).doesNotContain("Pieter").doesNotContain("Mulder")
                    .doesNotContain("pieter.mulder").doesNotContain("ingenieur").doesNotContain("Zwolle-Zuid");
        }
        assertThat(post(advisor, "/api/cases/" + caseId + "/referrals", "{\"region\":\"Flevoland\"}")
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anErasureRequestForTheCaseIsAnsweredAndNoCollectionHoldsTheNameEmailOrCaseIdAfter(
            TestInfrastructure infrastructure) {
        String caseId = caseInZwolle("Ingrid Hoekstra", "ingrid.hoekstra@example.org");
        json(post(advisor, "/api/cases/" + caseId + "/referrals", "{\"region\":\"" + ZWOLLE + "\"}"), 201);
        // Introduced to Zwolle's coordinator, who read it (an audited read of the case): erasure takes that too.
        json(put(advisor, caseId, """
                {"agreed":true,"agreedOn":"%s","region":"AM36","firstName":"Ingrid","contactEmail":"ingrid.h@example.org"}"""
                .formatted(LocalDate.now(clock))), 200);
        assertThat(introducedTo(nl.instroom.testing.ApiClient.as(nl.instroom.testing.TestTokens.instance()
                .coordinator(), port))).contains("Ingrid");
        assertThat(everyCollection()).as("before: the case is there").contains(caseId)
                .as("sealed at rest").doesNotContain("Ingrid Hoekstra").doesNotContain("ingrid.hoekstra");
        String requestId = UUID.randomUUID().toString();

        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe answers = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            identity.publish(new SubjectErasureRequested(requestId, SubjectKind.EXTERNAL, caseId));
            ConsumerRecord<String, byte[]> answer = answers.awaitRecord(record -> requestId.equals(record.key())
                    && new String(record.value(), StandardCharsets.UTF_8).contains("career-advice"));
            assertThat(new String(answer.value(), StandardCharsets.UTF_8)).doesNotContain(caseId);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(everyCollection())
                .doesNotContain(caseId).doesNotContain("Ingrid").doesNotContain("ingrid.hoekstra")
                .doesNotContain("ingrid.h@")
                .doesNotContainIgnoringCase("hoekstra"));
        assertThat(advisor.get().uri("/api/cases/{id}", caseId).retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(404);
        assertThat(post(fixtures.admin(), "/api/cases/lookup", "{\"email\":\"ingrid.hoekstra@example.org\"}")
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aCasePastTheRetentionPeriodItsPersonChoseIsPurgedWhole() {
        // Both chose twelve months; the adviser was in touch with one of them again after ten.
        String kept = caseInZwolle("Bram Kok", "bram.kok@example.org");
        String expired = caseInZwolle("Mila Dekker", "mila.dekker@example.org");
        clock.advance(Period.ofMonths(10));
        json(post(advisor, "/api/cases/" + kept + "/contacts", """
                {"kind":"EMAIL","on":"%s","minutes":5}""".formatted(LocalDate.now(clock))), 201);
        clock.advance(Period.ofMonths(3).plusDays(2));

        List<RetentionPurge.Report> reports = retention.purge();

        // Cases of this class's other tests, made at the real time, are past their period too by now.
        assertThat(reports).filteredOn(report -> report.kind().equals("advice-case"))
                .extracting(RetentionPurge.Report::recordsPurged).singleElement()
                .satisfies(purged -> assertThat(purged).isPositive());
        String left = everyCollection();
        assertThat(left).doesNotContain(expired).contains(kept);
        assertThat(advisor.get().uri("/api/cases/{id}", kept).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        clock.reset();
    }

    /**
     * The later stages leave on the referral topic too: in training, then working, each once, to the region of the
     * latest referral, as months and facts — never the route, the institution, the school or anything of the person.
     * A case referred after its training started tells the region the stage right after the referral.
     */
    @Test
    void theLaterStagesOfAReferredCaseLeaveOnTheTopicOnceEachWithFactsOnly(TestInfrastructure infrastructure) {
        String caseId = caseInZwolle("Sander Visser", "sander.visser@example.org");
        String month = java.time.YearMonth.now(clock).toString();
        String early = caseInZwolle("Noor Bakker", "noor.bakker@example.org");
        try (TopicProbe topic = TopicProbe.on(infrastructure, Topics.ADVICE_REFERRALS)) {
            json(post(advisor, "/api/cases/" + caseId + "/referrals", "{\"region\":\"" + ZWOLLE + "\"}"), 201);
            json(post(advisor, "/api/cases/" + caseId + "/outcomes", """
                    {"kind":"IN_TRAINING","on":"%s","routeId":"zij-instroom-vo","institution":"Hogeschool Windesheim"}"""
                    .formatted(LocalDate.now(clock))), 201);
            JsonNode inTraining = progressed(topic.awaitRecord(record -> caseId.equals(record.key())
                    && "nl.instroom.advice.CandidateProgressed.v1".equals(header(record, "ce_type"))));
            assertThat(inTraining.get("stage").asString()).isEqualTo("IN_TRAINING");
            assertThat(inTraining.get("region").asString()).isEqualTo(ZWOLLE);
            assertThat(inTraining.get("subject").asString()).isEqualTo("wiskunde");
            assertThat(inTraining.get("inTrainingSince").asString()).isEqualTo(month);
            assertThat(inTraining.get("workingSince").isNull()).isTrue();

            // Working: a second stage event. Moving the phase again (already working) is refused and tells nothing.
            json(post(advisor, "/api/cases/" + caseId + "/outcomes", """
                    {"kind":"WORKING","on":"%s","schoolCode":"21ZW01"}""".formatted(LocalDate.now(clock))), 201);
            assertThat(post(advisor, "/api/cases/" + caseId + "/phase", "{\"phase\":\"WORKING\"}")
                    .getStatusCode().value()).isEqualTo(409);

            // Referred when already in training: the referral, then the stage, in that order under the case's key.
            json(post(advisor, "/api/cases/" + early + "/phase", "{\"phase\":\"IN_TRAINING\"}"), 200);
            json(post(advisor, "/api/cases/" + early + "/referrals", "{\"region\":\"" + FLEVOLAND + "\"}"), 201);
            List<ConsumerRecord<String, byte[]>> ofEarly = topic.awaitRecords(2,
                    record -> early.equals(record.key()));
            assertThat(ofEarly).extracting(record -> header(record, "ce_type")).containsExactly(
                    "nl.instroom.advice.CandidateReferred.v1", "nl.instroom.advice.CandidateProgressed.v1");
            JsonNode earlyStage = progressed(ofEarly.get(1));
            assertThat(earlyStage.get("region").asString()).isEqualTo(FLEVOLAND);
            assertThat(earlyStage.get("revision").asLong()).isGreaterThan(AdviceFixtures.JSON.readTree(
                    new String(ofEarly.get(0).value(), StandardCharsets.UTF_8)).get("revision").asLong());

            List<ConsumerRecord<String, byte[]>> stages = topic.awaitRecords(2, record -> caseId.equals(record.key())
                    && "nl.instroom.advice.CandidateProgressed.v1".equals(header(record, "ce_type")));
            assertThat(stages).hasSize(2);
            JsonNode working = progressed(stages.get(1));
            assertThat(working.get("stage").asString()).isEqualTo("WORKING");
            assertThat(working.get("inTrainingSince").asString()).isEqualTo(month);
            assertThat(working.get("workingSince").asString()).isEqualTo(month);
            StringBuilder everything = new StringBuilder();
            for (ConsumerRecord<String, byte[]> record : topic.seen()) {
                everything.append(new String(record.value(), StandardCharsets.UTF_8));
                for (Header header : record.headers()) {
                    everything.append(new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            assertThat(everything.toString()).doesNotContain("Sander").doesNotContain("Visser")
                    .doesNotContain("sander.visser").doesNotContain("Noor").doesNotContain("Windesheim")
                    .doesNotContain("zij-instroom").doesNotContain("21ZW01").doesNotContain("Zwolle-Zuid")
                    .doesNotContain("ingenieur");
        }
    }

    /**
     * The introduction step: the coordinator of the region the person was referred to sees nothing of them until the
     * adviser records their explicit agreement, then only what they agreed to share; another region's coordinator
     * never does; withdrawing drops it again. Bad input is a problem and stores nothing; every read is audited.
     */
    @Test
    void theCoordinatorSeesOnlyWhatThePersonAgreedToShareAndOnlyUntilTheyWithdraw() {
        String caseId = caseInZwolle("Lotte de Graaf", "lotte.degraaf@example.org");
        RestClient zwolle = nl.instroom.testing.ApiClient.as(nl.instroom.testing.TestTokens.instance().token(
                "coordinator-zwolle", List.of("COORDINATOR"), ZWOLLE, null), port);
        RestClient flevoland = nl.instroom.testing.ApiClient.as(nl.instroom.testing.TestTokens.instance().token(
                "coordinator-flevoland", List.of("COORDINATOR"), FLEVOLAND, null), port);
        String today = LocalDate.now(clock).toString();
        String agreement = """
                {"agreed":true,"agreedOn":"%s","region":"%s","firstName":"Lotte","contactEmail":"lotte.werk@example.org"}""";

        // Not referred yet: no region can be introduced.
        assertThat(put(advisor, caseId, agreement.formatted(today, ZWOLLE)).getStatusCode().value()).isEqualTo(409);
        json(post(advisor, "/api/cases/" + caseId + "/referrals", "{\"region\":\"" + ZWOLLE + "\"}"), 201);
        assertThat(introducedTo(zwolle)).doesNotContain(caseId);
        long before = json(advisor.get().uri("/api/cases/{id}", caseId).retrieve().toEntity(String.class), 200)
                .get("revision").asLong();

        for (String bad : List.of(
                agreement.formatted(today, ZWOLLE).replace("\"agreed\":true", "\"agreed\":false"),
                agreement.formatted(today, ZWOLLE).replace("\"agreed\":true,", ""),
                agreement.formatted(LocalDate.now(clock).plusDays(3), ZWOLLE),
                agreement.formatted(today, ZWOLLE).replace("\"Lotte\"", "null").replace("\"lotte.werk@example.org\"",
                        "null"),
                agreement.formatted(today, ZWOLLE).replace("lotte.werk@example.org", "not an address"),
                agreement.formatted(today, "Zwolle"))) {
            var answer = put(advisor, caseId, bad);
            assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        var elsewhere = put(advisor, caseId, agreement.formatted(today, FLEVOLAND));
        assertThat(elsewhere.getStatusCode().value()).as("a region the person was not referred to").isEqualTo(409);
        assertThat(elsewhere.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(json(advisor.get().uri("/api/cases/{id}", caseId).retrieve().toEntity(String.class), 200)
                .get("revision").asLong()).as("nothing stored").isEqualTo(before);
        assertThat(advisor.delete().uri("/api/cases/{id}/introduction", caseId).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("nothing to withdraw").isEqualTo(409);

        json(put(advisor, caseId, agreement.formatted(today, ZWOLLE)), 200);

        JsonNode introduced = introduced(zwolle, caseId);
        assertThat(introduced.get("firstName").asString()).isEqualTo("Lotte");
        assertThat(introduced.get("contactEmail").asString()).isEqualTo("lotte.werk@example.org");
        assertThat(introduced.get("agreedOn").asString()).isEqualTo(today);
        assertThat(introduced.get("subject").asString()).isEqualTo("wiskunde");
        String shown = zwolle.get().uri("/api/introductions").retrieve().body(String.class);
        assertThat(shown).doesNotContain("de Graaf").doesNotContain("lotte.degraaf").doesNotContain("ingenieur")
                .doesNotContain("Zwolle-Zuid");
        assertThat(flevoland.get().uri("/api/introductions").retrieve().body(String.class)).doesNotContain(caseId)
                .doesNotContain("Lotte");
        assertThat(flevoland.get().uri("/api/introductions?region=" + ZWOLLE).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("action").is("READ_INTRODUCTION")),
                Document.class, nl.instroom.chassis.audit.AuditTrail.COLLECTION).stream()
                .map(Document::toJson)).anyMatch(entry -> entry.contains(caseId));
        assertThat(everyCollection()).as("sealed at rest").doesNotContain("lotte.werk");

        assertThat(advisor.delete().uri("/api/cases/{id}/introduction", caseId).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(introducedTo(zwolle)).doesNotContain(caseId).doesNotContain("Lotte");
        JsonNode kept = json(advisor.get().uri("/api/cases/{id}", caseId).retrieve().toEntity(String.class), 200)
                .get("introduction");
        assertThat(kept.get("withdrawnOn").asString()).isEqualTo(today);
        assertThat(kept.get("firstName").isNull()).as("what was shared is gone").isTrue();
        assertThat(kept.get("contactEmail").isNull()).isTrue();
    }

    private static org.springframework.http.ResponseEntity<String> put(RestClient advisor, String caseId,
            String body) {
        return advisor.put().uri("/api/cases/{id}/introduction", caseId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    private static String introducedTo(RestClient coordinator) {
        return json(coordinator.get().uri("/api/introductions").retrieve().toEntity(String.class), 200).toString();
    }

    private static JsonNode introduced(RestClient coordinator, String caseId) {
        for (JsonNode candidate : json(coordinator.get().uri("/api/introductions").retrieve()
                .toEntity(String.class), 200)) {
            if (candidate.get("caseRef").asString().equals(caseId)) {
                return candidate;
            }
        }
        throw new AssertionError("case " + caseId + " is not introduced");
    }

    private static JsonNode progressed(ConsumerRecord<String, byte[]> record) {
        return AdviceFixtures.JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    /** Every document of every collection of the service's store and its key database, as text. */
    private String everyCollection() {
        List<String> all = new ArrayList<>();
        MongoTemplate keys = new MongoTemplate(client, mongo.getDb().getName() + "-keys");
        for (MongoTemplate database : List.of(mongo, keys)) {
            for (String collection : database.getCollectionNames()) {
                database.findAll(Document.class, collection).forEach(document -> all.add(collection + ": "
                        + document.toJson()));
            }
        }
        return String.join("\n", all);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
