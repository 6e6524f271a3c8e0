package nl.instroom.chassis;

import static nl.instroom.chassis.ChassisFixtures.aVacancyOpened;
import static nl.instroom.chassis.ChassisFixtures.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.instroom.chassis.consumer.DeadLetterRouting;
import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.events.Topics;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Garbage bytes, invalid JSON and an unknown type on a consumed topic each land in the consumer's dead-letter topic
 * with the error in its headers, and the valid events behind them, on the same partition, are still applied.
 */
@InstroomInfrastructure
@SpringBootTest(classes = ChassisTestApplication.class, properties = {
        "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-poison",
        "spring.mongodb.database=chassis-poison"})
@DirtiesContext
class PoisonRecordsIT {

    private static final String DLQ = Topics.deadLetterTopic(Topics.VACANCIES, "chassis-poison");

    @Autowired
    MongoTemplate mongo;

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheEventsBehindItAreApplied(TestInfrastructure infrastructure) {
        try (EventProducer producer = EventProducer.as("need-mapping", infrastructure);
                TopicProbe deadLetters = TopicProbe.on(infrastructure, DLQ)) {
            producer.send(new ProducerRecord<>(Topics.VACANCIES, "v-after-garbage",
                    new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF}));
            producer.publish(aVacancyOpened("v-after-garbage"));
            producer.send(withCloudEventHeaders("v-after-invalid-json", "nl.instroom.needmap.VacancyOpened.v1",
                    "{\"vacancyId\": \"v-after-invalid-json\", "));
            producer.publish(aVacancyOpened("v-after-invalid-json"));
            producer.send(withCloudEventHeaders("v-after-unknown-type", "nl.instroom.needmap.VacancyExploded.v1",
                    "{\"vacancyId\": \"v-after-unknown-type\"}"));
            producer.publish(aVacancyOpened("v-after-unknown-type"));

            List<ConsumerRecord<String, byte[]>> parked = deadLetters.awaitRecords(3, record -> true);

            assertThat(parked).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                    "v-after-garbage", "v-after-invalid-json", "v-after-unknown-type");
            assertThat(parked).allSatisfy(record -> {
                assertThat(TopicProbe.header(record, DeadLetterRouting.ERROR_CLASS))
                        .isEqualTo("nl.instroom.chassis.events.UndecodableEventException");
                assertThat(TopicProbe.header(record, DeadLetterRouting.ERROR_MESSAGE)).isNotBlank();
                assertThat(TopicProbe.header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.VACANCIES);
            });
            assertThat(TopicProbe.header(parked.stream().filter(r -> r.key().equals("v-after-unknown-type"))
                    .findFirst().orElseThrow(), "ce_type")).as("original headers are kept")
                    .isEqualTo("nl.instroom.needmap.VacancyExploded.v1");
            await().untilAsserted(() -> {
                assertThat(seen(mongo, "v-after-garbage")).containsEntry("applied", 1);
                assertThat(seen(mongo, "v-after-invalid-json")).containsEntry("applied", 1);
                assertThat(seen(mongo, "v-after-unknown-type")).containsEntry("applied", 1);
            });
        }
    }

    private static ProducerRecord<String, byte[]> withCloudEventHeaders(String key, String type, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.VACANCIES, key,
                value.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", ("poison-" + key).getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "need-mapping".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
