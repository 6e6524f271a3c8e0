package nl.instroom.careeradvice;

import static nl.instroom.chassis.security.EndpointRule.allow;
import static nl.instroom.chassis.security.EndpointRule.anyone;
import static nl.instroom.chassis.security.Role.ADMIN;
import static nl.instroom.chassis.security.Role.ADVISOR;
import static nl.instroom.chassis.security.Role.COORDINATOR;
import static nl.instroom.chassis.security.Role.NATIONAL_VIEWER;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import nl.instroom.chassis.security.AccessRules;
import nl.instroom.chassis.security.EndpointRule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call which career-advice endpoint.
 *
 * <ul>
 * <li><b>Anyone, without signing in</b>: the route finder (it holds no personal data: a session is a random id and
 * answers from lists), the free slots (times only), and asking for a conversation — the one public write that
 * takes personal data, and which answers with the booked time only, never with a case or whether the e-mail address
 * was known.</li>
 * <li><b>Advisers</b>: their agenda and slots, the cases and their log, the need near a person and referrals.</li>
 * <li><b>Coordinators</b>: of their own region only, the referred career switchers who agreed to be introduced to
 * it, with what they agreed to share (the introduction step). Not admins: the person agreed to meet that region's
 * coordinator, nobody else.</li>
 * <li><b>Admins</b>: a case, and finding a case by e-mail address, for access and erasure requests.</li>
 * <li><b>The national viewer</b> (and advisers, admins): the route finder's anonymous usage counts, the desk's
 * figures and its yearly report — counts only, like the usage.</li>
 * </ul>
 */
@Configuration
class AccessPolicy {

    @Bean
    AccessRules accessRules() {
        return () -> EndpointRule.rules(
                anyone(GET, "/api/route-finder"),
                anyone(POST, "/api/route-finder/sessions"),
                anyone(GET, "/api/route-finder/sessions/{id}"),
                anyone(PUT, "/api/route-finder/sessions/{id}/answers/{question}"),
                anyone(GET, "/api/route-finder/sessions/{id}/routes"),
                allow(GET, "/api/route-finder/usage", ADVISOR, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/figures", ADVISOR, ADMIN, NATIONAL_VIEWER),
                allow(GET, "/api/figures/yearly-report", ADVISOR, ADMIN, NATIONAL_VIEWER),
                anyone(GET, "/api/slots"),
                allow(POST, "/api/slots", ADVISOR),
                allow(DELETE, "/api/slots/{id}", ADVISOR),
                allow(GET, "/api/agenda", ADVISOR),
                anyone(POST, "/api/advice-requests"),
                allow(GET, "/api/cases", ADVISOR),
                allow(POST, "/api/cases/lookup", ADMIN),
                allow(GET, "/api/cases/{id}", ADVISOR, ADMIN),
                allow(PUT, "/api/cases/{id}/profile", ADVISOR),
                allow(POST, "/api/cases/{id}/contacts", ADVISOR),
                allow(POST, "/api/cases/{id}/phase", ADVISOR),
                allow(POST, "/api/cases/{id}/outcomes", ADVISOR),
                allow(GET, "/api/cases/{id}/need-nearby", ADVISOR),
                allow(POST, "/api/cases/{id}/referrals", ADVISOR),
                allow(PUT, "/api/cases/{id}/introduction", ADVISOR),
                allow(DELETE, "/api/cases/{id}/introduction", ADVISOR),
                allow(GET, "/api/introductions", COORDINATOR));
    }
}
