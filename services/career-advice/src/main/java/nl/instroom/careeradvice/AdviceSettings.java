package nl.instroom.careeradvice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * career-advice's own settings ({@code instroom.advice.*}).
 *
 * @param masterKeyFile where the master key lies (a Spring resource location: a path, or {@code classpath:} in tests)
 * @param routesFile where the route finder's rules lie (a Spring resource location)
 */
@ConfigurationProperties("instroom.advice")
public record AdviceSettings(String masterKeyFile, String routesFile) {

    public AdviceSettings {
        routesFile = routesFile == null || routesFile.isBlank() ? "classpath:routes/routes.yaml" : routesFile;
    }
}
