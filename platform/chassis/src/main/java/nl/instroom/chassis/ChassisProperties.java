package nl.instroom.chassis;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service gives the chassis.
 *
 * @param service the service's name, used as CloudEvents {@code ce_source}
 * @param kafkaBootstrapServers where the outbox relay publishes
 * @param outboxCollections the aggregate collections whose {@code outbox} arrays the relay drains
 * @param relayInterval how often the relay looks for pending events
 * @param relayBatchSize how many documents one relay pass takes per collection
 * @param acknowledgementTimeout how long to wait for the broker to acknowledge one event
 */
@ConfigurationProperties("instroom")
public record ChassisProperties(String service, String kafkaBootstrapServers, List<String> outboxCollections,
        Duration relayInterval, Integer relayBatchSize, Duration acknowledgementTimeout) {

    public ChassisProperties {
        outboxCollections = outboxCollections == null ? List.of() : List.copyOf(outboxCollections);
        relayInterval = relayInterval == null ? Duration.ofMillis(200) : relayInterval;
        relayBatchSize = relayBatchSize == null ? 100 : relayBatchSize;
        acknowledgementTimeout = acknowledgementTimeout == null ? Duration.ofSeconds(10) : acknowledgementTimeout;
    }
}
