package nl.instroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's "Try it" lines run against the stack exactly as they are written there (read from README.md, run by
 * bash with the secret the stack printed): the region, a vacancy opened at a real school, tutoring's view of it, and
 * the CloudEvent on the topic. A README example that stops working fails the build.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class F_ReadmeExamplesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static volatile String vacancyId;

    @Test
    @Order(1)
    void theCurlLinesAnswerAsTheReadmeSays() throws Exception {
        List<String> lines = tryItLines();
        assertThat(lines).as("the README's Try it block").hasSize(5);
        String token = lines.get(0);

        JsonNode region = JSON.readTree(run(token, lines.get(1)));
        assertThat(region.get("code").asString()).isEqualTo("AM36");
        assertThat(region.get("name").asString()).isEqualTo("Regio Zwolle");
        assertThat(region.get("municipalities")).hasSize(16);

        JsonNode vacancy = JSON.readTree(run(token, lines.get(2)));
        assertThat(vacancy.has("id")).as(vacancy.toString()).isTrue();
        assertThat(vacancy.get("status").asString()).isEqualTo("OPEN");
        vacancyId = vacancy.get("id").asString();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(run(token, lines.get(3))).as("tutoring learned of it from the event").contains(vacancyId));
    }

    @Test
    @Order(2)
    void theKcatLineShowsTheCloudEvent() throws Exception {
        Assumptions.assumeTrue(vacancyId != null, "the vacancy of the first example");
        Assumptions.assumeTrue(onPath("kcat"), "kcat is not installed (Debian: apt-get install kcat)");
        List<String> lines = tryItLines();

        String events = run(lines.get(0), lines.get(4));

        assertThat(events.lines().filter(line -> line.contains(vacancyId))).singleElement().satisfies(line -> {
            JsonNode record = JSON.readTree(line);
            assertThat(record.get("key").asString()).isEqualTo(vacancyId);
            assertThat(record.get("headers").toString()).contains("nl.instroom.needmap.VacancyOpened.v1");
        });
    }

    /** The commands of README.md's "Try it" block, continuation lines joined. */
    static List<String> tryItLines() throws IOException {
        List<String> readme = Files.readAllLines(Path.of(System.getProperty("instroom.root", "../.."))
                .resolve("README.md"));
        int tryIt = readme.indexOf(readme.stream().filter(line -> line.startsWith("Try it")).findFirst()
                .orElseThrow());
        int start = readme.subList(tryIt, readme.size()).indexOf("```sh") + tryIt + 1;
        assertThat(start).as("a sh block after Try it").isGreaterThan(tryIt + 1);
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String line : readme.subList(start, readme.size())) {
            if (line.equals("```")) {
                break;
            }
            command.append(line);
            if (line.endsWith("\\")) {
                command.append('\n');
            } else {
                commands.add(command.toString());
                command.setLength(0);
            }
        }
        return commands;
    }

    /**
     * Runs the token line and then the command in bash, with SECRET set as the stack printed it; returns what it wrote
     * to standard output. Standard error goes to a file of its own, shown when the command fails: merged into the
     * output, kcat's unbuffered "Reached end of topic" landed inside a record wherever its buffered output happened to
     * be cut, which depended on how many records the journeys before had left on the topic.
     */
    private static String run(String tokenLine, String command) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", tokenLine + "\n" + command);
        bash.environment().put("SECRET", integrationSecret());
        Path errors = Files.createTempFile("readme-example", ".err");
        try {
            bash.redirectError(errors.toFile());
            Process process = bash.start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String text = new String(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(command + "\n" + text + "\n" + Files.readString(errors)).isZero();
            return text;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static String integrationSecret() throws IOException {
        return Files.readAllLines(RunningStack.stack().data().resolve("identity/demo-credentials.txt")).stream()
                .filter(line -> line.startsWith("instroom-integration")).map(line -> line.substring(
                        line.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv("PATH").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
