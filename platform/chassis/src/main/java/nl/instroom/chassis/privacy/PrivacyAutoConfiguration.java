package nl.instroom.chassis.privacy;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nl.instroom.chassis.ChassisAutoConfiguration;
import nl.instroom.chassis.ChassisProperties;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.kafka.KafkaClientSecurity;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxRelay;
import nl.instroom.chassis.outbox.PendingEvents;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.messaging.Message;

/**
 * Erasure: the service answers erasure requests with its {@link PersonalDataEraser}s, keeps the ledger of what was
 * erased (so consumers skip it and a restored store is cleaned again), and drops pending events of the person.
 */
@AutoConfiguration(after = ChassisAutoConfiguration.class)
public class PrivacyAutoConfiguration {

    @Bean
    ErasureResponder erasureResponder(ObjectProvider<PersonalDataEraser> erasers, MongoTemplate mongo,
            PendingEvents pendingEvents, Outbox outbox, ChassisProperties properties, Clock clock, AuditTrail audit,
            ErasureLedger erasureLedger) {
        return new ErasureResponder(erasers.orderedStream().toList(), mongo, pendingEvents, outbox,
                properties.service(), clock, audit, erasureLedger);
    }

    @Bean
    ErasureLedger erasureLedger(MongoTemplate mongo, StoreDigests storeDigests) {
        return new ErasureLedger(mongo, storeDigests);
    }

    @Bean
    StoreDigests storeDigests(MongoTemplate mongo) {
        return new StoreDigests(mongo);
    }

    /** Last of the erasers, so that it also drops what the service's own erasers registered. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    PersonalDataEraser pendingEventsEraser(MongoTemplate mongo, EventCodec codec, OutboxRelay outboxRelay) {
        return new PendingEventsEraser(mongo, codec, outboxRelay::collections);
    }

    /**
     * For a service that consumes erasure requests (its function definition lists {@code erasureEvents}): applies
     * the requests its store has not seen before any binding starts (docs/operations.md, "Rebuilding a projection").
     */
    @Bean
    @ConditionalOnExpression("'${spring.cloud.function.definition:}'.contains('erasureEvents')")
    ErasureLedgerBootstrap erasureLedgerBootstrap(ChassisProperties properties, KafkaClientSecurity security,
            EventCodec codec, ErasureLedger erasureLedger, ErasureResponder erasureResponder,
            @Value("${instroom.erasure-ledger.bootstrap-timeout:PT2M}") Duration timeout) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, properties.service() + "-erasure-ledger");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new ErasureLedgerBootstrap(() -> new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer()), codec, erasureLedger, erasureResponder, timeout);
    }

    /**
     * Binding {@code erasureEvents-in-0} on privacy.erasure-requests.v1; a service lists it in its function
     * definition.
     */
    @Bean
    Consumer<Message<List<byte[]>>> erasureEvents(EventConsumers consumers, ErasureResponder responder) {
        return consumers.of("erasureEvents", responder::handle);
    }
}
