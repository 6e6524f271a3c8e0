package nl.instroom.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.instroom.chassis.consumer.ConsumerAutoConfiguration;
import nl.instroom.chassis.kafka.KafkaClientSecurity;
import nl.instroom.chassis.outbox.OutboxAutoConfiguration;
import org.junit.jupiter.api.Test;

/** The chassis' own producers (outbox relay, dead letters) authenticate like the binder's clients. */
class ChassisProducerSecurityTest {

    private final OutboxAutoConfiguration outbox = new OutboxAutoConfiguration();
    private final ConsumerAutoConfiguration consumers = new ConsumerAutoConfiguration();
    private final ChassisProperties properties = new ChassisProperties("tutoring", "kafka:9093", null, null, null,
            null, null, null, null, null, null, null, null);
    private final KafkaClientSecurity security = new KafkaClientSecurity("SASL_SSL", null, "tutoring", "pw",
            "/etc/kafka-ca/ca.crt", null, null, null, null, null);

    @Test
    void theOutboxAndDeadLetterProducersUseTheServicesKafkaUser() {
        for (Map<String, Object> config : List.of(
                outbox.outboxKafkaTemplate(properties, security).getProducerFactory()
                        .getConfigurationProperties(),
                consumers.deadLetterKafkaTemplate(properties, security).getProducerFactory()
                        .getConfigurationProperties())) {
            assertThat(config).containsEntry("bootstrap.servers", "kafka:9093")
                    .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.crt")
                    .containsEntry("enable.idempotence", true).containsEntry("acks", "all");
            assertThat((String) config.get("sasl.jaas.config")).contains("username=\"tutoring\"");
        }
    }
}
