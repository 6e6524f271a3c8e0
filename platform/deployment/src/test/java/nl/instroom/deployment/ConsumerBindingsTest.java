package nl.instroom.deployment;

import static nl.instroom.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What each service binds to read (its {@code spring.cloud.stream} input bindings, with the chassis' erasure binding
 * where it lists it) is exactly what asyncapi.yaml says it receives, in its own consumer group. The Kafka ACLs are
 * derived from asyncapi.yaml, so a consumer added to a service but not to the document would be refused by the
 * broker in production only, where no other test reaches.
 */
class ConsumerBindingsTest {

    private static final Path ROOT = Repository.root();

    @Test
    void every_service_reads_exactly_what_asyncapi_says_it_receives_in_its_own_group() {
        assertThat(violations(bindings(), Repository.kafkaAccess())).isEmpty();
    }

    @Test
    void a_binding_missing_from_asyncapi_or_a_receive_without_binding_or_a_borrowed_group_fails() {
        Map<String, List<Binding>> bindings = new TreeMap<>(bindings());
        List<Binding> tutoring = new ArrayList<>(bindings.get("tutoring"));
        tutoring.removeIf(binding -> binding.topic().equals("needmap.vacancies.v1"));
        tutoring.add(new Binding("staySignals-in-0", "stay.signals.v1", "tutoring"));
        bindings.put("tutoring", tutoring);
        List<Binding> scouting = new ArrayList<>(bindings.get("scouting"));
        scouting.replaceAll(binding -> binding.topic().equals("needmap.need.v2")
                ? new Binding(binding.name(), binding.topic(), "tutoring") : binding);
        bindings.put("scouting", scouting);

        assertThat(violations(bindings, Repository.kafkaAccess())).containsExactlyInAnyOrder(
                "tutoring binds staySignals-in-0 to stay.signals.v1, which asyncapi.yaml does not say it receives",
                "tutoring receives needmap.vacancies.v1 in asyncapi.yaml but binds nothing to it",
                "scouting binds needEvents-in-0 in group tutoring, not its own");
    }

    private record Binding(String name, String topic, String group) {
    }

    private static List<String> violations(Map<String, List<Binding>> bindings,
            Map<String, KafkaAccessRules.Access> access) {
        List<String> violations = new ArrayList<>();
        access.forEach((service, needs) -> {
            List<Binding> bound = bindings.getOrDefault(service, List.of());
            Set<String> boundTopics = new TreeSet<>();
            for (Binding binding : bound) {
                boundTopics.add(binding.topic());
                if (!needs.reads().contains(binding.topic())) {
                    violations.add(service + " binds " + binding.name() + " to " + binding.topic()
                            + ", which asyncapi.yaml does not say it receives");
                }
                if (!service.equals(binding.group())) {
                    violations.add(service + " binds " + binding.name() + " in group " + binding.group()
                            + ", not its own");
                }
            }
            needs.reads().stream().filter(topic -> !boundTopics.contains(topic)).forEach(topic -> violations.add(
                    service + " receives " + topic + " in asyncapi.yaml but binds nothing to it"));
        });
        return violations;
    }

    /** Service → the input bindings its function definition activates. */
    private static Map<String, List<Binding>> bindings() {
        Properties chassisDefaults = properties(ROOT.resolve(
                "platform/chassis/src/main/resources/instroom-chassis-defaults.properties"));
        Map<String, List<Binding>> bindings = new TreeMap<>();
        for (String app : Repository.APPS.keySet()) {
            Path module = app.equals("identity") ? ROOT.resolve("platform/identity") : ROOT.resolve("services/" + app);
            Map<String, Object> spring = map(map(Repository.readYaml(
                    module.resolve("src/main/resources/application.yml"))).get("spring"));
            String name = (String) map(spring.get("application")).get("name");
            Map<String, Object> cloud = map(spring.get("cloud"));
            Object definition = map(cloud.get("function")).get("definition");
            Map<String, Object> declared = map(map(cloud.get("stream")).get("bindings"));
            List<Binding> active = new ArrayList<>();
            for (String function : definition == null ? new String[0] : ((String) definition).split(";")) {
                String binding = function.trim() + "-in-0";
                Map<String, Object> own = map(declared.get(binding));
                String prefix = "spring.cloud.stream.bindings." + binding + ".";
                String topic = own.containsKey("destination") ? (String) own.get("destination")
                        : chassisDefaults.getProperty(prefix + "destination");
                String group = own.containsKey("group") ? (String) own.get("group")
                        : chassisDefaults.getProperty(prefix + "group", "");
                active.add(new Binding(binding, topic, group.replace("${spring.application.name}", name)));
            }
            bindings.put(name, active);
        }
        return bindings;
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
