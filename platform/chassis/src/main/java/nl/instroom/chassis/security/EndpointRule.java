package nl.instroom.chassis.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/** Who may call one endpoint: an HTTP method, the path pattern as the controller maps it, the roles allowed. */
public record EndpointRule(HttpMethod method, String pattern, Set<Role> roles) {

    public EndpointRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static EndpointRule allow(HttpMethod method, String pattern, Role... roles) {
        return new EndpointRule(method, pattern, Set.of(roles));
    }

    public static List<EndpointRule> rules(EndpointRule... rules) {
        return List.of(rules);
    }
}
