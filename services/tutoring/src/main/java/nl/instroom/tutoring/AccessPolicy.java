package nl.instroom.tutoring;

import static nl.instroom.chassis.security.EndpointRule.allow;
import static nl.instroom.chassis.security.Role.ADMIN;
import static nl.instroom.chassis.security.Role.COORDINATOR;
import static nl.instroom.chassis.security.Role.INTEGRATION;
import static nl.instroom.chassis.security.Role.NATIONAL_VIEWER;
import static nl.instroom.chassis.security.Role.SCHOOL_HR;
import static nl.instroom.chassis.security.Role.TALENT_SCOUT;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which tutoring endpoint. Tutors are pupils, often minors: only coordinators (and admins, for
 * requests about a person) see them, within their region.
 */
@Configuration
class AccessPolicy {

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(
                allow(GET, "/api/needs/open-vacancies", COORDINATOR, TALENT_SCOUT, INTEGRATION, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/needs/schools", COORDINATOR, TALENT_SCOUT, INTEGRATION, ADMIN, NATIONAL_VIEWER),
                allow(POST, "/api/tutors", COORDINATOR),
                allow(GET, "/api/tutors", COORDINATOR),
                allow(GET, "/api/tutors/{id}", COORDINATOR, ADMIN),
                allow(PUT, "/api/tutors/{id}/parental-consent", COORDINATOR),
                allow(DELETE, "/api/tutors/{id}/parental-consent", COORDINATOR),
                allow(POST, "/api/placements", COORDINATOR),
                allow(GET, "/api/placements/{id}", COORDINATOR, SCHOOL_HR, ADMIN),
                allow(GET, "/api/placements", COORDINATOR, SCHOOL_HR, ADMIN),
                allow(POST, "/api/placements/{id}/confirm", COORDINATOR),
                allow(POST, "/api/placements/{id}/start", COORDINATOR, SCHOOL_HR),
                allow(POST, "/api/placements/{id}/complete", COORDINATOR, SCHOOL_HR),
                allow(POST, "/api/placements/{id}/cancel", COORDINATOR, SCHOOL_HR),
                allow(POST, "/api/matching/runs", COORDINATOR),
                allow(GET, "/api/matching/runs", COORDINATOR, ADMIN),
                allow(GET, "/api/matching/runs/{id}", COORDINATOR, ADMIN),
                allow(POST, "/api/matching/runs/{id}/accept", COORDINATOR));
    }
}
