package nl.instroom.chassis;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.outbox.EventPublisher;
import nl.instroom.chassis.outbox.OutboxRelay;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.chassis.web.ProblemResponses;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/** Wires the chassis into a service: event codec, outbox relay, problem responses. */
@AutoConfiguration
@EnableConfigurationProperties(ChassisProperties.class)
@EnableScheduling
@Import(ProblemResponses.class)
public class ChassisAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChassisAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(JsonMapper jsonMapper, ChassisProperties properties, Clock clock) {
        return new EventCodec(jsonMapper, properties.service(), clock);
    }

    @Bean
    PendingEvents pendingEvents(EventCodec codec) {
        return new PendingEvents(codec);
    }

    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(ChassisProperties properties) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
        // Exactly the order and durability the outbox promises: no reordering or duplicates from producer
        // retries, and an acknowledgement only once all in-sync replicas have the record.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.service() + "-outbox");
        int timeoutMs = (int) Math.min(properties.acknowledgementTimeout().toMillis(), Integer.MAX_VALUE);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        // Kafka insists delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5_000));
        var factory = new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new ByteArraySerializer());
        return new KafkaTemplate<>(factory);
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> outboxKafkaTemplate, ChassisProperties properties) {
        return new EventPublisher(outboxKafkaTemplate, properties.acknowledgementTimeout());
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ChassisProperties properties) {
        return new OutboxRelay(mongo, publisher, properties.outboxCollections(), properties.relayBatchSize());
    }

    @Bean
    RelaySchedule relaySchedule(OutboxRelay relay) {
        return new RelaySchedule(relay);
    }

    /** Runs the relay on a fixed delay; a failed pass leaves the events pending for the next one. */
    static class RelaySchedule {

        private final OutboxRelay relay;

        RelaySchedule(OutboxRelay relay) {
            this.relay = relay;
        }

        @Scheduled(fixedDelayString = "${instroom.relay-interval:200ms}")
        void drain() {
            try {
                relay.drain();
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed, events stay pending: {}", e.getMessage());
            }
        }
    }
}
