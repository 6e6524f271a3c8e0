package nl.instroom.scouting;

import static nl.instroom.chassis.security.EndpointRule.allow;
import static nl.instroom.chassis.security.Role.ADMIN;
import static nl.instroom.chassis.security.Role.COORDINATOR;
import static nl.instroom.chassis.security.Role.NATIONAL_VIEWER;
import static nl.instroom.chassis.security.Role.TALENT_SCOUT;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which scouting endpoint. Talents and suggestions (a scout's judgement of a person) are for the
 * scouts of the region, and admins for requests about a person; coordinators see the figures (funnel, ambassadors,
 * coverage), which name nobody but pseudonymous ambassadors.
 */
@Configuration
class AccessPolicy {

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(
                allow(POST, "/api/talents", TALENT_SCOUT),
                allow(GET, "/api/talents", TALENT_SCOUT, ADMIN),
                allow(GET, "/api/talents/{id}", TALENT_SCOUT, ADMIN),
                allow(POST, "/api/talents/{id}/stage", TALENT_SCOUT),
                allow(PUT, "/api/talents/{id}/next-step", TALENT_SCOUT),
                allow(POST, "/api/talents/{id}/ambassadorship", TALENT_SCOUT),
                allow(POST, "/api/talents/{id}/ambassadorship/end", TALENT_SCOUT),
                allow(POST, "/api/talents/{id}/activities", TALENT_SCOUT),
                allow(GET, "/api/suggestions", TALENT_SCOUT, ADMIN),
                allow(POST, "/api/suggestions/{id}/accept", TALENT_SCOUT),
                allow(POST, "/api/suggestions/{id}/dismiss", TALENT_SCOUT),
                allow(GET, "/api/funnel", TALENT_SCOUT, COORDINATOR, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/ambassadors", TALENT_SCOUT, COORDINATOR, ADMIN),
                allow(GET, "/api/ambassadors/coverage", TALENT_SCOUT, COORDINATOR, ADMIN, NATIONAL_VIEWER));
    }
}
