package nl.instroom.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void thePortalKnowsTheServicesOnlyThroughTheirHttpApis() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("nl.instroom.needmapping..",
                        "nl.instroom.tutoring..", "nl.instroom.scouting..", "nl.instroom.stayinterviews..",
                        "nl.instroom.identity..", "nl.instroom.chassis..")
                .because("the portal shows what the services answer and shares no code with them")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nl.instroom.portal"));
    }

    @Test
    void chartsArePlainJava() {
        noClasses().that().resideInAPackage("nl.instroom.portal.charts..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "tools.jackson..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("nl.instroom.portal"));
    }
}
