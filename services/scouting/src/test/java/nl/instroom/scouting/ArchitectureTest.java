package nl.instroom.scouting;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        ArchitectureRules.forService("scouting").check();
    }
}
