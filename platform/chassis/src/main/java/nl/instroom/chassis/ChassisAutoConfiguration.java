package nl.instroom.chassis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import nl.instroom.chassis.audit.AuditController;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.consumer.DeadLetterRouting;
import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import nl.instroom.chassis.security.Role;
import nl.instroom.chassis.web.WriteRateLimit;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import nl.instroom.chassis.consumer.EventConsumers;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.kafka.KafkaClientSecurity;
import nl.instroom.chassis.observability.TraceContexts;
import nl.instroom.chassis.privacy.ErasureLedger;
import nl.instroom.chassis.privacy.ErasureLedgerBootstrap;
import nl.instroom.chassis.privacy.ErasureResponder;
import nl.instroom.chassis.privacy.PendingEventsEraser;
import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.chassis.privacy.StoreDigests;
import com.mongodb.WriteConcern;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.EventPublisher;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxRelay;
import nl.instroom.chassis.outbox.PendingEvents;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import nl.instroom.chassis.web.ProblemResponses;
import nl.instroom.chassis.web.RequestSizeLimit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/** Wires the chassis into a service: codec, outbox and relay, consumers and dead letters, errors, limits. */
@AutoConfiguration
@EnableConfigurationProperties(ChassisProperties.class)
@EnableScheduling
@Import({ProblemResponses.class, AuditController.class})
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
    PendingEvents pendingEvents(EventCodec codec, ObjectProvider<Tracer> tracer) {
        return new PendingEvents(codec, TraceContexts.currentTraceparent(tracer.getIfAvailable()));
    }

    @Bean
    AggregateDocuments aggregateDocuments(MongoTemplate mongo, PendingEvents pendingEvents, Outbox outbox) {
        return new AggregateDocuments(mongo, pendingEvents, outbox);
    }

    /**
     * Every service writes with MongoDB's journaled majority write concern: an acknowledged write, and the events
     * written with it, survive a crash (docs/embedded-store.md). The embedded store honours it too.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer journaledMajorityWrites() {
        return settings -> settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
    }

    /** The same Kafka user and transport security as the binder's clients (KafkaClientSecurityEnvironment). */
    @Bean
    KafkaClientSecurity kafkaClientSecurity(Environment environment) {
        return KafkaClientSecurity.from(environment);
    }

    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(ChassisProperties properties, KafkaClientSecurity security) {
        Map<String, Object> config = producerConfig(properties, security, "outbox");
        // The relay sends a batch, then waits for all of it: a short linger packs a batch's records together.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new ByteArraySerializer()));
    }

    @Bean
    KafkaTemplate<byte[], byte[]> deadLetterKafkaTemplate(ChassisProperties properties,
            KafkaClientSecurity security) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                producerConfig(properties, security, "dead-letters"), new ByteArraySerializer(),
                new ByteArraySerializer()));
    }

    private static Map<String, Object> producerConfig(ChassisProperties properties, KafkaClientSecurity security,
            String purpose) {
        Map<String, Object> config = new HashMap<>(security.clientProperties());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, properties.kafkaBootstrapServers());
        // No reordering or duplicates from producer retries, and an acknowledgement only once all in-sync
        // replicas have the record.
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.service() + "-" + purpose);
        int timeoutMs = (int) Math.min(properties.acknowledgementTimeout().toMillis(), Integer.MAX_VALUE);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Kafka insists on delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 100);
        return config;
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

    @Bean
    EventConsumers eventConsumers(EventCodec codec, MeterRegistry meters, ErasureLedger erasureLedger) {
        return new EventConsumers(codec, meters, erasureLedger);
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

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, Clock clock) {
        return new AuditTrail(mongo, clock).withIndexes();
    }

    /** The chassis' own endpoints: the audit trail, for admins. */
    @Bean
    AccessRules chassisAccessRules() {
        return () -> EndpointRule.rules(EndpointRule.allow(HttpMethod.GET, AuditController.PATH, Role.ADMIN));
    }

    @Bean
    WebMvcConfigurer writeRateLimit(RateLimiterRegistry rateLimiters, ChassisProperties properties) {
        WriteRateLimit limit = new WriteRateLimit(rateLimiters, properties.writesPerCaller(),
                properties.writePeriod());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(limit).addPathPatterns("/**").excludePathPatterns("/actuator/**");
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(ChassisProperties properties) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(properties.maxRequestSize().toBytes(), properties.maxImportSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
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
