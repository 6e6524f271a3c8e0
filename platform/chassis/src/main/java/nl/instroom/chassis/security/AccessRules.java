package nl.instroom.chassis.security;

import java.util.List;

/**
 * A service's access rules, one per endpoint. An endpoint without a rule is denied to everyone, and the service's
 * authorization-matrix test fails the build for it.
 */
@FunctionalInterface
public interface AccessRules {

    List<EndpointRule> rules();
}
