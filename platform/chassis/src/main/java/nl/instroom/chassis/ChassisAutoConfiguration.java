package nl.instroom.chassis;

import com.mongodb.WriteConcern;
import java.time.Clock;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.kafka.KafkaClientSecurity;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every part of the chassis stands on: its settings, the clock, the event codec, the Kafka user and transport
 * security, journaled writes, the scheduler. Each capability has its own configuration, after this one and in its own
 * package: {@link nl.instroom.chassis.outbox.OutboxAutoConfiguration outbox},
 * {@link nl.instroom.chassis.consumer.ConsumerAutoConfiguration consumers and dead letters},
 * {@link nl.instroom.chassis.privacy.PrivacyAutoConfiguration erasure},
 * {@link nl.instroom.chassis.audit.AuditAutoConfiguration audit},
 * {@link nl.instroom.chassis.web.WebAutoConfiguration web errors and limits}, and
 * {@link nl.instroom.chassis.security.ResourceServerConfiguration security} and
 * {@link nl.instroom.chassis.retention.RetentionAutoConfiguration retention}.
 */
@AutoConfiguration
@EnableConfigurationProperties(ChassisProperties.class)
@EnableScheduling
public class ChassisAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec(JsonMapper jsonMapper, ChassisProperties properties, Clock clock) {
        return new EventCodec(jsonMapper, properties.service(), clock);
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
}
