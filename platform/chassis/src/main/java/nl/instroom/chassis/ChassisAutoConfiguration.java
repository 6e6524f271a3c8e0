package nl.instroom.chassis;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import nl.instroom.chassis.privacy.ErasureResponder;
import nl.instroom.chassis.privacy.PersonalDataEraser;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.EventPublisher;
import nl.instroom.chassis.outbox.OutboxBacklog;
import nl.instroom.chassis.outbox.OutboxRelay;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.chassis.web.ProblemResponses;
import nl.instroom.chassis.web.RequestSizeLimit;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
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
    AggregateDocuments aggregateDocuments(MongoTemplate mongo, PendingEvents pendingEvents) {
        return new AggregateDocuments(mongo, pendingEvents);
    }

    /** The same Kafka user and transport security as the binder's clients (KafkaClientSecurityEnvironment). */
    @Bean
    KafkaClientSecurity kafkaClientSecurity(Environment environment) {
        return KafkaClientSecurity.from(environment);
    }

    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(ChassisProperties properties, KafkaClientSecurity security) {
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerConfig(properties, security, "outbox"),
                new StringSerializer(), new ByteArraySerializer()));
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
        // Events are sent one at a time and awaited: waiting to batch them would only add latency. Kafka insists
        // on delivery.timeout.ms >= linger.ms + request.timeout.ms.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        return config;
    }

    @Bean
    EventPublisher eventPublisher(KafkaTemplate<String, byte[]> outboxKafkaTemplate, ChassisProperties properties) {
        return new EventPublisher(outboxKafkaTemplate, properties.acknowledgementTimeout());
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, EventPublisher publisher, ChassisProperties properties,
            CircuitBreakerRegistry circuitBreakers, RetryRegistry retries, MeterRegistry meters, Clock clock) {
        // While Kafka is down, fail fast instead of waiting out a timeout per event; probe again after a pause.
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker("outbox-relay", CircuitBreakerConfig.custom()
                .slidingWindowSize(5).minimumNumberOfCalls(3).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5)).permittedNumberOfCallsInHalfOpenState(1)
                .build());
        Retry retry = retries.retry("outbox-relay", RetryConfig.custom().maxAttempts(2)
                .waitDuration(Duration.ofMillis(200)).build());
        return new OutboxRelay(mongo, publisher, outboxCollections(properties), properties.relayBatchSize(),
                properties.relayLease(), circuitBreaker, retry, meters, clock);
    }

    @Bean
    OutboxBacklog outboxBacklog(MongoTemplate mongo, ChassisProperties properties, MeterRegistry meters,
            Clock clock) {
        return new OutboxBacklog(mongo, outboxCollections(properties), meters, clock);
    }

    /** The service's own aggregate collections, and the chassis' answers to erasure requests. */
    private static List<String> outboxCollections(ChassisProperties properties) {
        List<String> collections = new ArrayList<>(properties.outboxCollections());
        collections.add(ErasureResponder.ANSWERS);
        return collections;
    }

    @Bean
    ErasureResponder erasureResponder(ObjectProvider<PersonalDataEraser> erasers, MongoTemplate mongo,
            PendingEvents pendingEvents, ChassisProperties properties, Clock clock, AuditTrail audit) {
        return new ErasureResponder(erasers.orderedStream().toList(), mongo, pendingEvents, properties.service(),
                clock, audit);
    }

    /**
     * Binding {@code erasureEvents-in-0} on privacy.erasure-requests.v1; a service lists it in its function
     * definition.
     */
    @Bean
    Consumer<Message<byte[]>> erasureEvents(EventConsumers consumers, ErasureResponder responder) {
        return consumers.of("erasureEvents", responder::handle);
    }

    @Bean
    RelaySchedule relaySchedule(OutboxRelay relay, OutboxBacklog backlog) {
        return new RelaySchedule(relay, backlog);
    }

    @Bean
    EventConsumers eventConsumers(EventCodec codec, MeterRegistry meters) {
        return new EventConsumers(codec, meters);
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
        return new AuditTrail(mongo, clock);
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

    /** Runs the relay on a fixed delay and measures the backlog; a failed pass leaves events pending. */
    static class RelaySchedule {

        private final OutboxRelay relay;
        private final OutboxBacklog backlog;

        RelaySchedule(OutboxRelay relay, OutboxBacklog backlog) {
            this.relay = relay;
            this.backlog = backlog;
        }

        @Scheduled(fixedDelayString = "${instroom.relay-interval:200ms}")
        void drain() {
            try {
                relay.drain();
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                log.warn("Outbox relay pass stopped, events stay pending: {} ({})", e.getMessage(),
                        root == e ? "" : root.getClass().getSimpleName() + ": " + root.getMessage());
            }
        }

        @Scheduled(fixedDelayString = "${instroom.backlog-interval:1s}")
        void measure() {
            try {
                backlog.measure();
            } catch (RuntimeException e) {
                log.debug("Outbox backlog not measured: {}", e.getMessage());
            }
        }
    }
}
