package nl.instroom.identity;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The identity server keeps the services' layering: plain-Java domains (throttle, TOTP), use cases before adapters. */
class ArchitectureTest {

    @Test
    void keepsTheDomainPureAndTheLayersInOrder() {
        ArchitectureRules.check("identity");
    }
}
