package nl.instroom.chassis.retention;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.instroom.chassis.ChassisAutoConfiguration;
import nl.instroom.chassis.ChassisProperties;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.PendingEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The retention job, for a service that declares at least one {@link RetentionRule} of its own; the audit trail's
 * rule joins them there. A service without rules gets no job.
 */
@AutoConfiguration(after = ChassisAutoConfiguration.class)
@ConditionalOnBean(RetentionRule.class)
public class RetentionAutoConfiguration {

    @Bean
    AuditRetention auditRetention(AuditTrail audit) {
        return new AuditRetention(audit);
    }

    @Bean
    RetentionPurge retentionPurge(List<RetentionRule> rules, Environment environment, MongoTemplate mongo,
            PendingEvents pendingEvents, Outbox outbox, AuditTrail audit, ChassisProperties properties, Clock clock,
            @Value("${instroom.retention.lease:30m}") Duration lease) {
        return new RetentionPurge(rules, new RetentionPeriods(rules, environment), mongo, pendingEvents, outbox, audit,
                properties.service(), clock, lease);
    }
}
