package nl.instroom.needmapping;

import static nl.instroom.chassis.security.EndpointRule.allow;
import static nl.instroom.chassis.security.Role.ADMIN;
import static nl.instroom.chassis.security.Role.COORDINATOR;
import static nl.instroom.chassis.security.Role.INTEGRATION;
import static nl.instroom.chassis.security.Role.NATIONAL_VIEWER;
import static nl.instroom.chassis.security.Role.SCHOOL_HR;
import static nl.instroom.chassis.security.Role.TALENT_SCOUT;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which need-mapping endpoint. School HR is further limited to its own school by the use cases
 * (another school's vacancies answer 404). The region register is public data: everyone signed in reads it, only
 * admins change it. The national read-only role reads the national picture and any region's ranking and summary,
 * nothing else. Referred career switchers (pseudonymous) are for the region's coordinator and admins.
 */
@Configuration
class AccessPolicy {

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(
                allow(POST, "/api/vacancies", COORDINATOR, SCHOOL_HR, INTEGRATION),
                allow(POST, "/api/vacancies/import", COORDINATOR, INTEGRATION),
                allow(GET, "/api/vacancies", COORDINATOR, SCHOOL_HR, TALENT_SCOUT, INTEGRATION, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/vacancies/{id}", COORDINATOR, SCHOOL_HR, TALENT_SCOUT, INTEGRATION,
                        ADMIN, NATIONAL_VIEWER),
                // A school's vacancies month by month: whoever reads its need history; a region's: whoever reads
                // the region's summary (school HR reads only its own school's).
                allow(GET, "/api/vacancies/history/schools/{code}", COORDINATOR, SCHOOL_HR, TALENT_SCOUT,
                        INTEGRATION, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/vacancies/history/region", COORDINATOR, TALENT_SCOUT, INTEGRATION, ADMIN,
                        NATIONAL_VIEWER),
                allow(POST, "/api/vacancies/{id}/fill", COORDINATOR, SCHOOL_HR, INTEGRATION),
                allow(POST, "/api/vacancies/{id}/withdraw", COORDINATOR, SCHOOL_HR, INTEGRATION),
                allow(POST, "/api/schools/import", COORDINATOR, INTEGRATION, ADMIN),
                allow(GET, "/api/schools/{code}", COORDINATOR, SCHOOL_HR, TALENT_SCOUT, INTEGRATION,
                        ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/schools", COORDINATOR, TALENT_SCOUT, INTEGRATION, ADMIN, NATIONAL_VIEWER),
                allow(PUT, "/api/schools/{code}/unfilled-lessons", COORDINATOR, SCHOOL_HR, INTEGRATION),
                allow(PUT, "/api/schools/{code}/tutoring-hosting", COORDINATOR, SCHOOL_HR),
                allow(GET, "/api/need/ranking", COORDINATOR, TALENT_SCOUT, INTEGRATION, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/need/summary", COORDINATOR, TALENT_SCOUT, INTEGRATION, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/need/national", COORDINATOR, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/need/schools/{code}", COORDINATOR, SCHOOL_HR, TALENT_SCOUT, INTEGRATION,
                        ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/need/schools/{code}/history", COORDINATOR, SCHOOL_HR, TALENT_SCOUT, INTEGRATION,
                        ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/regions", COORDINATOR, SCHOOL_HR, TALENT_SCOUT, INTEGRATION, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/regions/{code}", COORDINATOR, SCHOOL_HR, TALENT_SCOUT, INTEGRATION,
                        ADMIN, NATIONAL_VIEWER),
                allow(PUT, "/api/regions/{code}", ADMIN),
                allow(GET, "/api/municipalities/{code}", COORDINATOR, SCHOOL_HR, TALENT_SCOUT, INTEGRATION,
                        ADMIN, NATIONAL_VIEWER),
                allow(PUT, "/api/municipalities/{code}/region", ADMIN),
                // Referred career switchers, pseudonymous: the region's coordinator and admins, not the national
                // viewer (aggregates only) nor scouts (who follow up people of their own pipeline in scouting).
                allow(GET, "/api/referrals", COORDINATOR, ADMIN));
    }
}
