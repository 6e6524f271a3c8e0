package nl.instroom.needmapping.referral.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.instroom.events.Sector;
import nl.instroom.events.Topics;
import nl.instroom.events.advice.CandidateProgressed;
import nl.instroom.events.advice.CandidateReferred;
import nl.instroom.events.privacy.PersonalDataPurged;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.needmapping.SchoolFixtures;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20's referral, as need-mapping receives it: career-advice's {@code CandidateReferred} on the real topic
 * reaches the coordinator's view of their region — by pseudonymous case reference, next to the region's need for the
 * subject — once however often it is delivered, the newest referral of a case winning; another region's coordinator
 * does not see it. An erasure request for the case removes it from every collection, and the same referral
 * published again afterwards is dropped by the erasure ledger. A case career-advice's retention purge names on
 * privacy.retention.v1 is forgotten the same way; another service's notice changes nothing.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=needmapping-referrals", "instroom.need.coalesce-interval=100ms"})
@DirtiesContext
class ReferralViewIT {

    private static final String ZWOLLE = TestTokens.REGION;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void aReferralReachesTheRegionsCoordinatorNextToTheNeedAndLeavesWithAnErasure(
            TestInfrastructure infrastructure) {
        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        RestClient coordinator = ApiClient.as(TestTokens.instance().coordinator(), port);
        SchoolFixtures.registered(admin, SchoolFixtures.aSecondarySchoolInZwolle("82RF00"));
        ResponseEntity<String> vacancy = coordinator.post().uri("/api/vacancies")
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"schoolCode":"82RF00","subject":"natuurkunde","fte":0.8,"hoursPerWeek":20,
                         "startDate":"2027-01-01","urgency":"HIGH"}""").retrieve().toEntity(String.class);
        assertThat(vacancy.getStatusCode().value()).as(vacancy.getBody()).isEqualTo(201);

        String physics = UUID.randomUUID().toString();
        String primary = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        LocalDate today = LocalDate.now();
        java.time.YearMonth month = java.time.YearMonth.from(today);
        try (EventProducer careerAdvice = EventProducer.as("career-advice", infrastructure)) {
            CandidateReferred first = new CandidateReferred(physics, ZWOLLE, Sector.VO, "wiskunde",
                    today.minusDays(3), 4);
            careerAdvice.publish(first);
            // The adviser changed the subject and referred again: the newer revision wins, the older one
            // delivered again (under a new event id) changes nothing, the same event twice is applied once.
            CandidateReferred newer = new CandidateReferred(physics, ZWOLLE, Sector.VO, "natuurkunde",
                    today.minusDays(1), 6);
            String newerId = careerAdvice.publish(newer);
            careerAdvice.publish(newer, newerId);
            careerAdvice.publish(first);
            // Same case, so the same partition: once this one is seen, the stale one before it was handled too.
            careerAdvice.publish(new CandidateReferred(physics, "AM11", Sector.VO, "natuurkunde", today, 7));
            careerAdvice.publish(new CandidateReferred(primary, ZWOLLE, Sector.PO, null, today, 3));
            // The later stages of the primary-school teacher: in training, then working (each its whole progress).
            careerAdvice.publish(new CandidateProgressed(primary, ZWOLLE, Sector.PO, null, "IN_TRAINING", month,
                    null, 4));
            careerAdvice.publish(new CandidateProgressed(primary, ZWOLLE, Sector.PO, null, "WORKING", month,
                    month.plusMonths(1), 5));
            careerAdvice.publish(new CandidateReferred(elsewhere, "AM11", Sector.VO, "wiskunde", today, 2));
        }

        RestClient flevoland = ApiClient.as(TestTokens.instance().token("coordinator-flevoland",
                List.of("COORDINATOR"), "AM11", null), port);
        await().untilAsserted(() -> {
            assertThat(refs(get(flevoland, "/api/referrals"))).containsExactlyInAnyOrder(elsewhere, physics);
            JsonNode view = get(coordinator, "/api/referrals");
            assertThat(refs(view)).containsExactly(primary, physics);
            JsonNode physicsRow = row(view, "natuurkunde");
            assertThat(physicsRow.get("referred").asInt()).isEqualTo(1);
            assertThat(physicsRow.get("openFte").asDouble()).as("the need next to it").isEqualTo(0.8);
            assertThat(physicsRow.get("schoolsWithNeed").asInt()).isEqualTo(1);
            assertThat(view.get("working").asInt()).as("the primary-school teacher's later stage").isEqualTo(1);
        });
        JsonNode view = get(coordinator, "/api/referrals");
        assertThat(view.get("region").asString()).isEqualTo(ZWOLLE);
        assertThat(view.get("referred").asInt()).isEqualTo(2);
        assertThat(view.get("complete").asBoolean()).isTrue();
        assertThat(view.get("candidates").get(1).get("referredOn").asString())
                .isEqualTo(today.minusDays(1).toString());
        JsonNode primaryRow = row(view, null);
        assertThat(primaryRow.get("sector").asString()).isEqualTo("PO");
        assertThat(primaryRow.get("openFte").isNull()).as("no subject, no subject's need").isTrue();
        assertThat(view.get("inTraining").asInt()).as("working passed through training").isEqualTo(1);
        assertThat(primaryRow.get("inTraining").asInt()).isEqualTo(1);
        assertThat(primaryRow.get("working").asInt()).isEqualTo(1);
        assertThat(physicsRow(view).get("inTraining").asInt()).isZero();
        JsonNode primaryCandidate = view.get("candidates").get(0);
        assertThat(primaryCandidate.get("inTrainingSince").asString()).isEqualTo(month.toString());
        assertThat(primaryCandidate.get("workingSince").asString()).isEqualTo(month.plusMonths(1).toString());
        assertThat(view.get("candidates").get(1).get("workingSince").isNull()).isTrue();
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "referrals"))
                .as("one document per case and region").isEqualTo(4);

        ResponseEntity<String> otherRegion = flevoland.get().uri("/api/referrals?region=" + ZWOLLE).retrieve()
                .toEntity(String.class);
        assertThat(otherRegion.getStatusCode().value()).isEqualTo(404);
        assertThat(otherRegion.getBody()).doesNotContain(physics);
        ResponseEntity<String> bad = coordinator.get().uri("/api/referrals?months=0").retrieve()
                .toEntity(String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(refs(get(admin, "/api/referrals?region=" + ZWOLLE))).containsExactly(primary, physics);

        String requestId = UUID.randomUUID().toString();
        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe answers = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            identity.publish(new SubjectErasureRequested(requestId, SubjectKind.EXTERNAL, physics));
            answers.awaitRecord(record -> text(record).contains(requestId)
                    && text(record).contains("\"service\":\"need-mapping\""));
        }
        assertThat(refs(get(coordinator, "/api/referrals"))).containsExactly(primary);
        assertThat(mentions(physics)).as("after the erasure").isEmpty();

        double skippedBefore = skippedAsErased();
        try (EventProducer careerAdvice = EventProducer.as("career-advice", infrastructure)) {
            careerAdvice.publish(new CandidateReferred(physics, ZWOLLE, Sector.VO, "natuurkunde", today, 9));
        }
        await().until(() -> skippedAsErased() > skippedBefore);
        assertThat(mentions(physics)).as("a referral of the erased case published again").isEmpty();
        assertThat(refs(get(coordinator, "/api/referrals"))).containsExactly(primary);

        double skippedBeforePurge = skippedAsErased();
        double ignoredBefore = ignoredNotices();
        try (EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            // Another service's notice names ids need-mapping never kept (the same id here, to show it is ignored).
            tutoring.publish(new PersonalDataPurged(UUID.randomUUID().toString(), "tutoring", "tutor",
                    "P1Y", Instant.now(), 1, List.of(primary)));
        }
        await().until(() -> ignoredNotices() > ignoredBefore);
        assertThat(refs(get(coordinator, "/api/referrals"))).containsExactly(primary);
        try (EventProducer careerAdvice = EventProducer.as("career-advice", infrastructure)) {
            careerAdvice.publish(new PersonalDataPurged(UUID.randomUUID().toString(), "career-advice",
                    "advice-case", "P1D", Instant.now(), 1, List.of(primary)));
        }
        await().untilAsserted(() -> assertThat(refs(get(coordinator, "/api/referrals")))
                .as("the purged case forgotten").isEmpty());
        try (EventProducer careerAdvice = EventProducer.as("career-advice", infrastructure)) {
            careerAdvice.publish(new CandidateReferred(primary, ZWOLLE, Sector.PO, null, today, 4));
        }
        await().until(() -> skippedAsErased() > skippedBeforePurge);
        assertThat(mentions(primary)).as("the purged case, and its referral published after the notice").isEmpty();
    }

    private static JsonNode physicsRow(JsonNode view) {
        return row(view, "natuurkunde");
    }

    private static JsonNode get(RestClient caller, String path) {
        ResponseEntity<JsonNode> response = caller.get().uri(path).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private static List<String> refs(JsonNode view) {
        List<String> refs = new ArrayList<>();
        view.get("candidates").forEach(candidate -> refs.add(candidate.get("caseRef").asString()));
        return refs;
    }

    private static JsonNode row(JsonNode view, String subject) {
        for (JsonNode row : view.get("bySubject")) {
            JsonNode value = row.get("subject");
            if (subject == null ? value == null || value.isNull() : subject.equals(value.asString())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + subject + " in " + view);
    }

    private double ignoredNotices() {
        return meters.find("instroom.events.consumed").tags("consumer", "retentionNotices", "outcome", "ignored")
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private double skippedAsErased() {
        return meters.find("instroom.events.skipped").tags("consumer", "adviceReferrals", "reason", "erased-person")
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<String> mentions(String text) {
        return mongo.getCollectionNames().stream().flatMap(collection -> mongo.findAll(Document.class, collection)
                .stream().map(document -> collection + ": " + document.toJson()))
                .filter(document -> document.contains(text)).toList();
    }

    private static String text(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
