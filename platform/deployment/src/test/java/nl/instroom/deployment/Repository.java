package nl.instroom.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The checked-out repository: where its files are, and what the event contracts say about topics. */
final class Repository {

    /** The services that run as Deployments, with the port each listens on. */
    static final Map<String, Integer> APPS = Map.of("identity", 9000, "need-mapping", 8081, "tutoring", 8082,
            "scouting", 8083, "stay-interviews", 8084);

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the Instroom repository: no mvnw above "
                    + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Object readYaml(Path file) {
        try {
            return yaml().load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        return new Yaml(new SafeConstructor(options));
    }

    /** Every channel address of asyncapi.yaml. */
    static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (Object channel : map(asyncApi().get("channels")).values()) {
            topics.add((String) map(channel).get("address"));
        }
        return topics;
    }

    /** Topic → consumer groups reading it (each service consumes as a group named after itself). */
    static Map<String, Set<String>> consumerGroups() {
        Map<String, Object> api = asyncApi();
        Map<String, Object> channels = map(api.get("channels"));
        Map<String, Set<String>> groups = new TreeMap<>();
        for (Object value : map(api.get("operations")).values()) {
            Map<String, Object> operation = map(value);
            if (!"receive".equals(operation.get("action"))) {
                continue;
            }
            String ref = (String) map(operation.get("channel")).get("$ref");
            String channel = ref.substring(ref.lastIndexOf('/') + 1);
            String topic = (String) map(channels.get(channel)).get("address");
            groups.computeIfAbsent(topic, t -> new TreeSet<>()).add((String) operation.get("x-service"));
        }
        return groups;
    }

    /** Every dead-letter topic the consumers may write: {@code <topic>.<consumer-group>.dlq}. */
    static Set<String> deadLetterTopics() {
        Set<String> topics = new TreeSet<>();
        consumerGroups().forEach((topic, groups) -> groups.forEach(group -> topics.add(topic + "." + group + ".dlq")));
        return topics;
    }

    private static Map<String, Object> asyncApi() {
        return map(readYaml(root().resolve("platform/events/src/main/resources/asyncapi.yaml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
