package nl.instroom.chassis.audit;

import java.time.Clock;
import nl.instroom.chassis.ChassisAutoConfiguration;
import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import nl.instroom.chassis.security.Role;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;

/** The audit trail of changes to personal data, and its endpoint for admins. */
@AutoConfiguration(after = ChassisAutoConfiguration.class)
@Import(AuditController.class)
public class AuditAutoConfiguration {

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, Clock clock) {
        return new AuditTrail(mongo, clock).withIndexes();
    }

    /** The chassis' own endpoints: the audit trail, for admins. */
    @Bean
    AccessRules chassisAccessRules() {
        return () -> EndpointRule.rules(EndpointRule.allow(HttpMethod.GET, AuditController.PATH, Role.ADMIN));
    }
}
