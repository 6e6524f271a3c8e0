package nl.instroom.needmapping;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsCapabilitiesAcyclicTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        ArchitectureRules.forService("needmapping")
                .knownCycle("school.application", "need.application", "importing schools and moving them between"
                        + " regions recalculate the need directly (NeedRecalculation), while the need reads schools:"
                        + " to be inverted through a port of school that the need implements (issue 19)")
                .knownCycle("region.web", "school.application", "moving a municipality is asked at the region's"
                        + " address but moves schools (SchoolRegions), while schools locate themselves through"
                        + " regions: the endpoint belongs to school, or the move to region (issue 19)")
                .check();
    }
}
