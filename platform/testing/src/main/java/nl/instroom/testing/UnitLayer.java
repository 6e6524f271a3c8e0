package nl.instroom.testing;

/**
 * The promise of the unit layer, kept when a test runs: a class named {@code *Test} or {@code *Tests} starts no
 * Spring context and no broker or store — those are {@code *IT}. platform/deployment's {@code TestLayersTest} reads
 * the same rule from the sources; this check also catches what a source scan cannot see, such as a base class from
 * another module's test jar. Called where this library starts them: {@link InfrastructureExtension} and
 * {@link UnitLayerContextGuard}.
 */
final class UnitLayer {

    private UnitLayer() {
    }

    /** Fails when the test class (or the top-level class around a nested one) is named like a unit test. */
    static void refuseToStart(Class<?> testClass, String what) {
        Class<?> outermost = testClass;
        while (outermost.getEnclosingClass() != null) {
            outermost = outermost.getEnclosingClass();
        }
        String name = outermost.getSimpleName();
        if (name.endsWith("Test") || name.endsWith("Tests")) {
            throw new IllegalStateException(outermost.getName() + " is named like a unit test but starts " + what
                    + ": unit tests (*Test) start nothing, so ./mvnw -Punit test stays fast; name it "
                    + name.replaceAll("Tests?$", "IT") + " (docs/contributing.md#running-tests)");
        }
    }
}
