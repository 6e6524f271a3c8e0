package nl.instroom.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The naming rule that separates the test layers, read from the sources: a class named {@code *Test} or
 * {@code *Tests} is a unit test and starts nothing — no Spring context, no broker, no store, no browser, no stack,
 * no process or tool of the machine; everything that does is named {@code *IT}. The unit layer
 * ({@code ./mvnw -B -Punit test}) runs the {@code *Test} classes only, so this rule is what keeps it fast and free of
 * infrastructure.
 *
 * <p>A test starts something when its source names one of the {@link #STARTERS} or a class that does (a base class
 * it extends, a helper it calls), followed through the test sources of every module and the main sources of the
 * test-support libraries, by simple class name.
 */
final class TestLayers {

    /** What starts infrastructure, by the name it has in a source (an annotation, a class, a package). */
    static final Map<String, String> STARTERS = starters();

    /** Main sources that tests use to start things: their classes are followed like test classes. */
    static final List<String> SUPPORT_LIBRARIES = List.of("platform/testing", "platform/embedded",
            "platform/local-stack");

    private static final Pattern UNIT_NAME = Pattern.compile(".*Tests?");
    /** Text blocks, strings, characters and comments, left to right, so a comment sign inside a string stays in it. */
    private static final Pattern NOT_CODE = Pattern.compile(
            "\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'|/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private TestLayers() {
    }

    private static Map<String, String> starters() {
        Map<String, String> starters = new LinkedHashMap<>();
        for (String spring : List.of("@SpringBootTest", "@WebMvcTest", "@WebFluxTest", "@DataMongoTest", "@JsonTest",
                "@RestClientTest", "@SpringJUnitConfig", "@SpringJUnitWebConfig", "@ContextConfiguration",
                "@BootstrapWith", "SpringExtension", "ApplicationContextRunner", "SpringApplication",
                "AnnotationConfigApplicationContext")) {
            starters.put(spring, "a Spring context");
        }
        for (String infrastructure : List.of("@InstroomInfrastructure", "@EmbeddedKafka", "org.testcontainers",
                "KafkaBrokerProcess", "EmbeddedMongo", "MongoServer")) {
            starters.put(infrastructure, "a broker or a store");
        }
        for (String browser : List.of("org.openqa.selenium", "nl.instroom.testing.browser")) {
            starters.put(browser, "a browser");
        }
        starters.put("nl.instroom.localstack", "the local stack");
        for (String process : List.of("ProcessBuilder", "Runtime.getRuntime().exec", "HttpServer", "ServerSocket")) {
            starters.put(process, "a process, a tool of the machine or a server");
        }
        return Collections.unmodifiableMap(starters);
    }

    /** The test and support sources of the repository at {@code root}, by path relative to it. */
    static Map<Path, String> sourcesOf(Path root) {
        Map<Path, String> sources = new TreeMap<>();
        for (String group : List.of("platform", "services")) {
            try (Stream<Path> modules = Files.list(root.resolve(group))) {
                for (Path module : modules.filter(Files::isDirectory).toList()) {
                    String name = group + "/" + module.getFileName();
                    read(root, module.resolve("src/test/java"), sources);
                    if (SUPPORT_LIBRARIES.contains(name)) {
                        read(root, module.resolve("src/main/java"), sources);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    /**
     * The unit tests (concrete classes named {@code *Test} or {@code *Tests} under {@code src/test/java}) that start
     * something, each with what it starts and through which class.
     */
    static List<String> violations(Map<Path, String> sources) {
        Map<Path, String> code = new LinkedHashMap<>();
        sources.forEach((path, text) -> code.put(path, withoutComments(text)));
        // What each file starts, and the simple names of the classes that start something (a name shared by two
        // modules' classes counts as starting when either does: the rule errs on the side of the integration layer).
        Map<Path, String> starts = new LinkedHashMap<>();
        Map<String, String> startingNames = new LinkedHashMap<>();
        code.forEach((path, text) -> starterIn(text).ifPresent(starter -> {
            starts.put(path, starter);
            startingNames.putIfAbsent(simpleName(path), starter);
        }));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Path, String> each : code.entrySet()) {
                if (starts.containsKey(each.getKey())) {
                    continue;
                }
                String own = simpleName(each.getKey());
                for (Map.Entry<String, String> starter : List.copyOf(startingNames.entrySet())) {
                    if (!starter.getKey().equals(own) && mentions(each.getValue(), starter.getKey())) {
                        String reason = starter.getValue() + " through " + starter.getKey();
                        starts.put(each.getKey(), reason);
                        startingNames.putIfAbsent(own, reason);
                        grew = true;
                        break;
                    }
                }
            }
        }
        List<String> violations = new ArrayList<>();
        starts.forEach((path, reason) -> {
            String name = simpleName(path);
            if (path.toString().replace('\\', '/').contains("src/test/java/") && UNIT_NAME.matcher(name).matches()
                    && !isAbstract(name, code.get(path))) {
                violations.add(path + " is named like a unit test but starts " + reason + ": name it "
                        + name.replaceAll("Tests?$", "IT"));
            }
        });
        return violations;
    }

    private static Optional<String> starterIn(String code) {
        return STARTERS.entrySet().stream().filter(starter -> code.contains(starter.getKey()))
                .map(starter -> starter.getValue() + " (" + starter.getKey() + ")").findFirst();
    }

    private static boolean mentions(String code, String simpleName) {
        return Pattern.compile("\\b" + Pattern.quote(simpleName) + "\\b").matcher(code).find();
    }

    private static boolean isAbstract(String name, String code) {
        Matcher declaration = Pattern.compile("\\b(abstract\\s+class|interface)\\s+" + Pattern.quote(name) + "\\b")
                .matcher(code);
        return declaration.find();
    }

    /** The code alone: a word in a comment or a string (such as a test's fixture) starts nothing. */
    private static String withoutComments(String text) {
        return NOT_CODE.matcher(text).replaceAll(token -> token.group().startsWith("/") ? " " : "\"\"");
    }

    private static String simpleName(Path path) {
        String file = path.getFileName().toString();
        return file.substring(0, file.length() - ".java".length());
    }

    private static void read(Path root, Path dir, Map<Path, String> sources) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (!Set.of("package-info.java", "module-info.java").contains(file.getFileName().toString())) {
                    sources.put(root.relativize(file), Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
