package nl.instroom.stayinterviews;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        ArchitectureRules.forService("stayinterviews").check();
    }
}
