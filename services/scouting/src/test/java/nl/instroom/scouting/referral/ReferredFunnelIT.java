package nl.instroom.scouting.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.instroom.events.Sector;
import nl.instroom.events.Topics;
import nl.instroom.events.advice.CandidateProgressed;
import nl.instroom.events.advice.CandidateReferred;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 20's referral, as scouting receives it: career-advice's {@code CandidateReferred} on the real topic becomes
 * the incoming stage of the region's funnel — each case once per region however often delivered, a newer referral of
 * the case replacing the older, only referrals dated in the period, only the region's own — and no collection keeps
 * the case's reference. A referral of a case erased before it arrived is dropped by the erasure ledger.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=scouting-referrals")
class ReferredFunnelIT {

    private static final String ZWOLLE = TestTokens.REGION;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void referralsOverKafkaAreTheFunnelsIncomingStageWithoutTheirReferences(TestInfrastructure infrastructure) {
        RestClient coordinator = ApiClient.as(TestTokens.instance().coordinator(), port);
        LocalDate today = LocalDate.now();
        String from = today.minusDays(30).toString();
        String to = today.toString();
        String teacher = UUID.randomUUID().toString();
        String primary = UUID.randomUUID().toString();
        String old = UUID.randomUUID().toString();
        String elsewhere = UUID.randomUUID().toString();
        String erased = UUID.randomUUID().toString();
        String requestId = UUID.randomUUID().toString();
        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe answers = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            identity.publish(new SubjectErasureRequested(requestId, SubjectKind.EXTERNAL, erased));
            answers.awaitRecord(record -> new String(record.value(), StandardCharsets.UTF_8).contains(requestId)
                    && new String(record.value(), StandardCharsets.UTF_8).contains("\"service\":\"scouting\""));
        }
        double skippedBefore = skippedAsErased();
        try (EventProducer careerAdvice = EventProducer.as("career-advice", infrastructure)) {
            CandidateReferred first = new CandidateReferred(teacher, ZWOLLE, Sector.MBO, "techniek",
                    today.minusDays(2), 3);
            String firstId = careerAdvice.publish(first);
            careerAdvice.publish(first, firstId);
            careerAdvice.publish(new CandidateReferred(teacher, ZWOLLE, Sector.VO, "natuurkunde",
                    today.minusDays(1), 5));
            careerAdvice.publish(first);
            // Same case, so the same partition: once it is counted, the stale one before it was handled too.
            careerAdvice.publish(new CandidateReferred(teacher, "AM11", Sector.VO, "natuurkunde", today, 6));
            careerAdvice.publish(new CandidateReferred(primary, ZWOLLE, Sector.PO, null, today, 2));
            // Later stages: the primary-school teacher went straight to work (training reached in passing), the
            // older referral is in training; each event the case's whole progress, counted on its referral.
            java.time.YearMonth month = java.time.YearMonth.from(today);
            careerAdvice.publish(new CandidateProgressed(primary, ZWOLLE, Sector.PO, null, "WORKING", month, month,
                    3));
            careerAdvice.publish(new CandidateReferred(old, ZWOLLE, Sector.VO, "wiskunde", today.minusDays(60), 2));
            careerAdvice.publish(new CandidateProgressed(old, ZWOLLE, Sector.VO, "wiskunde", "IN_TRAINING", month,
                    null, 3));
            careerAdvice.publish(new CandidateReferred(elsewhere, "AM11", Sector.VO, "wiskunde", today, 2));
            careerAdvice.publish(new CandidateReferred(erased, ZWOLLE, Sector.VO, "wiskunde", today, 2));
        }

        await().untilAsserted(() -> {
            assertThat(skippedAsErased()).as("the erased case's referral dropped").isGreaterThan(skippedBefore);
            assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), "referrals"))
                    .as("one per case and region").isEqualTo(5);
            JsonNode funnel = funnel(coordinator, "/api/funnel?from=" + from + "&to=" + to);
            assertThat(funnel.get("referred").asInt()).isEqualTo(2);
            assertThat(funnel.get("referredBySector").get("VO").asInt()).as("the newer referral's sector")
                    .isEqualTo(1);
            assertThat(funnel.get("referredBySector").get("PO").asInt()).isEqualTo(1);
            assertThat(funnel.get("referredBySector").has("MBO")).isFalse();
            assertThat(funnel.get("referredWorking").asInt()).as("of the period's referrals, working").isEqualTo(1);
            assertThat(funnel.get("referredInTraining").asInt()).as("working passed through training")
                    .isEqualTo(1);
        });
        await().untilAsserted(() -> {
            JsonNode longer = funnel(coordinator, "/api/funnel?from=" + today.minusDays(90) + "&to=" + to);
            assertThat(longer.get("referred").asInt()).as("with the older one").isEqualTo(3);
            assertThat(longer.get("referredInTraining").asInt()).as("the older one in training").isEqualTo(2);
            assertThat(longer.get("referredWorking").asInt()).isEqualTo(1);
        });
        RestClient flevoland = ApiClient.as(TestTokens.instance().token("coordinator-flevoland",
                List.of("COORDINATOR"), "AM11", null), port);
        assertThat(funnel(flevoland, "/api/funnel?from=" + from + "&to=" + to).get("referred").asInt())
                .as("the other region's, and the same case referred there too").isEqualTo(2);
        assertThat(mentions(List.of(teacher, primary, old, elsewhere, erased)))
                .as("the funnel counts and keeps no case reference").isEmpty();
    }

    private static JsonNode funnel(RestClient caller, String path) {
        ResponseEntity<JsonNode> response = caller.get().uri(path).retrieve().toEntity(JsonNode.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    private double skippedAsErased() {
        return meters.find("instroom.events.skipped").tags("consumer", "adviceReferrals", "reason", "erased-person")
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<String> mentions(List<String> texts) {
        return mongo.getCollectionNames().stream().flatMap(collection -> mongo.findAll(Document.class, collection)
                .stream().map(document -> collection + ": " + document.toJson()))
                .filter(document -> texts.stream().anyMatch(document::contains)).toList();
    }
}
