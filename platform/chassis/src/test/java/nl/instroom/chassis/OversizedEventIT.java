package nl.instroom.chassis;

import static nl.instroom.chassis.ChassisFixtures.aVacancyOpened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.OutboxRelay;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.Topics;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A document holds an event larger than Kafka accepts between two ordinary ones, and other documents have events
 * too. The oversized event is parked in its document with its error and counted; every other pending event is
 * published, the one after it included; and an erasure request arriving meanwhile is still answered.
 */
@InstroomInfrastructure
@SpringBootTest(classes = ChassisTestApplication.class, properties = {
        "spring.cloud.function.definition=vacancyEvents;erasureEvents",
        "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-oversized",
        "spring.cloud.stream.bindings.erasureEvents-in-0.group=chassis-oversized",
        "spring.mongodb.database=chassis-oversized"})
@DirtiesContext
class OversizedEventIT {

    private static final String COLLECTION = "vacancies";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    PendingEvents pendingEvents;

    @Autowired
    Outbox outbox;

    @Autowired
    MeterRegistry meters;

    @Test
    void theOversizedEventIsParkedAndNothingElseWaitsForIt(TestInfrastructure infrastructure) {
        VacancyOpened tooLarge = new VacancyOpened("v-huge", "21CM00", "x".repeat(2 * 1024 * 1024), BigDecimal.ONE,
                40, LocalDate.of(2027, 1, 1), Urgency.NORMAL, 2);
        try (TopicProbe vacancies = TopicProbe.on(infrastructure, Topics.VACANCIES);
                TopicProbe erasure = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS);
                EventProducer identity = EventProducer.as("identity", infrastructure)) {
            write("v-huge", aVacancyOpened("v-huge-before"), tooLarge, aVacancyOpened("v-huge-after"));
            write("v-other", aVacancyOpened("v-other"));
            identity.publish(new SubjectErasureRequested("erase-while-parked", SubjectKind.TUTOR, "tutor-1"),
                    "request-while-parked");

            vacancies.awaitRecords(3, record -> List.of("v-huge-before", "v-huge-after", "v-other")
                    .contains(record.key()));
            erasure.awaitRecord(record -> "nl.instroom.privacy.SubjectErased.v1"
                    .equals(TopicProbe.header(record, "ce_type"))
                    && new String(record.value(), StandardCharsets.UTF_8).contains("erase-while-parked"));
            await().untilAsserted(() -> {
                Document document = mongo.findById("v-huge", Document.class, COLLECTION);
                assertThat(document.getList("outbox", Document.class)).isEmpty();
                List<Document> parked = document.getList(OutboxRelay.PARKED, Document.class);
                assertThat(parked).singleElement().satisfies(entry -> {
                    assertThat(entry.getString("type")).isEqualTo("nl.instroom.needmap.VacancyOpened.v1");
                    assertThat(entry.getString("error")).contains("RecordTooLargeException");
                    assertThat(entry.getDate("parkedAt")).isNotNull();
                });
            });
            assertThat(vacancies.seen()).noneMatch(record -> record.key().equals("v-huge"));
            assertThat(meters.get("instroom.outbox.parked").tag("type", "nl.instroom.needmap.VacancyOpened.v1")
                    .counter().count()).isEqualTo(1.0);
            await().untilAsserted(() -> assertThat(meters.get("instroom.outbox.backlog")
                    .tag("collection", COLLECTION).gauge().value()).isZero());
        }
    }

    /** Several events in one aggregate document, written as the persistence adapters do, and the relay told. */
    private void write(String id, VacancyOpened... events) {
        Document document = new Document("_id", id).append("schoolCode", "21CM00");
        document.put(PendingEvents.FIELD, OutboxDocuments.of(mongo.getConverter(),
                pendingEvents.append(List.of(), List.of(events))));
        mongo.insert(document, COLLECTION);
        outbox.written(COLLECTION, id, events.length);
    }
}
