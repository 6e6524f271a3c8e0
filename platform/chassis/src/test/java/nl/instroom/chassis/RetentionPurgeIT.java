package nl.instroom.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.retention.RetentionPurge;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.Topics;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.ShiftableClock;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The retention job removes what is past its period — a year on the test service's clock — and publishes what it
 * removed (pseudonymous ids only) on privacy.retention.v1, once: a second run removes and reports nothing, and
 * while another instance holds the lease this one does nothing.
 */
@InstroomInfrastructure
@SpringBootTest(classes = {ChassisTestApplication.class, RetentionPurgeIT.Notes.class}, properties = {
        "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-retention",
        "spring.mongodb.database=chassis-retention", "instroom.retention.test-note=P1Y"})
@DirtiesContext
class RetentionPurgeIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The test service keeps notes about people; a note's period starts when it was written. */
    @TestConfiguration
    static class Notes {

        @Bean
        ShiftableClock clock() {
            return new ShiftableClock();
        }

        @Bean
        RetentionRule notes(MongoTemplate mongo) {
            return new RetentionRule() {
                @Override
                public String kind() {
                    return "test-note";
                }

                @Override
                public Period defaultPeriod() {
                    return Period.ofMonths(1);
                }

                @Override
                public Purged purge(Instant cutoff, int limit) {
                    Query due = Query.query(Criteria.where("writtenAt").lt(Date.from(cutoff))).limit(limit);
                    List<String> ids = mongo.find(due, Document.class, "notes").stream()
                            .map(note -> note.getString("_id")).toList();
                    mongo.remove(Query.query(Criteria.where("_id").in(ids)), "notes");
                    return Purged.of(ids);
                }
            };
        }
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ShiftableClock clock;

    @Autowired
    RetentionPurge retention;

    @BeforeEach
    void freshStore() {
        clock.reset();
        mongo.remove(new Query(), "notes");
        mongo.remove(new Query(), "retention_leases");
    }

    private void note(String id) {
        mongo.insert(new Document("_id", id).append("text", "Sanne, 13").append("writtenAt",
                Date.from(clock.instant())), "notes");
    }

    private static boolean noticeOf(ConsumerRecord<String, byte[]> record, String kind) {
        return "nl.instroom.privacy.PersonalDataPurged.v1".equals(TopicProbe.header(record, "ce_type"))
                && new String(record.value(), StandardCharsets.UTF_8).contains("\"dataKind\":\"" + kind + "\"");
    }

    @Test
    void whatIsPastItsPeriodGoesAndItsRemovalIsPublishedOnce(TestInfrastructure infrastructure) {
        String old1 = "note-" + UUID.randomUUID();
        String old2 = "note-" + UUID.randomUUID();
        note(old1);
        note(old2);
        clock.advance(Period.ofMonths(6));
        String recent = "note-" + UUID.randomUUID();
        note(recent);
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            clock.advance(Period.ofMonths(6).plusDays(1));

            List<RetentionPurge.Report> reports = retention.purge();

            assertThat(reports).extracting(RetentionPurge.Report::kind, RetentionPurge.Report::recordsPurged,
                    RetentionPurge.Report::retention).containsExactly(
                            tuple("test-note", 2, Period.ofYears(1)));
            assertThat(mongo.findAll(Document.class, "notes")).extracting(n -> n.getString("_id"))
                    .containsExactly(recent);
            ConsumerRecord<String, byte[]> notice = notices.awaitRecord(r -> noticeOf(r, "test-note"));
            JsonNode data = JSON.readTree(new String(notice.value(), StandardCharsets.UTF_8));
            assertThat(data.get("service").asString()).isEqualTo("chassis-test");
            assertThat(data.get("retention").asString()).isEqualTo("P1Y");
            assertThat(data.get("recordsPurged").asInt()).isEqualTo(2);
            assertThat(data.get("references").valueStream().map(JsonNode::asString).toList())
                    .containsExactlyInAnyOrder(old1, old2);
            assertThat(new String(notice.value(), StandardCharsets.UTF_8)).doesNotContain("Sanne");

            assertThat(retention.purge()).as("nothing more is due").isEmpty();
            await().untilAsserted(() -> assertThat(mongo.findById(data.get("purgeId").asString(), Document.class,
                    RetentionPurge.REPORTS).toJson()).as("the report keeps no id once the notice is out")
                    .doesNotContain(old1).contains("\"recordsPurged\": 2"));
            assertThat(notices.seen()).filteredOn(r -> noticeOf(r, "test-note")).hasSize(1);
            assertThat(mongo.find(Query.query(Criteria.where("action").is("PURGED_TEST_NOTE")), Document.class,
                    AuditTrail.COLLECTION)).extracting(e -> e.getString("subjectRef"))
                    .containsExactly(data.get("purgeId").asString());
        }
    }

    @Test
    void manyRecordsGoInBatchesEachWithItsNotice(TestInfrastructure infrastructure) {
        List<Document> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(new Document("_id", "bulk-" + i).append("writtenAt", Date.from(clock.instant())));
        }
        mongo.insert(many, "notes");
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            clock.advance(Period.ofYears(1).plusDays(1));

            assertThat(retention.purge()).extracting(RetentionPurge.Report::recordsPurged).containsExactly(1001);

            assertThat(notices.awaitRecords(3, r -> noticeOf(r, "test-note")).stream()
                    .map(r -> JSON.readTree(new String(r.value(), StandardCharsets.UTF_8)).get("recordsPurged").asInt())
                    .toList()).containsExactlyInAnyOrder(500, 500, 1);
        }
        assertThat(mongo.count(new Query(), "notes")).isZero();
    }

    @Test
    void auditEntriesGoAfterTheirOwnPeriod() {
        mongo.insert(new Document("actor", "coordinator-1").append("action", "READ_TUTOR")
                .append("subjectRef", "tutor-old").append("at", Date.from(clock.instant())), AuditTrail.COLLECTION);
        clock.advance(Period.ofYears(1));
        mongo.insert(new Document("actor", "coordinator-1").append("action", "READ_TUTOR")
                .append("subjectRef", "tutor-new").append("at", Date.from(clock.instant())), AuditTrail.COLLECTION);
        clock.advance(Period.ofYears(1).plusDays(1));

        assertThat(retention.purge()).extracting(RetentionPurge.Report::kind).contains("audit-entry");

        List<String> left = mongo.find(Query.query(Criteria.where("action").is("READ_TUTOR")), Document.class,
                AuditTrail.COLLECTION).stream().map(e -> e.getString("subjectRef")).toList();
        assertThat(left).containsExactly("tutor-new");
    }

    @Test
    void whileAnotherInstanceHoldsTheLeaseNothingIsPurged() {
        String note = "note-" + UUID.randomUUID();
        note(note);
        clock.advance(Period.ofYears(1).plusDays(1));
        mongo.insert(new Document("_id", "purge").append("holder", "other-instance")
                .append("until", Date.from(clock.instant().plusSeconds(600))), "retention_leases");

        assertThat(retention.purge()).isEmpty();
        assertThat(mongo.findById(note, Document.class, "notes")).isNotNull();

        clock.advance(Duration.ofMinutes(11));
        assertThat(retention.purge()).extracting(RetentionPurge.Report::kind).contains("test-note");
        assertThat(mongo.findById(note, Document.class, "notes")).as("the other instance's lease ran out").isNull();
    }
}
