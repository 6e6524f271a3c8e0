package nl.instroom.chassis.outbox;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import nl.instroom.chassis.ChassisAutoConfiguration;
import nl.instroom.chassis.ChassisProperties;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.kafka.ChassisProducers;
import nl.instroom.chassis.kafka.KafkaClientSecurity;
import nl.instroom.chassis.observability.TraceContexts;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The outbox: events registered by an aggregate are written with its document ({@link AggregateDocuments}) and
 * published after the write by the relay, which a sweep also runs for what no write announced.
 */
@AutoConfiguration(after = ChassisAutoConfiguration.class)
public class OutboxAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxAutoConfiguration.class);

    @Bean
    PendingEvents pendingEvents(EventCodec codec, ObjectProvider<Tracer> tracer) {
        return new PendingEvents(codec, TraceContexts.currentTraceparent(tracer.getIfAvailable()));
    }

    @Bean
    AggregateDocuments aggregateDocuments(MongoTemplate mongo, PendingEvents pendingEvents, Outbox outbox) {
        return new AggregateDocuments(mongo, pendingEvents, outbox);
    }

    /** The relay's producer, as the service's Kafka user (the same as the binder's clients). */
    @Bean
    public KafkaTemplate<String, byte[]> outboxKafkaTemplate(ChassisProperties properties,
            KafkaClientSecurity security) {
        Map<String, Object> config = ChassisProducers.config(security, properties.kafkaBootstrapServers(),
                properties.acknowledgementTimeout(), properties.service(), "outbox");
        // The relay sends a batch, then waits for all of it: a short linger packs a batch's records together.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> outboxKafkaTemplate) {
        return new EventPublisher(outboxKafkaTemplate);
    }

    /**
     * The relay, knowing every collection whose mapped documents carry an outbox (the aggregates' persistence
     * adapters); adapters writing plain documents declare theirs through {@link Outbox#declare}.
     */
    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ChassisProperties properties,
            CircuitBreakerRegistry circuitBreakers, MeterRegistry meters, Clock clock) {
        // While Kafka is down, fail fast instead of waiting out a timeout per batch; probe again after a pause.
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker("outbox-relay", CircuitBreakerConfig.custom()
                .slidingWindowSize(5).minimumNumberOfCalls(3).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5)).permittedNumberOfCallsInHalfOpenState(1)
                .build());
        OutboxRelay relay = new OutboxRelay(mongo, publisher, properties.relayBatchSize(),
                properties.acknowledgementTimeout(), properties.relaySweepAge(), circuitBreaker, meters, clock);
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (AggregateDocuments.WithOutbox.class.isAssignableFrom(entity.getType())) {
                relay.declare(entity.getCollection());
            }
        }
        return relay;
    }

    @Bean
    RelaySweep relaySweep(OutboxRelay relay) {
        return new RelaySweep(relay);
    }

    /**
     * Sweeps for pending events no write announced, on the shared scheduler (never on the relay's own thread, which
     * it would hold up): first right after start, then every {@code instroom.relay-sweep-interval}.
     */
    static class RelaySweep {

        private final OutboxRelay relay;

        RelaySweep(OutboxRelay relay) {
            this.relay = relay;
        }

        @Scheduled(initialDelay = 0, fixedDelayString = "${instroom.relay-sweep-interval:5s}")
        void sweep() {
            try {
                relay.sweep();
            } catch (RuntimeException e) {
                log.warn("Outbox sweep failed, will try again: {}", e.toString());
            }
        }
    }
}
