package nl.instroom.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.chassis.privacy.PendingEventsEraser;
import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.Topics;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.events.tutoring.SubjectLevel;
import nl.instroom.events.tutoring.TutorRegistered;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Nothing erased comes back: an event naming an erased person is not applied when it is delivered again, and a
 * projection rebuilt from the topics' beginning into an empty store (a new database, a new consumer group) holds
 * nobody erased — while the others are back — although only the projection's topic is read again (its erasure
 * consumer is long past the request). The ledger names nobody, the answer names nobody, and an event still
 * waiting in an outbox that names the person is dropped.
 */
@InstroomInfrastructure
@SpringBootTest(classes = {ChassisTestApplication.class, ErasureLedgerIT.TutorProjection.class}, properties = {
        "spring.cloud.function.definition=tutorEvents;erasureEvents",
        "spring.cloud.stream.bindings.tutorEvents-in-0.destination=tutoring.placements.v1",
        "spring.cloud.stream.bindings.tutorEvents-in-0.group=chassis-ledger",
        "spring.cloud.stream.bindings.erasureEvents-in-0.destination=privacy.erasure-requests.v1",
        "spring.cloud.stream.bindings.erasureEvents-in-0.group=chassis-ledger",
        "spring.mongodb.database=chassis-ledger"})
@DirtiesContext
class ErasureLedgerIT {

    static final String TUTORS = "tutors_seen";

    /** A projection of other services' events that keeps tutors' ids, and its eraser. */
    @TestConfiguration
    static class TutorProjection {

        @Bean
        Consumer<Message<List<byte[]>>> tutorEvents(EventConsumers consumers, MongoTemplate mongo) {
            return consumers.of("tutorEvents", received -> {
                if (received.data() instanceof TutorRegistered registered) {
                    mongo.upsert(Query.query(Criteria.where("_id").is(registered.tutorId())),
                            new Update().set("pc4", registered.pc4()), TUTORS);
                    return true;
                }
                return false;
            });
        }

        @Bean
        PersonalDataEraser tutorsSeen(MongoTemplate mongo) {
            return (kind, ref) -> kind == SubjectKind.TUTOR
                    ? (int) mongo.remove(Query.query(Criteria.where("_id").is(ref)), TUTORS).getDeletedCount()
                    : 0;
        }
    }

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    EventCodec codec;

    @Autowired
    PendingEvents pendingEvents;

    private static TutorRegistered tutor(String id) {
        return new TutorRegistered(id, List.of(new SubjectLevel("wiskunde", "VWO")), "8017", "AM36", 1);
    }

    private static boolean holds(MongoTemplate database, String text) {
        return database.getCollectionNames().stream().flatMap(collection -> database
                .findAll(Document.class, collection).stream()).anyMatch(document -> document.toJson().contains(text));
    }

    private double skippedAsErased() {
        Counter counter = meters.find("instroom.events.skipped").tags("consumer", "tutorEvents", "reason",
                "erased-person").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void nobodyErasedComesBackByRedeliveryOrByARebuildIntoAnEmptyStore(TestInfrastructure infrastructure)
            throws Exception {
        String erased = "tutor-erased-" + UUID.randomUUID();
        String kept = "tutor-kept-" + UUID.randomUUID();
        String later = "tutor-later-" + UUID.randomUUID();
        String requestId = "erase-" + UUID.randomUUID();
        try (EventProducer tutoring = EventProducer.as("tutoring", infrastructure);
                EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe answers = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            tutoring.publish(tutor(erased));
            tutoring.publish(tutor(kept));
            await().until(() -> mongo.findById(erased, Document.class, TUTORS) != null
                    && mongo.findById(kept, Document.class, TUTORS) != null);

            identity.publish(new SubjectErasureRequested(requestId, SubjectKind.TUTOR, erased));
            String answer = new String(answers.awaitRecord(record -> new String(record.value(),
                    StandardCharsets.UTF_8).contains(requestId)).value(), StandardCharsets.UTF_8);
            assertThat(answer).doesNotContain(erased);
            assertThat(mongo.findById(erased, Document.class, TUTORS)).isNull();

            double skippedBefore = skippedAsErased();
            tutoring.publish(tutor(erased));
            tutoring.publish(tutor(later));
            await("the redelivered event is skipped, the one after it applied").untilAsserted(() -> {
                assertThat(mongo.findById(later, Document.class, TUTORS)).isNotNull();
                assertThat(skippedAsErased() - skippedBefore).isEqualTo(1);
            });
        }
        assertThat(holds(mongo, erased)).as("the erased id anywhere in the live store").isFalse();

        String rebuiltDatabase = "chassis-ledger-rebuilt-" + UUID.randomUUID();
        String rebuiltGroup = "chassis-ledger-rebuild-" + UUID.randomUUID();
        try (ConfigurableApplicationContext rebuilt = new SpringApplicationBuilder(ChassisTestApplication.class,
                TutorProjection.class).run("--server.port=0", "--spring.mongodb.database=" + rebuiltDatabase,
                "--spring.cloud.function.definition=tutorEvents;erasureEvents",
                "--spring.cloud.stream.bindings.tutorEvents-in-0.destination=tutoring.placements.v1",
                "--spring.cloud.stream.bindings.tutorEvents-in-0.group=" + rebuiltGroup,
                "--spring.cloud.stream.bindings.erasureEvents-in-0.destination=privacy.erasure-requests.v1",
                // As an operator rebuilds a projection: only its topic is read again; the erasure consumer stays
                // where it was, long past the request, so only the ledger's bootstrap can know of it.
                "--spring.cloud.stream.bindings.erasureEvents-in-0.group=chassis-ledger")) {
            MongoTemplate store = rebuilt.getBean(MongoTemplate.class);
            await("the replay reached the tutors registered after the erasure").atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> store.findById(later, Document.class, TUTORS) != null);
            assertThat(store.findById(kept, Document.class, TUTORS)).isNotNull();
            assertThat(holds(store, erased)).as("the erased id anywhere in the rebuilt store").isFalse();
        }
    }

    @Test
    void anEventStillWaitingInAnOutboxThatNamesTheErasedPersonIsDropped() {
        String erased = "tutor-pending-" + UUID.randomUUID();
        String other = "tutor-other-" + UUID.randomUUID();
        String collection = "pending_" + UUID.randomUUID().toString().replace("-", "");
        Document aggregate = new Document("_id", "school-1").append(PendingEvents.FIELD, OutboxDocuments.of(
                mongo.getConverter(), pendingEvents.append(List.of(), List.of(
                        new PlacementCompleted("p-1", erased, "23AB00", "wiskunde", LocalDate.of(2026, 6, 1), 4, 5, 3),
                        new VacancyFilled("v-1", "23AB00", "wiskunde", java.math.BigDecimal.ONE, LocalDate.of(2026, 6, 1), 2),
                        new PlacementCompleted("p-2", other, "23AB00", "wiskunde", LocalDate.of(2026, 6, 1), 4, 5,
                                3)))));
        mongo.insert(aggregate, collection);

        int dropped = new PendingEventsEraser(mongo, codec, () -> List.of(collection))
                .erase(SubjectKind.TUTOR, erased);

        assertThat(dropped).isEqualTo(1);
        List<Document> left = mongo.findById("school-1", Document.class, collection)
                .getList(PendingEvents.FIELD, Document.class);
        assertThat(left).hasSize(2);
        assertThat(left).noneMatch(entry -> entry.toJson().contains(erased));
    }
}
