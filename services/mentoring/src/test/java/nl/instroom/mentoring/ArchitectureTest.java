package nl.instroom.mentoring;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        ArchitectureRules.forService("mentoring").adapter("matching.solver").check();
    }
}
