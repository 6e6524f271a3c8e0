package nl.instroom.needmapping;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsCapabilitiesAcyclicTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        ArchitectureRules.forService("needmapping").check();
    }
}
