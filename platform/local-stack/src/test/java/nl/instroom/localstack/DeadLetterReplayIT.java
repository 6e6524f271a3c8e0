package nl.instroom.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A parked record goes back to its original topic with its own headers and without the dead-letter ones. */
@InstroomInfrastructure
class DeadLetterReplayIT {

    @Test
    void replaysAParkedRecordOntoItsOriginalTopic(TestInfrastructure infrastructure) {
        String deadLetters = "replay.source.v1.some-group.dlq";
        try (EventProducer producer = EventProducer.as("test", infrastructure);
                TopicProbe original = TopicProbe.on(infrastructure, "replay.source.v1")) {
            ProducerRecord<String, byte[]> parked = new ProducerRecord<>(deadLetters, "v-7",
                    "{\"vacancyId\":\"v-7\"}".getBytes(StandardCharsets.UTF_8));
            parked.headers().add("ce_id", "event-7".getBytes(StandardCharsets.UTF_8));
            parked.headers().add("kafka_dlt-original-topic", "replay.source.v1".getBytes(StandardCharsets.UTF_8));
            parked.headers().add("x-instroom-error-class", "java.lang.IllegalStateException"
                    .getBytes(StandardCharsets.UTF_8));
            producer.send(parked);

            int replayed = DeadLetterReplay.replay(infrastructure.kafkaBootstrapServers(), deadLetters, List.of());

            assertThat(replayed).isEqualTo(1);
            var back = original.awaitRecord(TopicProbe.withKey("v-7"));
            assertThat(TopicProbe.headers(back)).containsEntry("ce_id", "event-7")
                    .doesNotContainKeys("kafka_dlt-original-topic", "x-instroom-error-class");
            assertThat(new String(back.value(), StandardCharsets.UTF_8)).isEqualTo("{\"vacancyId\":\"v-7\"}");
        }
    }
}
