package nl.instroom.testing;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The dependency rules every service keeps, in one place: capabilities (the packages right under the service's
 * base package) depend on each other without cycles; inside a capability the domain knows no framework and no outer
 * layer, use cases know no adapter; every class lives in a layer package ({@code domain}, {@code application},
 * {@code web}, {@code messaging}, {@code persistence}) or the service's root; and a service knows no other
 * service's code (only the published contracts in {@code nl.instroom.events}).
 *
 * <p>No rule may pass by checking nothing ({@code allowEmptyShould(false)}): a misspelt package would otherwise
 * leave its classes unchecked, and the layering rule reports the misspelling itself. A service names its own
 * further adapters (such as tutoring's solver) and packages outside the layering, each with a reason, so every
 * exception is written where a reader of its architecture test sees it:
 *
 * <pre>{@code ArchitectureRules.forService("tutoring").adapter("matching.solver").check();}</pre>
 *
 * <p>There is no way to tolerate a cycle: the cycles the services had (issue 19) were removed by moving the notion
 * or inverting the dependency through a port, and a new one fails the build.
 */
public final class ArchitectureRules {

    /** The layer packages a capability consists of. */
    public static final List<String> LAYERS = List.of("domain", "application", "web", "messaging", "persistence");

    /** The chassis' plain refusal types, the one part of the chassis a domain may use (mapped to problem+json). */
    private static final String REFUSALS = "nl.instroom.chassis.refusal..";

    private static final List<String> ADAPTER_LAYERS = List.of("web", "messaging", "persistence");
    private static final List<String> SERVICES = List.of("needmapping", "tutoring", "scouting", "stayinterviews",
            "careeradvice", "portal", "identity", "mentoring");

    private final String base;
    private final List<String> adapters = new ArrayList<>();
    private final Map<String, String> unlayered = new LinkedHashMap<>();

    private ArchitectureRules(String base) {
        this.base = base;
    }

    /** The rules for the service whose code lives under {@code nl.instroom.<service>}. */
    public static ArchitectureRules forService(String service) {
        return new ArchitectureRules("nl.instroom." + service);
    }

    /** The rules for any base package laid out like a service (the rules' own tests use fixtures). */
    public static ArchitectureRules forBasePackage(String basePackage) {
        return new ArchitectureRules(basePackage);
    }

    /** The production classes of a service, e.g. {@code importService("tutoring")}. */
    public static JavaClasses importService(String service) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nl.instroom." + service);
    }

    /**
     * A further adapter package, relative to the base package (e.g. {@code matching.solver}): a valid home for
     * classes, and one that domain and use cases may not know, like {@code web}, {@code messaging} and
     * {@code persistence}.
     */
    public ArchitectureRules adapter(String relativePackage) {
        adapters.add(relativePackage);
        return this;
    }

    /**
     * A package, relative to the base package, that is allowed outside the layering; the reason is part of the
     * rule's description, so it shows in every report.
     */
    public ArchitectureRules unlayered(String relativePackage, String reason) {
        unlayered.put(relativePackage, reason);
        return this;
    }

    /** The rules, each by name. */
    public enum Rule {
        CAPABILITIES_ACYCLIC, DOMAIN_PLAIN_JAVA, DOMAIN_KNOWS_NO_OUTER_LAYER, USE_CASES_KNOW_NO_ADAPTER,
        NO_OTHER_SERVICE, EVERY_CLASS_IN_A_LAYER
    }

    /** Every rule, none of them allowed to pass on an empty set of classes. */
    public Map<Rule, ArchRule> rules() {
        String[] adapterPackages = Stream.concat(ADAPTER_LAYERS.stream().map(layer -> base + ".." + layer + ".."),
                adapters.stream().map(adapter -> base + "." + adapter + "..")).toArray(String[]::new);
        Map<Rule, ArchRule> rules = new EnumMap<>(Rule.class);
        SliceRule acyclic = slices().matching(base + ".(*)..").namingSlices("capability $1")
                .should().beFreeOfCycles();
        rules.put(Rule.CAPABILITIES_ACYCLIC, acyclic
                .because("a capability that needs another's notion takes it from one side only, or learns of it "
                        + "through a port or an event"));
        rules.put(Rule.DOMAIN_PLAIN_JAVA, noClasses().that().resideInAPackage(base + "..domain..")
                .should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.bson..",
                        "com.mongodb..", "org.apache.kafka..", "jakarta.persistence..", "tools.jackson..",
                        "nl.instroom.chassis..").and(not(resideInAPackage(REFUSALS))))
                .because("the domain is plain Java that a unit test can run without mocks; its refusals are the "
                        + "chassis' plain refusal types, which the web layer maps to problem documents"));
        rules.put(Rule.DOMAIN_KNOWS_NO_OUTER_LAYER, noClasses().that().resideInAPackage(base + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage(Stream.concat(
                        Stream.of(base + "..application.."), Stream.of(adapterPackages)).toArray(String[]::new)));
        rules.put(Rule.USE_CASES_KNOW_NO_ADAPTER, noClasses().that().resideInAPackage(base + "..application..")
                .should().dependOnClassesThat().resideInAnyPackage(adapterPackages));
        rules.put(Rule.NO_OTHER_SERVICE, noClasses().that().resideInAPackage(base + "..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .map(other -> "nl.instroom." + other)
                        .filter(other -> !base.equals(other) && !base.startsWith(other + "."))
                        .map(other -> other + "..")
                        .toArray(String[]::new))
                .because("services share only the event contracts in platform/events"));
        rules.put(Rule.EVERY_CLASS_IN_A_LAYER, everyClassInALayer());
        rules.replaceAll((name, rule) -> rule.allowEmptyShould(false));
        return rules;
    }

    /**
     * One of the rules alone, for code laid out otherwise (the portal has packages per role, not capabilities in
     * layers, but its packages must be free of cycles all the same).
     */
    public ArchRule rule(Rule name) {
        return rules().get(name);
    }

    private ArchRule everyClassInALayer() {
        List<String> homes = new ArrayList<>();
        homes.add(base);
        LAYERS.forEach(layer -> homes.add(base + ".*." + layer + ".."));
        adapters.forEach(adapter -> homes.add(base + "." + adapter + ".."));
        unlayered.keySet().forEach(relativePackage -> homes.add(base + "." + relativePackage + ".."));
        String exceptions = unlayered.isEmpty() ? "" : "; outside the layering: " + String.join("; ",
                unlayered.entrySet().stream().map(entry -> entry.getKey() + " (" + entry.getValue() + ")").toList());
        // A capability's own package holds only its package-info: its classes live in its layers.
        return classes().that().resideInAPackage(base + "..").and().doNotHaveSimpleName("package-info")
                .should().resideInAnyPackage(homes.toArray(String[]::new))
                .because("every class belongs to the service's root or to a capability's "
                        + String.join("/", LAYERS) + " package (a misspelt or new package would escape every other"
                        + " rule)" + exceptions);
    }

    /**
     * Evaluates every rule on the given classes: the report of each violated rule, by rule; empty when all pass. A
     * rule that matched no class is violated too, with ArchUnit's "failed to check any classes" as its report.
     */
    public Map<Rule, String> violations(JavaClasses classes) {
        Map<Rule, String> violations = new EnumMap<>(Rule.class);
        rules().forEach((name, rule) -> {
            try {
                EvaluationResult result = rule.evaluate(classes);
                if (result.hasViolation()) {
                    violations.put(name, result.getFailureReport().toString());
                }
            } catch (AssertionError checkedNothing) {
                // ArchUnit throws instead of reporting when the rule's that() clause matched no class.
                violations.put(name, checkedNothing.getMessage());
            }
        });
        return violations;
    }

    /** Checks every rule on the service's production classes and fails with the violations of all of them. */
    public void check() {
        check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(base));
    }

    /** Checks every rule on the given classes and fails with the violations of all of them. */
    public void check(JavaClasses classes) {
        Map<Rule, String> violations = violations(classes);
        if (!violations.isEmpty()) {
            throw new AssertionError(String.join(System.lineSeparator() + System.lineSeparator(),
                    violations.values()));
        }
    }
}
