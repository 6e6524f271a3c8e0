package nl.instroom.deployment;

import static nl.instroom.deployment.Repository.list;
import static nl.instroom.deployment.Repository.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a rendered overlay must keep (docs/operations.md). {@link #check} returns every violation, so a test
 * shows all of them at once, and a test on a deliberately broken manifest can show that a rule bites.
 */
final class DeploymentRules {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|KEY)$");
    private static final Pattern CREDENTIALS_IN_URI = Pattern.compile("://[^/@\\s]+:[^/@\\s]+@");

    private final List<Map<String, Object>> objects;
    private final boolean production;
    private final List<String> violations = new ArrayList<>();

    private DeploymentRules(List<Map<String, Object>> objects, boolean production) {
        this.objects = objects;
        this.production = production;
    }

    static List<String> check(List<Map<String, Object>> objects, boolean production) {
        DeploymentRules rules = new DeploymentRules(objects, production);
        rules.deployments();
        rules.autoscalersAndBudgets();
        rules.topics();
        rules.kafka();
        rules.kafkaAccess();
        rules.mongo();
        rules.secrets();
        rules.networkPolicies();
        rules.identity();
        rules.portal();
        return rules.violations;
    }

    private void deployments() {
        for (String app : Repository.APPS.keySet()) {
            if (deployment(app) == null) {
                violations.add("no Deployment " + app);
            }
        }
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            for (Object value : list(podSpec(deployment).get("containers"))) {
                Map<String, Object> container = map(value);
                String where = "Deployment " + name(deployment) + " container " + container.get("name");
                probe(where, "livenessProbe", map(container.get("livenessProbe")), "/actuator/health/liveness");
                probe(where, "readinessProbe", map(container.get("readinessProbe")), "/actuator/health/readiness");
                Map<String, Object> resources = map(container.get("resources"));
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (map(resources.get(bound)).get(resource) == null) {
                            violations.add(where + " has no " + resource + " " + bound);
                        }
                    }
                }
            }
        }
    }

    /**
     * The identity server keeps authorization codes and sign-in sessions in memory: with two pods, a code issued by
     * one could not be redeemed at the other. So one pod, never scaled; its signing keys from a Secret, so a restart
     * does not invalidate the tokens in use.
     */
    private void identity() {
        Map<String, Object> identity = deployment("identity");
        if (identity == null) {
            return;
        }
        Object replicas = map(identity.get("spec")).get("replicas");
        if (!Integer.valueOf(1).equals(replicas)) {
            violations.add("Deployment identity has " + replicas + " replicas; its sign-in state is in memory, so "
                    + "it runs as one pod");
        }
        for (Map<String, Object> hpa : ofKind("HorizontalPodAutoscaler")) {
            if ("identity".equals(map(map(hpa.get("spec")).get("scaleTargetRef")).get("name"))) {
                violations.add("HorizontalPodAutoscaler " + name(hpa) + " scales identity, which runs as one pod");
            }
        }
        boolean keysFromFile = list(podSpec(identity).get("containers")).stream().map(c -> map(c))
                .flatMap(c -> list(c.get("env")).stream()).map(e -> map(e))
                .anyMatch(e -> "INSTROOM_IDENTITY_SIGNING_KEYS_FILE".equals(e.get("name")));
        if (!keysFromFile) {
            violations.add("Deployment identity has no INSTROOM_IDENTITY_SIGNING_KEYS_FILE: its signing keys would "
                    + "change with every restart");
        }
    }

    /**
     * The portal has no store and no broker: it may reach the identity server, the four services and DNS, and each of
     * them must let it in.
     */
    private void portal() {
        Map<String, Object> portal = deployment("portal");
        if (portal == null) {
            violations.add("no Deployment portal");
            return;
        }
        Map<String, Object> pod = podLabels(portal);
        java.util.Set<String> reached = new java.util.TreeSet<>();
        List<Map<String, Object>> egressPolicies = egressPoliciesOf(pod);
        boolean egressIsolated = !egressPolicies.isEmpty();
        for (Map<String, Object> policy : egressPolicies) {
            Map<String, Object> spec = map(policy.get("spec"));
            for (Object value : list(spec.get("egress"))) {
                List<Object> peers = list(map(value).get("to"));
                if (peers.isEmpty()) {
                    violations.add("NetworkPolicy " + name(policy) + " lets portal reach anything");
                }
                for (Object peer : peers) {
                    Map<String, Object> pods = map(map(map(peer).get("podSelector")).get("matchLabels"));
                    Object app = pods.get("app.kubernetes.io/name");
                    if ("dns".equals(destination("portal", map(peer)))) {
                        reached.add("dns");
                    } else if (pods.size() == 1 && !map(peer).containsKey("namespaceSelector")
                            && Repository.APPS.containsKey(String.valueOf(app))) {
                        reached.add(String.valueOf(app));
                    } else {
                        violations.add("NetworkPolicy " + name(policy) + " lets portal reach " + peer
                                + ", which is not the identity server, a service or DNS");
                    }
                }
            }
        }
        if (!egressIsolated) {
            violations.add("no NetworkPolicy limits where portal may connect to");
        }
        java.util.Set<String> needed = new java.util.TreeSet<>(Repository.APPS.keySet());
        needed.add("dns");
        needed.removeAll(reached);
        needed.forEach(missing -> violations.add("NetworkPolicies do not let portal reach " + missing));
        for (String app : Repository.APPS.keySet()) {
            Map<String, Object> target = deployment(app);
            boolean admitted = target == null || ofKind("NetworkPolicy").stream()
                    .map(policy -> map(policy.get("spec")))
                    .filter(spec -> selects(map(map(spec.get("podSelector")).get("matchLabels")), podLabels(target)))
                    .flatMap(spec -> list(spec.get("ingress")).stream())
                    .flatMap(rule -> list(map(rule).get("from")).stream())
                    .map(peer -> map(map(map(peer).get("podSelector")).get("matchLabels")))
                    .anyMatch(selector -> !selector.isEmpty() && selects(selector, pod));
            if (!admitted) {
                violations.add("NetworkPolicies of " + app + " do not let the portal in");
            }
        }
    }

    private void probe(String where, String kind, Map<String, Object> probe, String path) {
        if (probe.isEmpty()) {
            violations.add(where + " has no " + kind);
        } else if (!path.equals(map(probe.get("httpGet")).get("path"))) {
            violations.add(where + " " + kind + " does not ask " + path);
        }
    }

    private void autoscalersAndBudgets() {
        Map<String, Integer> partitions = partitionsByTopic();
        Map<String, java.util.Set<String>> groups = Repository.consumerGroups();
        for (Map<String, Object> hpa : ofKind("HorizontalPodAutoscaler")) {
            Map<String, Object> target = map(map(hpa.get("spec")).get("scaleTargetRef"));
            Map<String, Object> deployment = "Deployment".equals(target.get("kind"))
                    ? deployment((String) target.get("name")) : null;
            if (deployment == null) {
                violations.add("HorizontalPodAutoscaler " + name(hpa) + " targets no existing Deployment: " + target);
                continue;
            }
            int max = ((Number) map(hpa.get("spec")).get("maxReplicas")).intValue();
            groups.forEach((topic, consumers) -> {
                Integer topicPartitions = partitions.get(topic);
                if (consumers.contains(name(deployment)) && topicPartitions != null && max > topicPartitions) {
                    violations.add("HorizontalPodAutoscaler " + name(hpa) + " scales to " + max
                            + " pods but " + topic + " has only " + topicPartitions + " partitions");
                }
            });
        }
        for (Map<String, Object> pdb : ofKind("PodDisruptionBudget")) {
            Map<String, Object> selector = map(map(map(pdb.get("spec")).get("selector")).get("matchLabels"));
            boolean matches = !selector.isEmpty() && ofKind("Deployment").stream()
                    .anyMatch(d -> selects(selector, podLabels(d)));
            if (!matches) {
                violations.add("PodDisruptionBudget " + name(pdb) + " selects no existing Deployment's pods");
            }
        }
    }

    private void topics() {
        Map<String, Integer> partitions = partitionsByTopic();
        List<String> required = new ArrayList<>(Repository.topics());
        required.addAll(Repository.deadLetterTopics());
        for (String topic : required) {
            Map<String, Object> kafkaTopic = kafkaTopic(topic);
            if (kafkaTopic == null) {
                violations.add("no KafkaTopic for " + topic);
                continue;
            }
            if (partitions.get(topic) < 3) {
                violations.add("KafkaTopic " + topic + " has " + partitions.get(topic) + " partitions, fewer than 3");
            }
            Map<String, Object> spec = map(kafkaTopic.get("spec"));
            if (production) {
                if (!Objects.equals(3, spec.get("replicas"))) {
                    violations.add("KafkaTopic " + topic + " has replicas " + spec.get("replicas") + ", not 3");
                }
                if (!"2".equals(String.valueOf(map(spec.get("config")).get("min.insync.replicas")))) {
                    violations.add("KafkaTopic " + topic + " has min.insync.replicas "
                            + map(spec.get("config")).get("min.insync.replicas") + ", not 2");
                }
            }
            String cluster = (String) labels(kafkaTopic).get("strimzi.io/cluster");
            if (ofKind("Kafka").stream().noneMatch(k -> name(k).equals(cluster))) {
                violations.add("KafkaTopic " + topic + " belongs to no Kafka cluster here: " + cluster);
            }
        }
    }

    private void kafka() {
        List<Map<String, Object>> clusters = ofKind("Kafka");
        if (clusters.size() != 1) {
            violations.add("expected one Kafka cluster, found " + clusters.size());
            return;
        }
        Map<String, Object> kafka = clusters.get(0);
        Map<String, Object> annotations = map(map(kafka.get("metadata")).get("annotations"));
        if (!"enabled".equals(annotations.get("strimzi.io/kraft"))
                || !"enabled".equals(annotations.get("strimzi.io/node-pools"))) {
            violations.add("Kafka " + name(kafka) + " does not run in KRaft mode with node pools");
        }
        if (production) {
            Map<String, Object> config = map(map(map(kafka.get("spec")).get("kafka")).get("config"));
            if (!"3".equals(String.valueOf(config.get("default.replication.factor")))
                    || !"2".equals(String.valueOf(config.get("min.insync.replicas")))) {
                violations.add("Kafka " + name(kafka) + " defaults are not replication 3, min.insync.replicas 2");
            }
            int nodes = ofKind("KafkaNodePool").stream()
                    .filter(pool -> list(map(pool.get("spec")).get("roles")).contains("broker"))
                    .mapToInt(pool -> ((Number) map(pool.get("spec")).get("replicas")).intValue()).sum();
            if (nodes < 3) {
                violations.add("Kafka " + name(kafka) + " has " + nodes + " brokers; replication 3 needs 3");
            }
        }
    }

    /**
     * Kafka admits only authenticated clients over TLS and enforces ACLs; every Deployment that talks to Kafka signs in
     * as a KafkaUser of its own, and every KafkaUser's ACLs are what asyncapi.yaml says its service publishes and
     * consumes (KafkaAccessRules): its own topics to write, only what it consumes to read, its own consumer group.
     */
    private void kafkaAccess() {
        List<Map<String, Object>> clusters = ofKind("Kafka");
        if (clusters.size() != 1) {
            return;
        }
        Map<String, Object> kafka = clusters.get(0);
        Map<String, Object> spec = map(map(kafka.get("spec")).get("kafka"));
        if (!"simple".equals(map(spec.get("authorization")).get("type"))) {
            violations.add("Kafka " + name(kafka) + " has no ACL authorization: every client could write every topic");
        }
        for (Object value : list(spec.get("listeners"))) {
            Map<String, Object> listener = map(value);
            Object authentication = map(listener.get("authentication")).get("type");
            if (!"scram-sha-512".equals(authentication) && !"tls".equals(authentication)) {
                violations.add("Kafka " + name(kafka) + " listener " + listener.get("name")
                        + " lets clients in without authentication");
            }
            if (!Boolean.TRUE.equals(listener.get("tls"))) {
                violations.add("Kafka " + name(kafka) + " listener " + listener.get("name") + " is not encrypted");
            }
        }
        Map<String, List<KafkaAccessRules.Grant>> granted = new java.util.TreeMap<>();
        for (Map<String, Object> user : ofKind("KafkaUser")) {
            Object authentication = map(map(user.get("spec")).get("authentication")).get("type");
            if (!"scram-sha-512".equals(authentication) && !"tls".equals(authentication)) {
                violations.add("KafkaUser " + name(user) + " has no authentication (scram-sha-512 or tls)");
            }
            if (!"simple".equals(map(map(user.get("spec")).get("authorization")).get("type"))) {
                violations.add("KafkaUser " + name(user) + " has no simple authorization with ACLs");
            }
            if (!name(kafka).equals(labels(user).get("strimzi.io/cluster"))) {
                violations.add("KafkaUser " + name(user) + " belongs to no Kafka cluster here");
            }
            granted.put(name(user), KafkaAccessRules.ofKafkaUser(user));
        }
        violations.addAll(KafkaAccessRules.check("KafkaUser", granted, Repository.kafkaAccess()));
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            Map<String, String> env = new HashMap<>();
            Map<String, String> secretOf = new HashMap<>();
            for (Object container : list(podSpec(deployment).get("containers"))) {
                for (Object entry : list(map(container).get("env"))) {
                    Map<String, Object> variable = map(entry);
                    env.put((String) variable.get("name"), String.valueOf(variable.get("value")));
                    Object secret = map(map(variable.get("valueFrom")).get("secretKeyRef")).get("name");
                    if (secret != null) {
                        secretOf.put((String) variable.get("name"), String.valueOf(secret));
                    }
                }
            }
            boolean client = "true".equals(podLabels(deployment).get("instroom.nl/kafka-client"))
                    || env.containsKey("KAFKA_BOOTSTRAP_SERVERS");
            if (!client) {
                continue;
            }
            String app = name(deployment);
            if (!granted.containsKey(app)) {
                violations.add("Deployment " + app + " is a Kafka client without a KafkaUser of its own");
            }
            boolean ownUser = "SASL_SSL".equals(env.get("KAFKA_SECURITY_PROTOCOL"))
                    && app.equals(env.get("KAFKA_USERNAME")) && app.equals(secretOf.get("KAFKA_PASSWORD"));
            if (!ownUser) {
                violations.add("Deployment " + app + " does not sign in to Kafka over SASL_SSL as KafkaUser " + app
                        + " with the password from its Secret");
            }
        }
    }

    private void mongo() {
        for (String app : Repository.APPS.keySet()) {
            Map<String, Object> replicaSet = ofKind("MongoDBCommunity").stream()
                    .filter(m -> name(m).equals("mongo-" + app)).findFirst().orElse(null);
            if (replicaSet == null) {
                violations.add("no MongoDB replica set mongo-" + app);
            } else if (production && ((Number) map(replicaSet.get("spec")).get("members")).intValue() < 3) {
                violations.add("MongoDB replica set mongo-" + app + " has fewer than 3 members");
            }
        }
    }

    private void secrets() {
        for (Map<String, Object> secret : ofKind("Secret")) {
            if (secret.containsKey("data") || secret.containsKey("stringData")) {
                violations.add("Secret " + name(secret) + " has inline data: secrets are created out of band");
            }
        }
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            for (Object value : list(podSpec(deployment).get("containers"))) {
                Map<String, Object> container = map(value);
                for (Object entry : list(container.get("env"))) {
                    Map<String, Object> env = map(entry);
                    String where = "Deployment " + name(deployment) + " env " + env.get("name");
                    Object literal = env.get("value");
                    boolean fromSecret = map(env.get("valueFrom")).containsKey("secretKeyRef");
                    if (SECRET_NAME.matcher((String) env.get("name")).matches() && !fromSecret) {
                        violations.add(where + " looks like a secret but does not come from a secretKeyRef");
                    }
                    if (literal != null && CREDENTIALS_IN_URI.matcher(String.valueOf(literal)).find()) {
                        violations.add(where + " has credentials in a literal value");
                    }
                    if ("MONGODB_URI".equals(env.get("name")) && !fromSecret) {
                        violations.add(where + " must come from the replica set's connection-string Secret");
                    }
                    if (String.valueOf(env.get("name")).endsWith("_FILE") && literal != null
                            && !onSecretVolume(deployment, container, String.valueOf(literal))) {
                        violations.add(where + " names a file that is not on a mounted Secret: " + literal);
                    }
                }
            }
        }
        Repository.MASTER_KEY_FILES.forEach((app, variable) -> {
            Map<String, Object> deployment = deployment(app);
            if (deployment != null && list(podSpec(deployment).get("containers")).stream()
                    .map(c -> list(map(c).get("env"))).flatMap(List::stream)
                    .noneMatch(e -> variable.equals(map(e).get("name")))) {
                violations.add("Deployment " + app + " has no " + variable + ": it does not start without its "
                        + "master keys");
            }
        });
    }

    /** Whether the path lies under a mount of a volume made from a Secret. */
    private boolean onSecretVolume(Map<String, Object> deployment, Map<String, Object> container, String path) {
        for (Object value : list(container.get("volumeMounts"))) {
            Map<String, Object> mount = map(value);
            String mountPath = String.valueOf(mount.get("mountPath"));
            if (path.startsWith(mountPath.endsWith("/") ? mountPath : mountPath + "/")) {
                return list(podSpec(deployment).get("volumes")).stream().map(v -> map(v))
                        .anyMatch(volume -> Objects.equals(volume.get("name"), mount.get("name"))
                                && volume.containsKey("secret"));
            }
        }
        return false;
    }

    private void networkPolicies() {
        for (String app : Repository.APPS.keySet()) {
            Map<String, Object> deployment = deployment(app);
            if (deployment == null) {
                continue;
            }
            Map<String, Object> pod = podLabels(deployment);
            Map<String, Boolean> reached = new HashMap<>();
            List<Map<String, Object>> egressPolicies = egressPoliciesOf(pod);
            boolean egressIsolated = !egressPolicies.isEmpty();
            for (Map<String, Object> policy : egressPolicies) {
                Map<String, Object> spec = map(policy.get("spec"));
                for (Object value : list(spec.get("egress"))) {
                    Map<String, Object> rule = map(value);
                    String where = "NetworkPolicy " + name(policy) + " lets " + app;
                    if (list(rule.get("to")).isEmpty()) {
                        violations.add(where + " reach anything");
                        continue;
                    }
                    for (Object peer : list(rule.get("to"))) {
                        String destination = destination(app, map(peer));
                        if (destination == null) {
                            violations.add(where + " reach " + peer + ", which is not Kafka, its own MongoDB, "
                                    + "the identity server or DNS");
                        } else {
                            reached.put(destination, true);
                        }
                        if ("kafka".equals(destination)) {
                            List<Object> ports = list(rule.get("ports")).stream()
                                    .map(port -> map(port).get("port")).toList();
                            if (!kafkaListenerPorts().containsAll(ports) || ports.isEmpty()) {
                                violations.add(where + " reach Kafka on " + ports + ", not on its listener's port "
                                        + kafkaListenerPorts());
                            }
                        }
                    }
                }
            }
            if (!egressIsolated) {
                violations.add("no NetworkPolicy limits where " + app + " may connect to");
                continue;
            }
            List<String> needed = new ArrayList<>(List.of("kafka", "mongo", "dns"));
            if (!"identity".equals(app)) {
                needed.add("identity");
            }
            for (String destination : needed) {
                if (!reached.containsKey(destination)) {
                    violations.add("NetworkPolicies do not let " + app + " reach " + destination);
                }
            }
        }
    }

    /** The ports of the Kafka cluster's listeners: the only ones a client may reach the brokers on. */
    private List<Object> kafkaListenerPorts() {
        return ofKind("Kafka").stream()
                .flatMap(kafka -> list(map(map(kafka.get("spec")).get("kafka")).get("listeners")).stream())
                .map(listener -> map(listener).get("port")).toList();
    }

    /** Which allowed destination a policy peer is, or null when it is none of them. */
    private static String destination(String app, Map<String, Object> peer) {
        Map<String, Object> pods = map(map(peer.get("podSelector")).get("matchLabels"));
        Map<String, Object> namespaces = map(map(peer.get("namespaceSelector")).get("matchLabels"));
        if (peer.containsKey("ipBlock") || pods.isEmpty()) {
            return null;
        }
        if (peer.containsKey("namespaceSelector")) {
            boolean dns = "kube-system".equals(namespaces.get("kubernetes.io/metadata.name"))
                    && Map.of("k8s-app", "kube-dns").equals(pods);
            return dns ? "dns" : null;
        }
        if ("instroom".equals(pods.get("strimzi.io/cluster")) && "true".equals(pods.get("strimzi.io/broker-role"))
                && pods.size() == 2) {
            return "kafka";
        }
        if (Map.of("app", "mongo-" + app + "-svc").equals(pods)) {
            return "mongo";
        }
        if (!"identity".equals(app) && Map.of("app.kubernetes.io/name", "identity").equals(pods)) {
            return "identity";
        }
        return null;
    }

    private Map<String, Integer> partitionsByTopic() {
        Map<String, Integer> partitions = new HashMap<>();
        for (Map<String, Object> topic : ofKind("KafkaTopic")) {
            Object count = map(topic.get("spec")).get("partitions");
            partitions.put(topicName(topic), count == null ? 0 : ((Number) count).intValue());
        }
        return partitions;
    }

    private Map<String, Object> kafkaTopic(String topic) {
        return ofKind("KafkaTopic").stream().filter(t -> topic.equals(topicName(t))).findFirst().orElse(null);
    }

    private static String topicName(Map<String, Object> kafkaTopic) {
        Object topicName = map(kafkaTopic.get("spec")).get("topicName");
        return topicName != null ? (String) topicName : name(kafkaTopic);
    }

    /** The NetworkPolicies that select these pods and limit where they may connect to. */
    private List<Map<String, Object>> egressPoliciesOf(Map<String, Object> pod) {
        return ofKind("NetworkPolicy").stream().filter(policy -> {
            Map<String, Object> spec = map(policy.get("spec"));
            return selects(map(map(spec.get("podSelector")).get("matchLabels")), pod)
                    && list(spec.get("policyTypes")).contains("Egress");
        }).toList();
    }

    private Map<String, Object> deployment(String name) {
        return ofKind("Deployment").stream().filter(d -> name.equals(name(d))).findFirst().orElse(null);
    }

    private List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return selector.entrySet().stream().allMatch(e -> Objects.equals(e.getValue(), labels.get(e.getKey())));
    }

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return map(map(map(deployment.get("spec")).get("template")).get("spec"));
    }

    private static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return map(map(map(map(deployment.get("spec")).get("template")).get("metadata")).get("labels"));
    }

    private static Map<String, Object> labels(Map<String, Object> object) {
        return map(map(object.get("metadata")).get("labels"));
    }

    static String name(Map<String, Object> object) {
        return (String) map(object.get("metadata")).get("name");
    }

    static Set<String> kinds(List<Map<String, Object>> objects) {
        return new java.util.TreeSet<>(objects.stream().map(o -> (String) o.get("kind")).toList());
    }
}
