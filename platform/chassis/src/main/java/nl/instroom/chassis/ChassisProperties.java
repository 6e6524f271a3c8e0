package nl.instroom.chassis;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings every service gives the chassis (prefix {@code instroom}); documented in docs/configuration.md.
 *
 * @param service the service's name, used as CloudEvents {@code ce_source}
 * @param kafkaBootstrapServers where the outbox relay publishes and dead letters go
 * @param outboxCollections the aggregate collections whose {@code outbox} arrays the relay drains
 * @param relayInterval pause between outbox relay passes
 * @param relayBatchSize documents one relay pass takes per collection
 * @param relayLease how long a relay instance holds a document it is draining before others may take over
 * @param acknowledgementTimeout how long to wait for the broker to acknowledge one event
 * @param consumerAttempts attempts for a failing record before it is parked on the dead-letter topic
 * @param consumerRetryInterval pause between those attempts
 * @param transientRetryMaxInterval longest pause between retries of a transient failure (retried until it passes)
 * @param maxRequestSize largest accepted HTTP request body
 * @param maxImportSize largest accepted body of an import ({@code …/import} paths: files coordinators upload)
 * @param writesPerCaller writes one caller may make per {@code writePeriod} (429 beyond)
 * @param writePeriod the period of that limit
 */
@ConfigurationProperties("instroom")
public record ChassisProperties(String service, String kafkaBootstrapServers, List<String> outboxCollections,
        Duration relayInterval, Integer relayBatchSize, Duration relayLease, Duration acknowledgementTimeout,
        Integer consumerAttempts, Duration consumerRetryInterval, Duration transientRetryMaxInterval,
        DataSize maxRequestSize, DataSize maxImportSize, Integer writesPerCaller, Duration writePeriod) {

    public ChassisProperties {
        outboxCollections = outboxCollections == null ? List.of() : List.copyOf(outboxCollections);
        relayInterval = relayInterval == null ? Duration.ofMillis(200) : relayInterval;
        relayBatchSize = relayBatchSize == null ? 100 : relayBatchSize;
        relayLease = relayLease == null ? Duration.ofSeconds(30) : relayLease;
        acknowledgementTimeout = acknowledgementTimeout == null ? Duration.ofSeconds(5) : acknowledgementTimeout;
        consumerAttempts = consumerAttempts == null ? 3 : consumerAttempts;
        consumerRetryInterval = consumerRetryInterval == null ? Duration.ofSeconds(1) : consumerRetryInterval;
        transientRetryMaxInterval = transientRetryMaxInterval == null ? Duration.ofSeconds(10)
                : transientRetryMaxInterval;
        maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(256) : maxRequestSize;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(32) : maxImportSize;
        writesPerCaller = writesPerCaller == null ? 50 : writesPerCaller;
        writePeriod = writePeriod == null ? Duration.ofSeconds(1) : writePeriod;
    }
}
