package nl.instroom.careeradvice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * career-advice's own settings ({@code instroom.advice.*}).
 *
 * @param masterKeyFile where the master keys lie (a path, {@code file:} or {@code classpath:} in tests; read by the
 *     platform's sealing library)
 * @param routesFile where the route finder's rules lie (a Spring resource location)
 */
@ConfigurationProperties("instroom.advice")
public record AdviceSettings(String masterKeyFile, String routesFile) {

    public AdviceSettings {
        routesFile = routesFile == null || routesFile.isBlank() ? "classpath:routes/routes.yaml" : routesFile;
    }

    /**
     * A configured location as a resource: {@code classpath:} and {@code file:} as Spring reads them, anything else as
     * a path on the file system (a mounted secret such as {@code /run/secrets/advice-master-key}) — which Spring's
     * resource loader would otherwise look for on the classpath.
     */
    public static Resource resource(String location) {
        if (location.startsWith("classpath:") || location.startsWith("file:")) {
            return new DefaultResourceLoader().getResource(location);
        }
        return new FileSystemResource(location);
    }
}
