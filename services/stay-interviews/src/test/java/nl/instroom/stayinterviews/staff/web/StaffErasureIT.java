package nl.instroom.stayinterviews.staff.web;

import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nl.instroom.events.Topics;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.stayinterviews.StayFixtures;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forgetting an employee: HR's delete removes them with every interview, tells the services that learnt the
 * reference (a shared growth ambition, on stay.signals.v1) to forget it with StaffMemberRemoved on that topic —
 * never an erasure request, which only identity may make — and lowers the school's expected departures; an erasure
 * request from identity does the same and is answered once.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=stay-erasure")
class StaffErasureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private void assertNoTraceOf(String reference) {
        await("nothing of the employee remains once the outboxes are published").untilAsserted(() -> {
            for (String collection : mongo.getCollectionNames()) {
                assertThat(mongo.findAll(Document.class, collection)).as("no trace in " + collection)
                        .noneMatch(document -> document.toJson().contains(reference));
            }
        });
    }

    @Test
    void hrDeletingAnEmployeeWithASharedAmbitionTellsOthersToForgetTheReference(TestInfrastructure infrastructure) {
        String school = "26GH00";
        String reference = school + ":T-500";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-500", "1.0");

        try (TopicProbe erasureRequests = TopicProbe.on(infrastructure, Topics.ERASURE_REQUESTS);
                TopicProbe signals = TopicProbe.on(infrastructure, Topics.STAY_SIGNALS)) {
            interview(hr, school, "T-500", anInterview("NO", 2, 5,
                    "[{\"ambition\":\"MENTOR\",\"scoutMayKnow\":true}]"));
            signals.awaitRecord(r -> reference.equals(r.key()));
            ConsumerRecord<String, byte[]> raised = signals.awaitRecord(r -> school.equals(r.key())
                    && "nl.instroom.stay.RetentionRiskAssessed.v1".equals(TopicProbe.header(r, "ce_type")));

            assertThat(hr.delete().uri("/api/schools/{s}/staff/T-500", school).retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(204);

            ConsumerRecord<String, byte[]> removal = signals.awaitRecord(r -> reference.equals(r.key())
                    && "nl.instroom.stay.StaffMemberRemoved.v1".equals(TopicProbe.header(r, "ce_type")));
            JsonNode data = JSON.readTree(new String(removal.value(), StandardCharsets.UTF_8));
            assertThat(data.get("staffRef").asString()).isEqualTo(reference);
            assertThat(data.get("schoolCode").asString()).isEqualTo(school);
            StayFixtures.SECRETS.forEach(secret -> assertThat(StayFixtures.everythingIn(removal))
                    .doesNotContain(secret));

            ConsumerRecord<String, byte[]> lowered = signals.awaitRecord(r -> school.equals(r.key())
                    && "nl.instroom.stay.RetentionRiskAssessed.v1".equals(TopicProbe.header(r, "ce_type"))
                    && r.offset() > raised.offset());
            assertThat(JSON.readTree(new String(lowered.value(), StandardCharsets.UTF_8))
                    .get("expectedDeparturesFte").decimalValue()).isEqualByComparingTo("0");
            assertThat(erasureRequests.seen()).as("stay-interviews never asks for an erasure")
                    .noneMatch(r -> StayFixtures.everythingIn(r).contains(reference));
        }
        assertThat(hr.get().uri("/api/schools/{s}/staff/T-500/interviews", school).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertNoTraceOf(reference);
    }

    @Test
    void aReferenceThatNeverLeftIsNotPublishedToBeForgotten(TestInfrastructure infrastructure) {
        String school = "26GH01";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-510", "1.0");
        interview(hr, school, "T-510", anInterview("YES", 4, 2, "[]"));
        register(hr, school, "T-511", "1.0");
        interview(hr, school, "T-511", anInterview("YES", 4, 2, "[{\"ambition\":\"MENTOR\",\"scoutMayKnow\":true}]"));

        try (TopicProbe signals = TopicProbe.on(infrastructure, Topics.STAY_SIGNALS)) {
            assertThat(hr.delete().uri("/api/schools/{s}/staff/T-510", school).retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(204);
            assertThat(hr.delete().uri("/api/schools/{s}/staff/T-511", school).retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(204);

            signals.awaitRecord(r -> (school + ":T-511").equals(r.key())
                    && "nl.instroom.stay.StaffMemberRemoved.v1".equals(TopicProbe.header(r, "ce_type")));
            assertThat(signals.seen()).as("the one deleted first, whose reference never left, is not published")
                    .noneMatch(r -> StayFixtures.everythingIn(r).contains(school + ":T-510"));
        }
        assertNoTraceOf(school + ":T-510");
    }

    @Test
    void anErasureRequestForgetsTheEmployeeAndIsAnsweredOnce(TestInfrastructure infrastructure) {
        String school = "26GH02";
        String reference = school + ":T-520";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-520", "0.8");
        interview(hr, school, "T-520", anInterview("UNSURE", 3, 3, "[]"));
        hr.get().uri("/api/schools/{s}/staff/T-520/interviews", school).retrieve().toBodilessEntity();

        String requestId = UUID.randomUUID().toString();
        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe erasure = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            SubjectErasureRequested request = new SubjectErasureRequested(requestId, SubjectKind.STAFF, reference);
            String eventId = identity.publish(request);
            identity.publish(request, eventId);

            ConsumerRecord<String, byte[]> answer = erasure.awaitRecord(r -> requestId.equals(r.key())
                    && "nl.instroom.privacy.SubjectErased.v1".equals(TopicProbe.header(r, "ce_type")));
            assertThat(new String(answer.value(), StandardCharsets.UTF_8)).contains("\"recordsErased\":1")
                    .contains("\"service\":\"stay-interviews\"");
        }
        assertNoTraceOf(reference);
        assertThat(hr.get().uri("/api/schools/{s}/staff", school).retrieve().body(JsonNode.class)).isEmpty();
    }
}
