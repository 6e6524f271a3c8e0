package nl.instroom.tutoring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void keepsTheDomainPureTheLayersInOrderAndOtherServicesOut() {
        ArchitectureRules.check("tutoring");
    }

    @Test
    void onlyTheSolverAdapterKnowsTheSolverLibrary() {
        noClasses().that().resideOutsideOfPackage("nl.instroom.tutoring.matching.solver..")
                .should().dependOnClassesThat().resideInAPackage("com.google.ortools..")
                .because("matching is defined by its domain model; the solver is a replaceable adapter")
                .check(ArchitectureRules.importService("tutoring"));
        noClasses().that().resideInAPackage("nl.instroom.tutoring.matching.application..")
                .should().dependOnClassesThat().resideInAPackage("nl.instroom.tutoring.matching.solver..")
                .check(ArchitectureRules.importService("tutoring"));
    }
}
