package nl.instroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.instroom.testing.fixture.layers.NamedLikeAnIT;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.test.context.ContextCustomizerFactory;

/** A class named like a unit test is refused a Spring test context and the broker and store; an *IT is not. */
class UnitLayerTest {

    @Test
    void aClassNamedLikeAUnitTestIsRefusedAContextAndSaysWhatToNameIt() {
        assertThatThrownBy(() -> new UnitLayerContextGuard().createContextCustomizer(UnitLayerTest.class, List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UnitLayerTest is named like a unit test but starts a Spring application context")
                .hasMessageContaining("name it UnitLayerIT");
        assertThatThrownBy(() -> UnitLayer.refuseToStart(Nested.class, "a Kafka broker and a store"))
                .as("a nested class is judged by its top-level class").hasMessageContaining("UnitLayerIT");
    }

    @Test
    void anIntegrationTestAndTheClassesNestedInItMayStartThem() {
        assertThat(new UnitLayerContextGuard().createContextCustomizer(NamedLikeAnIT.class, List.of()))
                .as("adds nothing to the context").isNull();
        assertThatCode(() -> UnitLayer.refuseToStart(NamedLikeAnIT.NestedTest.class, "a Kafka broker and a store"))
                .doesNotThrowAnyException();
    }

    @Test
    void springsTestFrameworkFindsTheGuard() {
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ContextCustomizerFactory.class))
                .anySatisfy(factory -> assertThat(factory).isInstanceOf(UnitLayerContextGuard.class));
    }

    private static final class Nested {
    }
}
