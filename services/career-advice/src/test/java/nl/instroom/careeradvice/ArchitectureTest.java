package nl.instroom.careeradvice;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        ArchitectureRules.forService("careeradvice").check();
    }
}
