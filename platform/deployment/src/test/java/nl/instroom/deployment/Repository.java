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
            "scouting", 8083, "stay-interviews", 8084, "career-advice", 8085, "mentoring", 8086);

    /**
     * The services that keep personal data sealed (the platform's sealing library), with the variable that names
     * their mounted file of master keys: without it they do not start.
     */
    static final Map<String, String> MASTER_KEY_FILES = Map.of("stay-interviews", "STAY_MASTER_KEY_FILE",
            "career-advice", "ADVICE_MASTER_KEY_FILE", "mentoring", "MENTORING_MASTER_KEY_FILE");

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
        // YAML keeps the last of two equal keys and says nothing: a merge once left a service without its volume and
        // another without its Kafka CA that way. Here a duplicate key is an error.
        options.setAllowDuplicateKeys(false);
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

    /**
     * What each service may do on Kafka, as asyncapi.yaml says: write the topics it publishes ("send") and the
     * dead-letter topics of its own consumer group, read the topics it consumes ("receive") and its own group. Every
     * service consumes as one group named after itself.
     */
    static Map<String, KafkaAccessRules.Access> kafkaAccess() {
        Map<String, Object> api = asyncApi();
        Map<String, Object> channels = map(api.get("channels"));
        Map<String, Set<String>> writes = new TreeMap<>();
        Map<String, Set<String>> reads = new TreeMap<>();
        for (Object value : map(api.get("operations")).values()) {
            Map<String, Object> operation = map(value);
            String service = (String) operation.get("x-service");
            String ref = (String) map(operation.get("channel")).get("$ref");
            String topic = (String) map(channels.get(ref.substring(ref.lastIndexOf('/') + 1))).get("address");
            writes.computeIfAbsent(service, s -> new TreeSet<>());
            reads.computeIfAbsent(service, s -> new TreeSet<>());
            if ("receive".equals(operation.get("action"))) {
                reads.get(service).add(topic);
                writes.get(service).add(topic + "." + service + ".dlq");
            } else {
                writes.get(service).add(topic);
            }
        }
        Map<String, KafkaAccessRules.Access> access = new TreeMap<>();
        writes.forEach((service, written) -> access.put(service, new KafkaAccessRules.Access(written,
                reads.get(service), reads.get(service).isEmpty() ? Set.of() : Set.of(service))));
        return access;
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
