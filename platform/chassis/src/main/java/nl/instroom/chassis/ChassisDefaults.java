package nl.instroom.chassis;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code instroom-chassis-defaults.properties} as the lowest-precedence property source, so every service
 * gets the same operational defaults (actuator exposure, readiness groups, observation, tracing) and overrides
 * any of them in its own configuration.
 */
class ChassisDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("instroomChassisDefaults",
                    new ClassPathResource("instroom-chassis-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
