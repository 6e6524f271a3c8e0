package nl.instroom.deployment;

import static nl.instroom.deployment.Repository.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml is valid, keeps the rules, and the topics, scrape targets and dashboard match the code. */
class ComposeFileIT {

    private static final Path ROOT = Repository.root();

    @Test
    void docker_compose_accepts_the_file() {
        Map<String, String> environment = new HashMap<>(Map.of("INSTROOM_INTEGRATION_SECRET", "checked-only",
                "STAY_MASTER_KEY", "checked-only", "INSTROOM_SECOND_FACTOR_KEY", "checked-only"));
        Repository.APPS.keySet().forEach(app -> environment.put(
                "KAFKA_PASSWORD_" + app.toUpperCase(java.util.Locale.ROOT).replace('-', '_'), "checked-only"));
        Commands.Result result = Commands.run(ROOT, environment,
                List.of("docker-compose", "-f", "docker-compose.yml", "config", "-q"));

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void every_service_is_healthchecked_limited_and_started_in_order_on_its_own_replica_set() {
        assertThat(ComposeRules.check(compose(), documentedVariables(), KafkaAccessRules.aclList())).isEmpty();
    }

    @Test
    void a_duplicate_key_is_an_error_not_silently_the_last_one() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Repository.yaml().load("""
                services:
                  stay-interviews:
                    secrets: [kafka-ca]
                    secrets: [stay-master-keys]
                """)).hasMessageContaining("duplicate key");
    }

    @Test
    void a_broken_compose_file_fails() {
        Map<String, Object> compose = compose();
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> tutoring = new HashMap<>(map(services.get("tutoring")));
        tutoring.remove("healthcheck");
        tutoring.put("depends_on", Map.of("kafka", Map.of("condition", "service_started"),
                "mongo-tutoring", Map.of("condition", "service_healthy"),
                "identity", Map.of("condition", "service_healthy")));
        services.put("tutoring", tutoring);
        Map<String, Object> mongo = new HashMap<>(map(services.get("mongo-scouting")));
        mongo.put("command", List.of("--bind_ip_all"));
        mongo.remove("mem_limit");
        services.put("mongo-scouting", mongo);
        Map<String, Object> stay = new HashMap<>(map(services.get("stay-interviews")));
        stay.remove("secrets");
        services.put("stay-interviews", stay);
        Map<String, Object> portal = new HashMap<>(map(services.get("portal")));
        Map<String, Object> portalWaitsFor = new HashMap<>(map(portal.get("depends_on")));
        portalWaitsFor.remove("stay-interviews");
        portal.put("depends_on", portalWaitsFor);
        Map<String, Object> portalEnvironment = new HashMap<>(map(portal.get("environment")));
        portalEnvironment.put("INSTROOM_PORTAL_THEME", "dark");
        portal.put("environment", portalEnvironment);
        services.put("portal", portal);

        assertThat(ComposeRules.check(compose, documentedVariables(), KafkaAccessRules.aclList()))
                .containsExactlyInAnyOrder(
                "service portal does not wait for stay-interviews to be healthy",
                "service portal sets INSTROOM_PORTAL_THEME, which it does not read (not in docs/configuration.md)",
                "service tutoring has no healthcheck",
                "service tutoring does not wait for kafka to be healthy",
                "service tutoring depends on kafka with condition service_started",
                "service tutoring does not wait for its Kafka user and ACLs (kafka-access)",
                "service mongo-scouting has no mem_limit",
                "service stay-interviews reads STAY_MASTER_KEY_FILE=/run/secrets/stay-master-keys, which is not one "
                        + "of its secrets",
                "no MongoDB replica set (mongo-scouting started with --replSet) for scouting");
    }

    @Test
    void a_compose_kafka_with_a_plaintext_listener_a_borrowed_user_or_a_stolen_write_fails() throws IOException {
        Map<String, Object> compose = compose();
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> kafka = new HashMap<>(map(services.get("kafka")));
        Map<String, Object> kafkaEnvironment = new HashMap<>(map(kafka.get("environment")));
        kafkaEnvironment.put("KAFKA_LISTENERS", kafkaEnvironment.get("KAFKA_LISTENERS") + ",PLAIN://:9095");
        kafkaEnvironment.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP",
                kafkaEnvironment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP") + ",PLAIN:PLAINTEXT");
        kafka.put("environment", kafkaEnvironment);
        services.put("kafka", kafka);
        Map<String, Object> tutoring = new HashMap<>(map(services.get("tutoring")));
        Map<String, Object> tutoringEnvironment = new HashMap<>(map(tutoring.get("environment")));
        tutoringEnvironment.put("KAFKA_USERNAME", "need-mapping");
        tutoring.put("environment", tutoringEnvironment);
        services.put("tutoring", tutoring);
        Map<String, Object> scouting = new HashMap<>(map(services.get("scouting")));
        Map<String, Object> scoutingWaitsFor = new HashMap<>(map(scouting.get("depends_on")));
        scoutingWaitsFor.remove("kafka-access");
        scouting.put("depends_on", scoutingWaitsFor);
        services.put("scouting", scouting);
        String acls = Files.readString(ROOT.resolve("deploy/kafka/acls.txt"))
                .replace("tutoring Read group tutoring\n", "")
                + "stay-interviews Write topic privacy.erasure-requests.v1\n";

        assertThat(ComposeRules.check(compose, documentedVariables(), KafkaAccessRules.ofAclList(acls)))
                .containsExactlyInAnyOrder(
                        "service kafka listener PLAIN speaks PLAINTEXT beyond its own loopback",
                        "service tutoring does not sign in to Kafka over SASL_SSL as its own user tutoring",
                        "service scouting does not wait for its Kafka user and ACLs (kafka-access)",
                        "deploy/kafka/acls.txt user tutoring cannot read its consumer group tutoring",
                        "deploy/kafka/acls.txt user stay-interviews may write topic privacy.erasure-requests.v1, "
                                + "which it does not own");
    }

    @Test
    void the_topic_list_creates_every_topic_and_dead_letter_topic_as_the_kafka_topics_do() throws IOException {
        Map<String, Integer> listed = new TreeMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/kafka/topics.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] fields = line.trim().split("\\s+");
                listed.put(fields[0], Integer.parseInt(fields[1]));
            }
        }
        Map<String, Integer> kafkaTopics = new TreeMap<>();
        for (Object document : Repository.yaml().loadAll(Files.readString(ROOT.resolve("k8s/base/kafka/topics.yaml")))) {
            Map<String, Object> spec = map(map(document).get("spec"));
            kafkaTopics.put((String) spec.get("topicName"), (Integer) spec.get("partitions"));
        }
        Set<String> required = new TreeSet<>(Repository.topics());
        required.addAll(Repository.deadLetterTopics());

        assertThat(listed.keySet()).containsExactlyInAnyOrderElementsOf(required);
        assertThat(listed.values()).allMatch(partitions -> partitions >= 3);
        assertThat(kafkaTopics).isEqualTo(listed);
    }

    @Test
    void prometheus_scrapes_every_service_and_the_dashboard_shows_metrics_the_services_publish() throws IOException {
        String prometheus = Files.readString(ROOT.resolve("deploy/prometheus/prometheus.yml"));
        Repository.APPS.forEach((app, port) -> assertThat(prometheus).contains("\"" + app + ":" + port + "\""));
        assertThat(prometheus).contains("metrics_path: /actuator/prometheus");

        String dashboard = Files.readString(ROOT.resolve("deploy/grafana/dashboards/instroom.json"));
        assertThat(dashboard).contains("instroom_events_published_total", "instroom_events_consumed_total",
                "spring_cloud_stream_binder_kafka_offset", "instroom_outbox_backlog",
                "instroom_events_dead_lettered_total", "http_server_requests_seconds",
                "resilience4j_circuitbreaker_state{name=\\\"outbox-relay\\\"}");
        Set<String> published = chassisMeterNames();
        Matcher metric = Pattern.compile("instroom_[a-z_]+").matcher(dashboard);
        while (metric.find()) {
            String name = metric.group().replaceAll("(_seconds)?(_total|_sum|_count|_max)?$", "");
            assertThat(published).as("dashboard metric %s is published by the chassis", metric.group())
                    .contains(name);
        }
    }

    /** Names of the meters the chassis registers, in Prometheus form (dots become underscores). */
    private static Set<String> chassisMeterNames() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern meterName = Pattern.compile("\"(instroom\\.[a-z_.]+)\"");
        try (var files = Files.walk(ROOT.resolve("platform/chassis/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = meterName.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1).replace('.', '_'));
                }
            }
        }
        return names;
    }

    private static Map<String, Object> compose() {
        return map(Repository.readYaml(ROOT.resolve("docker-compose.yml")));
    }

    /** The environment variables docs/configuration.md says the services read. */
    static Set<String> documentedVariables() {
        try {
            Set<String> variables = new TreeSet<>();
            Matcher matcher = Pattern.compile("`([A-Z][A-Z0-9_]+)`")
                    .matcher(Files.readString(ROOT.resolve("docs/configuration.md")));
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            return variables;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
