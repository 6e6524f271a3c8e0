package nl.instroom.tutoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsCapabilitiesAcyclicTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        // The solver is an adapter of matching: matching's use cases know it only through their port.
        ArchitectureRules.forService("tutoring").adapter("matching.solver").check();
    }

    @Test
    void onlyTheSolverAdapterKnowsTheSolverLibrary() {
        noClasses().that().resideOutsideOfPackage("nl.instroom.tutoring.matching.solver..")
                .should().dependOnClassesThat().resideInAPackage("nl.instroom.assignment..")
                .because("matching is defined by its domain model; the solver is a replaceable adapter")
                .check(ArchitectureRules.importService("tutoring"));
    }
}
