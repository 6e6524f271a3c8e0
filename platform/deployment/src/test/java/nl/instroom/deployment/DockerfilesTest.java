package nl.instroom.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's image: built in stages from its own module, layered, non-root, health-checked. */
class DockerfilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"platform/identity", "services/need-mapping", "services/tutoring", "services/scouting",
        "services/stay-interviews"})
    void the_image_builds_the_modules_jar_into_layers_and_runs_it_as_a_non_root_user(String module)
            throws IOException {
        Path dir = Repository.root().resolve(module);
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
                .matcher(Files.readString(dir.resolve("pom.xml")));
        assertThat(finalName.find()).as("finalName in %s/pom.xml", module).isTrue();
        String name = finalName.group(1);
        int port = Repository.APPS.get(name);

        assertThat(Pattern.compile("^FROM ", Pattern.MULTILINE).matcher(dockerfile).results().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(dockerfile).contains("./mvnw -B -q -DskipTests -pl " + module + " -am package",
                module + "/target/" + name + ".jar",
                "java -Djarmode=tools -jar app.jar extract --layers --launcher",
                "COPY --from=layers /layers/extracted/dependencies/",
                "org.springframework.boot.loader.launch.JarLauncher",
                "USER 10001", "ENV PORT=" + port, "HEALTHCHECK", "/actuator/health/liveness");
        assertThat(Files.readString(Repository.root().resolve("docker-compose.yml")))
                .contains("dockerfile: " + module + "/Dockerfile");
    }
}
