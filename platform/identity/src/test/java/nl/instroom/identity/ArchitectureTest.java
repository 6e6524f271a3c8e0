package nl.instroom.identity;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The identity server keeps the services' layering: plain-Java domains (throttle, TOTP), use cases before adapters. */
class ArchitectureTest {

    @Test
    void keepsCapabilitiesAcyclicTheDomainPureAndTheLayersInOrder() {
        ArchitectureRules.forService("identity")
                .unlayered("erasure", "erasure requests: controller, bindings and a store writing MongoDB directly in"
                        + " one package, still to be split into application, web, messaging and persistence"
                        + " (issue 19)")
                .check();
    }
}
