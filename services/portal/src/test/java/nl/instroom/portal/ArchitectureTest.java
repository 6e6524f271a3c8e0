package nl.instroom.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nl.instroom.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.instroom.portal");

    @Test
    void thePortalKnowsTheServicesOnlyThroughTheirHttpApis() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("nl.instroom.needmapping..",
                        "nl.instroom.tutoring..", "nl.instroom.scouting..", "nl.instroom.stayinterviews..",
                        "nl.instroom.identity..", "nl.instroom.chassis..")
                .because("the portal shows what the services answer and shares no code with them")
                .check(PORTAL);
    }

    @Test
    void chartsArePlainJava() {
        noClasses().that().resideInAPackage("nl.instroom.portal.charts..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "tools.jackson..")
                .check(PORTAL);
    }

    @Test
    void itsPackagesDependOnEachOtherWithoutCycles() {
        // The portal has a package per role (and the clients, security, charts they share), not capabilities in
        // domain/application/adapter layers: of the services' rules, only the one against cycles applies.
        ArchitectureRules.forService("portal").rule(ArchitectureRules.Rule.CAPABILITIES_ACYCLIC).check(PORTAL);
    }
}
