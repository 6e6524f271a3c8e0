package nl.instroom.tutoring;

import static nl.instroom.chassis.security.EndpointRule.allow;
import static nl.instroom.chassis.security.Role.ADMIN;
import static nl.instroom.chassis.security.Role.COORDINATOR;
import static nl.instroom.chassis.security.Role.INTEGRATION;
import static nl.instroom.chassis.security.Role.TALENT_SCOUT;
import static org.springframework.http.HttpMethod.GET;

import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call which tutoring endpoint. */
@Configuration
class AccessPolicy {

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(
                allow(GET, "/api/needs/open-vacancies", COORDINATOR, TALENT_SCOUT, INTEGRATION, ADMIN));
    }
}
