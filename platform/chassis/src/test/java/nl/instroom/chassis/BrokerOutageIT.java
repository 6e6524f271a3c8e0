package nl.instroom.chassis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.Topics;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.RestartableBroker;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The broker is stopped while the service accepts 200 writes: every write succeeds, the backlog gauge shows the
 * 200 waiting events, and once the broker is back all 200 are on the topic.
 */
@InstroomInfrastructure
@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-broker-outage",
                "spring.mongodb.database=chassis-broker-outage",
                // 200 writes as fast as one client can: not what the per-caller write limit is about here.
                "instroom.writes-per-caller=10000"})
@DirtiesContext
class BrokerOutageIT {

    private static final int WRITES = 200;
    private static RestartableBroker broker;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        broker = RestartableBroker.start();
        registry.add("spring.cloud.stream.kafka.binder.brokers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void writesSucceedWhileKafkaIsDownAndTheirEventsArriveWhenItIsBack() {
        RestClient http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.instance().coordinator()).build();
        broker.stop();

        Set<String> written = new HashSet<>();
        for (int i = 0; i < WRITES; i++) {
            written.add(http.post().uri("/test/schools/21CM00/vacancies").retrieve().body(String.class));
        }
        assertThat(written).hasSize(WRITES);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                meters.get("instroom.outbox.backlog").tag("collection", "vacancies").gauge().value())
                .isEqualTo(WRITES));

        broker.startAgain();

        try (TopicProbe vacancies = TopicProbe.on(broker.bootstrapServers(), Topics.VACANCIES)) {
            List<ConsumerRecord<String, byte[]>> arrived = vacancies.awaitRecords(WRITES,
                    record -> written.contains(record.key()));
            assertThat(arrived.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                    .as("every write's event, none lost").isEqualTo(written);
        }
        await().untilAsserted(() -> assertThat(
                meters.get("instroom.outbox.backlog").tag("collection", "vacancies").gauge().value()).isZero());
    }
}
