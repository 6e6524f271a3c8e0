package nl.instroom.mentoring;

import static nl.instroom.chassis.security.EndpointRule.allow;
import static nl.instroom.chassis.security.Role.ADMIN;
import static nl.instroom.chassis.security.Role.MENTORING_PARTICIPANT;
import static nl.instroom.chassis.security.Role.NATIONAL_VIEWER;
import static nl.instroom.chassis.security.Role.PROGRAMME_COORDINATOR;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which mentoring endpoint. The programme coordinator runs the programme (cohorts, sign-ups, matching,
 * pairs) for the whole country and records what the two sides of a pair say; admins may read what a request about a
 * person needs; the national viewer sees a cohort's figures, which name nobody.
 */
@Configuration
class AccessPolicy {

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(
                allow(POST, "/api/programmes", PROGRAMME_COORDINATOR),
                allow(GET, "/api/programmes", PROGRAMME_COORDINATOR, ADMIN),
                allow(GET, "/api/programmes/{id}", PROGRAMME_COORDINATOR, ADMIN),
                allow(POST, "/api/programmes/{id}/cohorts", PROGRAMME_COORDINATOR),
                allow(GET, "/api/programmes/{id}/cohorts", PROGRAMME_COORDINATOR, ADMIN),
                allow(GET, "/api/cohorts/{id}", PROGRAMME_COORDINATOR, ADMIN),
                allow(POST, "/api/cohorts/{id}/sign-ups", PROGRAMME_COORDINATOR),
                allow(GET, "/api/cohorts/{id}/sign-ups", PROGRAMME_COORDINATOR, ADMIN),
                allow(GET, "/api/sign-ups/{id}", PROGRAMME_COORDINATOR, ADMIN),
                allow(POST, "/api/sign-ups/{id}/withdrawal", PROGRAMME_COORDINATOR),
                allow(POST, "/api/cohorts/{id}/matching-runs", PROGRAMME_COORDINATOR),
                allow(GET, "/api/matching-runs/{id}", PROGRAMME_COORDINATOR, ADMIN),
                allow(GET, "/api/cohorts/{id}/explanation", PROGRAMME_COORDINATOR),
                allow(GET, "/api/cohorts/{id}/matching-rules", PROGRAMME_COORDINATOR, ADMIN),
                allow(POST, "/api/cohorts/{id}/pins", PROGRAMME_COORDINATOR),
                allow(POST, "/api/cohorts/{id}/pins/removal", PROGRAMME_COORDINATOR),
                allow(POST, "/api/cohorts/{id}/exclusions", PROGRAMME_COORDINATOR),
                allow(POST, "/api/cohorts/{id}/exclusions/removal", PROGRAMME_COORDINATOR),
                allow(POST, "/api/matching-runs/{id}/confirmation", PROGRAMME_COORDINATOR),
                allow(POST, "/api/cohorts/{id}/pairs", PROGRAMME_COORDINATOR),
                allow(GET, "/api/cohorts/{id}/pairs", PROGRAMME_COORDINATOR, ADMIN),
                allow(GET, "/api/cohorts/{id}/quiet-pairs", PROGRAMME_COORDINATOR),
                allow(GET, "/api/pairs/{id}", PROGRAMME_COORDINATOR, ADMIN),
                allow(POST, "/api/pairs/{id}/acceptance", PROGRAMME_COORDINATOR),
                allow(POST, "/api/pairs/{id}/refusal", PROGRAMME_COORDINATOR),
                allow(POST, "/api/pairs/{id}/activation", PROGRAMME_COORDINATOR),
                allow(POST, "/api/pairs/{id}/meetings", PROGRAMME_COORDINATOR),
                allow(POST, "/api/pairs/{id}/goals", PROGRAMME_COORDINATOR),
                allow(POST, "/api/pairs/{id}/feedback", PROGRAMME_COORDINATOR),
                allow(POST, "/api/pairs/{id}/completion", PROGRAMME_COORDINATOR),
                allow(POST, "/api/pairs/{id}/early-end", PROGRAMME_COORDINATOR),
                allow(GET, "/api/cohorts/{id}/figures", PROGRAMME_COORDINATOR, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/my/pairs", MENTORING_PARTICIPANT),
                allow(GET, "/api/my/pairs/{id}", MENTORING_PARTICIPANT),
                allow(POST, "/api/my/pairs/{id}/acceptance", MENTORING_PARTICIPANT),
                allow(POST, "/api/my/pairs/{id}/refusal", MENTORING_PARTICIPANT),
                allow(POST, "/api/my/pairs/{id}/meetings", MENTORING_PARTICIPANT),
                allow(POST, "/api/my/pairs/{id}/goals", MENTORING_PARTICIPANT),
                allow(POST, "/api/my/pairs/{id}/feedback", MENTORING_PARTICIPANT));
    }
}
