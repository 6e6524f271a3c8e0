package nl.instroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Map;
import java.util.Set;
import nl.instroom.testing.ArchitectureRules.Rule;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules fail where they should, shown on small code bases under {@code nl.instroom.testing.fixture}:
 * a sound one passes every rule, a broken copy fails on its cycle and its misspelt package, and one whose only
 * domain package is misspelt fails rather than passing unchecked.
 */
class ArchitectureRulesTest {

    private static final String FIXTURES = "nl.instroom.testing.fixture";

    @Test
    void aSoundCodeBasePassesEveryRule() {
        ArchitectureRules rules = ArchitectureRules.forBasePackage(FIXTURES + ".sound");

        assertThat(violated(rules, "sound")).isEmpty();
        assertThatCode(() -> rules.check(classes("sound"))).doesNotThrowAnyException();
    }

    @Test
    void aCycleBetweenCapabilitiesAndAMisspeltPackageFail() {
        Map<Rule, String> violations = ArchitectureRules.forBasePackage(FIXTURES + ".broken")
                .violations(classes("broken"));

        assertThat(violations).containsOnlyKeys(Rule.CAPABILITIES_ACYCLIC, Rule.EVERY_CLASS_IN_A_LAYER);
        assertThat(violations.get(Rule.CAPABILITIES_ACYCLIC))
                .contains("Cycle detected", "capability alpha", "capability beta");
        assertThat(violations.get(Rule.EVERY_CLASS_IN_A_LAYER))
                .contains(FIXTURES + ".broken.alpha.domian.Misspelt")
                .doesNotContain(FIXTURES + ".broken.alpha.domain.Alpha>");
    }

    @Test
    void checkFailsWithTheViolationsOfEveryRule() {
        assertThatThrownBy(() -> ArchitectureRules.forBasePackage(FIXTURES + ".broken").check(classes("broken")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("alpha.domian.Misspelt");
    }

    @Test
    void aDomainOnlyUnderAMisspeltNameFailsInsteadOfPassingUnchecked() {
        Map<Rule, String> violations = ArchitectureRules.forBasePackage(FIXTURES + ".misspelt")
                .violations(classes("misspelt"));

        assertThat(violations).containsOnlyKeys(Rule.DOMAIN_PLAIN_JAVA, Rule.DOMAIN_KNOWS_NO_OUTER_LAYER,
                Rule.EVERY_CLASS_IN_A_LAYER);
        assertThat(violations.get(Rule.DOMAIN_PLAIN_JAVA)).contains("failed to check any classes");
        assertThat(violations.get(Rule.EVERY_CLASS_IN_A_LAYER))
                .contains(FIXTURES + ".misspelt.alpha.domian.Alpha");
    }

    @Test
    void aDeclaredAdapterOrUnlayeredPackageIsAValidHome() {
        ArchitectureRules declared = ArchitectureRules.forBasePackage(FIXTURES + ".broken")
                .unlayered("alpha.domian", "the fixture's misspelling, declared");

        assertThat(violated(declared, "broken")).doesNotContain(Rule.EVERY_CLASS_IN_A_LAYER);
        assertThat(declared.rules().get(Rule.EVERY_CLASS_IN_A_LAYER).getDescription())
                .contains("alpha.domian (the fixture's misspelling, declared)");
    }

    private static JavaClasses classes(String fixture) {
        return new ClassFileImporter().importPackages(FIXTURES + "." + fixture);
    }

    private static Set<Rule> violated(ArchitectureRules rules, String fixture) {
        return rules.violations(classes(fixture)).keySet();
    }
}
