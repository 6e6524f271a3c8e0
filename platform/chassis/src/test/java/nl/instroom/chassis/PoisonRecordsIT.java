package nl.instroom.chassis;

import static nl.instroom.chassis.ChassisFixtures.aVacancyOpened;
import static nl.instroom.chassis.ChassisFixtures.seen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * What a consumer meets on its topic besides the events it knows. Garbage bytes and invalid JSON land in the
 * consumer's dead-letter topic with the error in their headers. A well-formed event of a type it does not know (a
 * producer deployed first with a new type) is skipped and counted, not parked; a known event carrying an enum value
 * it does not know, in a field it does not switch on, is applied. The valid events behind each, on the same
 * partition, are applied.
 */
@InstroomInfrastructure
@SpringBootTest(classes = ChassisTestApplication.class, properties = {
        "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-poison",
        "spring.mongodb.database=chassis-poison"})
@DirtiesContext
class PoisonRecordsIT {

    private static final String DLQ = Topics.deadLetterTopic(Topics.VACANCIES, "chassis-poison");
    private static final String NEW_TYPE = "nl.instroom.needmap.VacancyReopened.v1";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Test
    void garbageIsParkedUnknownTypesAreSkippedAndTheEventsBehindThemAreApplied(TestInfrastructure infrastructure) {
        try (EventProducer producer = EventProducer.as("need-mapping", infrastructure);
                TopicProbe deadLetters = TopicProbe.on(infrastructure, DLQ)) {
            producer.send(new ProducerRecord<>(Topics.VACANCIES, "v-after-garbage",
                    new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF}));
            producer.publish(aVacancyOpened("v-after-garbage"));
            producer.send(withCloudEventHeaders("v-after-invalid-json", "nl.instroom.needmap.VacancyOpened.v1",
                    "{\"vacancyId\": \"v-after-invalid-json\", "));
            producer.publish(aVacancyOpened("v-after-invalid-json"));
            producer.send(withCloudEventHeaders("v-after-new-type", NEW_TYPE,
                    "{\"vacancyId\": \"v-after-new-type\"}"));
            producer.publish(aVacancyOpened("v-after-new-type"));
            producer.send(withCloudEventHeaders("v-new-urgency", "nl.instroom.needmap.VacancyOpened.v1",
                    "{\"vacancyId\":\"v-new-urgency\",\"schoolCode\":\"21CM00\",\"subject\":\"wiskunde\","
                            + "\"fte\":1,\"hoursPerWeek\":40,\"startDate\":\"2027-01-01\","
                            + "\"urgency\":\"CATASTROPHIC\",\"revision\":1}"));
            // Garbage with the new type's key: same partition, so once it is parked, whatever the consumer did
            // with the new type's record before it has happened and reached the dead-letter topic, if anywhere.
            producer.send(new ProducerRecord<>(Topics.VACANCIES, "v-after-new-type", new byte[] {0x00}));

            await().untilAsserted(() -> {
                assertThat(seen(mongo, "v-after-garbage")).containsEntry("applied", 1);
                assertThat(seen(mongo, "v-after-invalid-json")).containsEntry("applied", 1);
                assertThat(seen(mongo, "v-after-new-type")).containsEntry("applied", 1);
                assertThat(seen(mongo, "v-new-urgency")).as("unknown enum value in a field not switched on")
                        .containsEntry("applied", 1);
            });
            List<ConsumerRecord<String, byte[]>> parked = deadLetters.awaitRecords(3, record -> true);

            assertThat(parked).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder("v-after-garbage", "v-after-invalid-json", "v-after-new-type");
            assertThat(parked.stream().filter(r -> r.key().equals("v-after-new-type")))
                    .as("the new type's record is not parked; the garbage behind it is")
                    .allSatisfy(record -> assertThat(TopicProbe.header(record, "ce_type")).isNull());
            assertThat(parked).allSatisfy(record -> {
                assertThat(TopicProbe.header(record, DeadLetterRouting.ERROR_CLASS))
                        .isEqualTo("nl.instroom.chassis.events.UndecodableEventException");
                assertThat(TopicProbe.header(record, DeadLetterRouting.ERROR_MESSAGE)).isNotBlank();
                assertThat(TopicProbe.header(record, "kafka_dlt-original-topic")).isEqualTo(Topics.VACANCIES);
            });
            assertThat(TopicProbe.header(parked.stream().filter(r -> r.key().equals("v-after-invalid-json"))
                    .findFirst().orElseThrow(), "ce_type")).as("original headers are kept")
                    .isEqualTo("nl.instroom.needmap.VacancyOpened.v1");
            Counter skipped = meters.find("instroom.events.skipped").tag("type", NEW_TYPE)
                    .tag("reason", "unknown-type").counter();
            assertThat(skipped).isNotNull();
            assertThat(skipped.count()).isEqualTo(1.0);
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
