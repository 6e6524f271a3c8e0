package nl.instroom.deployment;

import static nl.instroom.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One image recipe for every application: built in stages from the named module, layered, non-root, health-checked. */
class DockerfilesTest {

    private static final Path DOCKERFILE = Repository.root().resolve("deploy/Dockerfile");

    @Test
    void the_image_builds_the_named_modules_jar_into_layers_and_runs_it_as_a_non_root_user() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);

        assertThat(Pattern.compile("^FROM ", Pattern.MULTILINE).matcher(dockerfile).results().count())
                .isGreaterThanOrEqualTo(3);
        assertThat(dockerfile).contains("ARG MODULE", "ARG APP", "ARG PORT",
                "./mvnw -B -q -DskipTests -pl \"$MODULE\" -am package", "\"$MODULE/target/$APP.jar\"",
                "java -Djarmode=tools -jar app.jar extract --layers --launcher",
                "COPY --from=layers /layers/extracted/dependencies/",
                "org.springframework.boot.loader.launch.JarLauncher",
                "USER 10001", "ENV PORT=${PORT}", "HEALTHCHECK", "/actuator/health/liveness");
    }

    @ParameterizedTest
    @CsvSource({"platform/identity, 9000", "services/need-mapping, 8081", "services/tutoring, 8082",
        "services/scouting, 8083", "services/stay-interviews, 8084", "services/career-advice, 8085",
        "services/mentoring, 8086", "services/portal, 8080"})
    void compose_builds_each_application_with_its_module_jar_and_port(String module, int port) throws IOException {
        Matcher finalName = Pattern.compile("<finalName>([^<]+)</finalName>")
                .matcher(Files.readString(Repository.root().resolve(module).resolve("pom.xml")));
        assertThat(finalName.find()).as("finalName in %s/pom.xml", module).isTrue();
        String app = finalName.group(1);

        Map<String, Object> service = map(map(map(Repository.readYaml(Repository.root().resolve(
                "docker-compose.yml"))).get("services")).get(app));
        Map<String, Object> build = map(service.get("build"));

        assertThat(build.get("dockerfile")).isEqualTo("deploy/Dockerfile");
        assertThat(map(build.get("args"))).containsEntry("MODULE", module).containsEntry("APP", app)
                .containsEntry("PORT", String.valueOf(port));
        assertThat(String.valueOf(map(service.get("environment")).get("PORT"))).isEqualTo(String.valueOf(port));
    }
}
