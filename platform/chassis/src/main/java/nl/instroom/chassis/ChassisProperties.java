package nl.instroom.chassis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings every service gives the chassis (prefix {@code instroom}); documented in docs/configuration.md.
 *
 * @param service the service's name, used as CloudEvents {@code ce_source}
 * @param kafkaBootstrapServers where the outbox relay publishes and dead letters go
 * @param relayBatchSize documents the relay reads and publishes in one batch
 * @param relaySweepInterval how often the relay looks for pending events no write announced (what a crash left,
 *     what another instance has not published)
 * @param relaySweepAge how long an event waits before a sweep (after the first one at start) takes it up
 * @param acknowledgementTimeout how long the broker may take to acknowledge an event before it is tried again
 * @param consumerAttempts attempts for a failing record before it is parked on the dead-letter topic
 * @param consumerRetryInterval pause between those attempts
 * @param transientRetryMaxInterval longest pause between retries of a transient failure (retried until it passes)
 * @param maxRequestSize largest accepted HTTP request body
 * @param maxImportSize largest accepted body of an import ({@code …/import} paths: files coordinators upload)
 * @param writesPerCaller writes one caller may make per {@code writePeriod} (429 beyond)
 * @param writePeriod the period of that limit
 */
@ConfigurationProperties("instroom")
public record ChassisProperties(String service, String kafkaBootstrapServers, Integer relayBatchSize,
        Duration relaySweepInterval, Duration relaySweepAge, Duration acknowledgementTimeout,
        Integer consumerAttempts, Duration consumerRetryInterval, Duration transientRetryMaxInterval,
        DataSize maxRequestSize, DataSize maxImportSize, Integer writesPerCaller, Duration writePeriod) {

    public ChassisProperties {
        relayBatchSize = relayBatchSize == null ? 500 : relayBatchSize;
        relaySweepInterval = relaySweepInterval == null ? Duration.ofSeconds(5) : relaySweepInterval;
        relaySweepAge = relaySweepAge == null ? Duration.ofSeconds(10) : relaySweepAge;
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
