package nl.instroom.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The dependency rules every service keeps: the domain knows no framework, use cases know no adapter, and a
 * service knows no other service's code (only the published contracts in {@code nl.instroom.events}).
 */
public final class ArchitectureRules {

    private static final String REFUSALS = "nl.instroom.chassis.refusal..";
    private static final List<String> SERVICES = List.of("needmapping", "tutoring", "scouting", "stayinterviews");

    private ArchitectureRules() {
    }

    /** The production classes of a service, e.g. {@code importService("tutoring")}. */
    public static JavaClasses importService(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.instroom." + service);
    }

    public static List<ArchRule> rulesFor(String service) {
        String base = "nl.instroom." + service;
        ArchRule domainIsPlainJava = noClasses().that().resideInAPackage(base + "..domain..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.bson..",
                        "com.mongodb..", "org.apache.kafka..", "jakarta.persistence..", "tools.jackson..",
                        "nl.instroom.chassis..").and(not(resideInAPackage(REFUSALS))))
                .because("the domain is plain Java that a unit test can run without mocks; its refusals are the "
                        + "chassis' plain refusal types, which the web layer maps to problem documents");
        ArchRule domainKnowsNoOuterLayer = noClasses().that().resideInAPackage(base + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(base + "..application..", base + "..web..",
                        base + "..persistence..", base + "..messaging..");
        ArchRule useCasesKnowNoAdapter = noClasses().that().resideInAPackage(base + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(base + "..web..", base + "..persistence..",
                        base + "..messaging..");
        ArchRule noOtherService = noClasses().that().resideInAPackage(base + "..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .filter(other -> !other.equals(service))
                        .map(other -> "nl.instroom." + other + "..")
                        .toArray(String[]::new))
                .because("services share only the event contracts in platform/events");
        return Stream.of(domainIsPlainJava, domainKnowsNoOuterLayer, useCasesKnowNoAdapter, noOtherService).toList();
    }

    /** Checks every rule and fails with all violations. */
    public static void check(String service) {
        JavaClasses classes = importService(service);
        rulesFor(service).forEach(rule -> rule.allowEmptyShould(true).check(classes));
    }
}
