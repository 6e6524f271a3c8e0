package nl.instroom.tutoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsCapabilitiesAcyclicTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        // The solver is an adapter of matching: matching's use cases know it only through their port.
        ArchitectureRules.forService("tutoring").adapter("matching.solver")
                .knownCycle("tutor.web", "placement.application", "withdrawing parental consent is asked of a tutor"
                        + " but ends their placements (ConsentWithdrawal), while placements read tutors: the"
                        + " endpoint belongs to placement, or the withdrawal to tutor with placements told by an event"
                        + " (issue 19)")
                .check();
    }

    @Test
    void onlyTheSolverAdapterKnowsTheSolverLibrary() {
        noClasses().that().resideOutsideOfPackage("nl.instroom.tutoring.matching.solver..")
                .should().dependOnClassesThat().resideInAPackage("nl.instroom.assignment..")
                .because("matching is defined by its domain model; the solver is a replaceable adapter")
                .check(ArchitectureRules.importService("tutoring"));
    }
}
