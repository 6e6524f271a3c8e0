package nl.instroom.identity;

import static nl.instroom.chassis.security.EndpointRule.allow;
import static nl.instroom.chassis.security.Role.ADMIN;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The identity server's own API is for admins only. */
@Configuration
class AccessPolicy {

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(
                allow(POST, "/api/admin/erasure-requests", ADMIN),
                allow(GET, "/api/admin/erasure-requests", ADMIN),
                allow(GET, "/api/admin/erasure-requests/{id}", ADMIN),
                allow(POST, "/api/admin/erasure-requests/{id}/approval", ADMIN),
                allow(POST, "/api/admin/erasure-requests/{id}/withdrawal", ADMIN));
    }
}
