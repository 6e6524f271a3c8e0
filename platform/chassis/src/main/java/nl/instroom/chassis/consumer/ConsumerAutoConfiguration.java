package nl.instroom.chassis.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import nl.instroom.chassis.ChassisAutoConfiguration;
import nl.instroom.chassis.ChassisProperties;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.kafka.ChassisProducers;
import nl.instroom.chassis.kafka.KafkaClientSecurity;
import nl.instroom.chassis.privacy.ErasureLedger;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The consumers' side: {@link EventConsumers} (decode, skip what was erased, retry), the dead-letter routing with its
 * own producer, and the store's record of what was applied ({@link IdempotentWrites}).
 */
@AutoConfiguration(after = ChassisAutoConfiguration.class)
public class ConsumerAutoConfiguration {

    @Bean
    EventConsumers eventConsumers(EventCodec codec, MeterRegistry meters, ErasureLedger erasureLedger) {
        return new EventConsumers(codec, meters, erasureLedger);
    }

    /** The dead letters' producer, as the service's Kafka user (the same as the binder's clients). */
    @Bean
    public KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate(ChassisProperties properties,
            KafkaClientSecurity security) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                ChassisProducers.config(security, properties.kafkaBootstrapServers(),
                        properties.acknowledgementTimeout(), properties.service(), "dead-letters"),
                new ByteArraySerializer(), new ByteArraySerializer()));
    }

    @Bean
    DeadLetterRouting deadLetterRouting(KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate, MeterRegistry meters,
            ChassisProperties properties) {
        return new DeadLetterRouting(deadLetterKafkaTemplate, meters, properties.consumerAttempts(),
                properties.consumerRetryInterval(), properties.transientRetryMaxInterval());
    }

    @Bean
    IdempotentWrites idempotentWrites(MongoTemplate mongo, Clock clock) {
        return new IdempotentWrites(mongo, clock);
    }
}
