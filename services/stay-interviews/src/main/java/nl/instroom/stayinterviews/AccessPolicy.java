package nl.instroom.stayinterviews;

import static nl.instroom.chassis.security.EndpointRule.allow;
import static nl.instroom.chassis.security.Role.ADMIN;
import static nl.instroom.chassis.security.Role.SCHOOL_HR;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which stay-interviews endpoint. Stay interviews are the most sensitive data in Instroom: only a
 * school's own HR reads or writes them (the use cases limit it to its school). Admins only delete a school's key
 * (one asks, a second approves) and rotate the master key (ids and counts, never key material); coordinators, scouts
 * and integrations have no endpoint here at all.
 */
@Configuration
class AccessPolicy {

    static final String STAFF = "/api/schools/{schoolCode}/staff";

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(
                allow(GET, "/api/stay-interview-form", SCHOOL_HR),
                allow(POST, STAFF, SCHOOL_HR),
                allow(GET, STAFF, SCHOOL_HR),
                allow(DELETE, STAFF + "/{staffRef}", SCHOOL_HR),
                allow(PUT, STAFF + "/{staffRef}/leaving-date", SCHOOL_HR),
                allow(POST, STAFF + "/{staffRef}/interviews", SCHOOL_HR),
                allow(GET, STAFF + "/{staffRef}/interviews", SCHOOL_HR),
                allow(POST, STAFF + "/{staffRef}/interviews/{interviewId}/actions/{index}/done", SCHOOL_HR),
                allow(GET, "/api/schools/{schoolCode}/retention", SCHOOL_HR),
                allow(POST, "/api/admin/schools/{schoolCode}/key-deletions", ADMIN),
                allow(GET, "/api/admin/key-deletions", ADMIN),
                allow(GET, "/api/admin/key-deletions/{id}", ADMIN),
                allow(POST, "/api/admin/key-deletions/{id}/approval", ADMIN),
                allow(POST, "/api/admin/key-deletions/{id}/withdrawal", ADMIN),
                allow(GET, "/api/admin/master-keys", ADMIN),
                allow(POST, "/api/admin/master-keys/rewrap", ADMIN));
    }
}
