package nl.instroom.chassis;

import static nl.instroom.chassis.ChassisFixtures.aVacancyOpened;
import static nl.instroom.chassis.ChassisFixtures.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.Topics;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.RestartableStore;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store is unavailable while an event arrives: it is not dead-lettered, its offset is not committed, and it is
 * applied once the store is back.
 */
@InstroomInfrastructure
@SpringBootTest(classes = ChassisTestApplication.class, properties = {
        "spring.cloud.stream.bindings.vacancyEvents-in-0.group=" + StoreOutageIT.GROUP,
        "spring.mongodb.database=chassis-store-outage"})
@DirtiesContext
class StoreOutageIT {

    static final String GROUP = "chassis-store-outage";
    private static RestartableStore store;

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        store = RestartableStore.start();
        registry.add("spring.mongodb.uri", store::uri);
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @Autowired
    MongoTemplate mongo;

    @Test
    void anEventArrivingWhileTheStoreIsDownIsAppliedWhenItIsBack(TestInfrastructure infrastructure) {
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure);
                TopicProbe deadLetters = TopicProbe.on(infrastructure, Topics.deadLetterTopic(Topics.VACANCIES, GROUP));
                Admin admin = Admin.create(adminProperties(infrastructure))) {
            // The consumer is running: an event before the outage is applied.
            needMapping.publish(aVacancyOpened("v-before-outage"));
            await().untilAsserted(() -> assertThat(seen(mongo, "v-before-outage")).containsEntry("applied", 1));

            store.stop();
            RecordMetadata during = needMapping.publish(aVacancyOpened("v-during-outage"), "during-outage");
            TopicPartition partition = new TopicPartition(during.topic(), during.partition());

            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(committed(admin, partition)).as("offset not committed past the unapplied event")
                        .isLessThanOrEqualTo(during.offset());
                assertThat(deadLetters.seen()).as("a transient failure is not dead-lettered").isEmpty();
            });

            store.startAgain();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(seen(mongo, "v-during-outage")).containsEntry("applied", 1));
            await().untilAsserted(() -> assertThat(committed(admin, partition)).isGreaterThan(during.offset()));
            assertThat(deadLetters.seen()).isEmpty();
        }
    }

    private static long committed(Admin admin, TopicPartition partition) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        OffsetAndMetadata offset = offsets.get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private static Properties adminProperties(TestInfrastructure infrastructure) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        return properties;
    }
}
