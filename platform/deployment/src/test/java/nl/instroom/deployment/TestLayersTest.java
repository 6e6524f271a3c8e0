package nl.instroom.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The unit layer ({@code *Test}, {@code *Tests}) starts nothing, so {@code ./mvnw -B -Punit test} stays a fast run
 * on a JDK alone: checked on the repository, and shown to fail on broken copies.
 */
class TestLayersTest {

    @Test
    void no_unit_test_of_the_repository_starts_spring_a_broker_a_store_a_browser_or_a_process() {
        Map<Path, String> sources = TestLayers.sourcesOf(Repository.root());
        assertThat(sources).as("the test sources were found")
                .containsKey(Path.of("platform/deployment/src/test/java/nl/instroom/deployment/TestLayersTest.java"));

        assertThat(TestLayers.violations(sources)).isEmpty();
    }

    @Test
    void a_unit_test_that_starts_spring_itself_or_through_its_base_class_or_a_helper_is_reported() {
        Map<Path, String> broken = Map.of(
                test("SpringStartingTest"), """
                        @SpringBootTest
                        class SpringStartingTest { @Test void starts() { } }""",
                test("WithAStore"), """
                        @InstroomInfrastructure
                        abstract class WithAStore { }""",
                test("InheritsAStoreTest"), """
                        class InheritsAStoreTest extends WithAStore { @Test void runs() { } }""",
                test("Tools"), """
                        final class Tools { static void run() { new ProcessBuilder("kubectl").start(); } }""",
                test("CallsAToolTests"), """
                        class CallsAToolTests { @Test void runs() { Tools.run(); } }""");

        assertThat(TestLayers.violations(broken)).hasSize(3).anySatisfy(violation -> assertThat(violation)
                .contains("SpringStartingTest.java", "a Spring context", "name it SpringStartingIT"))
                .anySatisfy(violation -> assertThat(violation)
                        .contains("InheritsAStoreTest.java", "a broker or a store", "through WithAStore"))
                .anySatisfy(violation -> assertThat(violation)
                        .contains("CallsAToolTests.java", "a process", "through Tools", "name it CallsAToolIT"));
    }

    @Test
    void integration_tests_abstract_bases_and_words_in_comments_are_not_reported() {
        Map<Path, String> sound = Map.of(
                test("SpringStartingIT"), """
                        @SpringBootTest
                        class SpringStartingIT { @Test void starts() { } }""",
                test("AbstractSpringTest"), """
                        @SpringBootTest
                        abstract class AbstractSpringTest { }""",
                test("PlainTest"), """
                        /** Needs no ProcessBuilder, no @SpringBootTest. */
                        class PlainTest {
                            // not even a MongoServer
                            @Test void adds() { }
                        }""");

        assertThat(TestLayers.violations(sound)).isEmpty();
    }

    private static Path test(String className) {
        return Path.of("services/example/src/test/java/nl/instroom/example/" + className + ".java");
    }
}
