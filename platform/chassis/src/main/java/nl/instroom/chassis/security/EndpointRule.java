package nl.instroom.chassis.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call one endpoint: an HTTP method, the path pattern as the controller maps it, the roles allowed — or,
 * for the few endpoints meant for anyone ({@link #anyone}), no sign-in at all. An endpoint open to anyone must never
 * answer with personal data: the service's authorization-matrix test calls it without a token.
 */
public record EndpointRule(HttpMethod method, String pattern, Set<Role> roles, boolean anonymous) {

    public EndpointRule {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (anonymous && !roles.isEmpty()) {
            throw new IllegalArgumentException("An endpoint open to anyone names no roles: " + pattern);
        }
    }

    public EndpointRule(HttpMethod method, String pattern, Set<Role> roles) {
        this(method, pattern, roles, false);
    }

    public static EndpointRule allow(HttpMethod method, String pattern, Role... roles) {
        return new EndpointRule(method, pattern, Set.of(roles));
    }

    /** An endpoint anyone may call, signed in or not (a public tool); a token sent along must still be valid. */
    public static EndpointRule anyone(HttpMethod method, String pattern) {
        return new EndpointRule(method, pattern, Set.of(), true);
    }

    /** Whether a caller in this role, or without any sign-in for a public endpoint, may call it. */
    public boolean admits(Role role) {
        return anonymous || roles.contains(role);
    }

    public static List<EndpointRule> rules(EndpointRule... rules) {
        return List.of(rules);
    }
}
