package nl.instroom.testing;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Refuses a Spring test context to a class named like a unit test ({@link UnitLayer}). Registered in this library's
 * {@code META-INF/spring.factories}, so Spring's test framework asks it for every test class of every module that
 * has this library on its test classpath; it adds nothing to the context (and so nothing to its cache key).
 */
final class UnitLayerContextGuard implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        UnitLayer.refuseToStart(testClass, "a Spring application context");
        return null;
    }
}
