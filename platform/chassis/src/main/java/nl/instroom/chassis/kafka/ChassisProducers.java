package nl.instroom.chassis.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of the chassis' own producers (the outbox relay's and the dead letters'): one place, so both
 * authenticate like the binder's clients and deliver without duplicates or reordering.
 */
public final class ChassisProducers {

    private ChassisProducers() {
    }

    /** A producer of the service's Kafka user, named {@code <service>-<purpose>}. */
    public static Map<String, Object> config(KafkaClientSecurity security, String bootstrapServers,
            Duration acknowledgementTimeout, String service, String purpose) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // No reordering or duplicates from producer retries, and an acknowledgement only once all in-sync
        // replicas have the record.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-" + purpose);
        int timeoutMs = (int) Math.min(acknowledgementTimeout.toMillis(), Integer.MAX_VALUE);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Kafka insists on delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 100);
        return config;
    }
}
