package nl.instroom.chassis;

import static nl.instroom.chassis.ChassisFixtures.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.instroom.chassis.outbox.EventPublisher;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.Topics;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * The relay dies after the broker acknowledged an event and before it removed it from the outbox. The event is
 * published again: the topic holds a duplicate, and the consumer applies it once.
 */
@InstroomInfrastructure
@SpringBootTest(classes = {ChassisTestApplication.class, RelayCrashIT.CrashAfterPublish.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-relay-crash",
                "spring.mongodb.database=chassis-relay-crash"})
@DirtiesContext
class RelayCrashIT {

    /**
     * Publishes for real, and the first time reports a failure once the broker has acknowledged: what the relay
     * sees of a crash right after the send, before it removed the event.
     */
    @TestConfiguration
    static class CrashAfterPublish {

        static final AtomicBoolean CRASHED = new AtomicBoolean();

        @Bean
        @Primary
        EventPublisher crashingOnceAfterPublishing(KafkaTemplate<String, byte[]> outboxKafkaTemplate) {
            return new EventPublisher(outboxKafkaTemplate) {
                @Override
                public CompletableFuture<?> send(PendingEvent event) {
                    CompletableFuture<?> acknowledged = super.send(event);
                    if (!CRASHED.compareAndSet(false, true)) {
                        return acknowledged;
                    }
                    return acknowledged.thenApply(result -> {
                        throw new IllegalStateException("simulated crash between publish and removal");
                    });
                }
            };
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theRepublishedEventIsOnTheTopicTwiceAndAppliedOnce(TestInfrastructure infrastructure) {
        try (TopicProbe vacancies = TopicProbe.on(infrastructure, Topics.VACANCIES)) {
            String vacancyId = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.instance().coordinator()).build().post()
                    .uri("/test/schools/21CM00/vacancies").retrieve().body(String.class);

            List<ConsumerRecord<String, byte[]>> published = vacancies.awaitRecords(2, TopicProbe.withKey(vacancyId));

            assertThat(CrashAfterPublish.CRASHED).isTrue();
            assertThat(published).extracting(record -> TopicProbe.header(record, "ce_id")).hasSize(2)
                    .as("the same event, twice").containsOnly(TopicProbe.header(published.get(0), "ce_id"));
            await().untilAsserted(() -> assertThat(seen(mongo, vacancyId)).containsEntry("applied", 1));
            await().untilAsserted(() -> assertThat(mongo.findById(vacancyId, org.bson.Document.class, "vacancies")
                    .getList("outbox", Object.class)).isEmpty());
        }
    }
}
