package nl.instroom.deployment;

import static nl.instroom.deployment.Repository.list;
import static nl.instroom.deployment.Repository.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules docker-compose.yml keeps (docs/operations.md); {@link #check} returns every violation. */
final class ComposeRules {

    private ComposeRules() {
    }

    static List<String> check(Map<String, Object> compose, Set<String> documentedVariables,
            Map<String, List<KafkaAccessRules.Grant>> acls) {
        List<String> violations = new ArrayList<>();
        Map<String, Object> services = map(compose.get("services"));
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Map<String, Object> service = map(entry.getValue());
            if (service.get("mem_limit") == null) {
                violations.add("service " + entry.getKey() + " has no mem_limit");
            }
            if (service.get("healthcheck") == null && !oneShot(entry.getKey(), services)) {
                violations.add("service " + entry.getKey() + " has no healthcheck");
            }
        }
        for (String app : Repository.APPS.keySet()) {
            Map<String, Object> service = map(services.get(app));
            if (service.isEmpty()) {
                violations.add("no service " + app);
                continue;
            }
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            List<String> needed = new ArrayList<>(List.of("kafka", "mongo-" + app));
            if (!"identity".equals(app)) {
                needed.add("identity");
            }
            for (String dependency : needed) {
                if (!"service_healthy".equals(map(dependsOn.get(dependency)).get("condition"))) {
                    violations.add("service " + app + " does not wait for " + dependency + " to be healthy");
                }
            }
            dependsOn.forEach((dependency, value) -> {
                Object condition = map(value).get("condition");
                boolean allowed = "service_healthy".equals(condition)
                        || "service_completed_successfully".equals(condition) && oneShot(dependency, services);
                if (!allowed) {
                    violations.add("service " + app + " depends on " + dependency + " with condition " + condition);
                }
            });
            Map<String, Object> mongo = map(services.get("mongo-" + app));
            if (mongo.isEmpty() || !list(mongo.get("command")).contains("--replSet")) {
                violations.add("no MongoDB replica set (mongo-" + app + " started with --replSet) for " + app);
            }
            Map<String, Object> environment = map(service.get("environment"));
            String uri = String.valueOf(environment.get("MONGODB_URI"));
            if (!uri.startsWith("mongodb://mongo-" + app + ":") || !uri.contains("replicaSet=")) {
                violations.add("service " + app + " does not use its own replica set: MONGODB_URI=" + uri);
            }
            for (String variable : environment.keySet()) {
                if (!documentedVariables.contains(variable)) {
                    violations.add("service " + app + " sets " + variable + ", which no service reads (not in "
                            + "docs/configuration.md)");
                }
                String value = String.valueOf(environment.get(variable));
                if (variable.endsWith("_FILE") && !onSecret(service, value)) {
                    violations.add("service " + app + " reads " + variable + "=" + value
                            + ", which is not one of its secrets");
                }
            }
        }
        Repository.MASTER_KEY_FILES.forEach((app, variable) -> {
            if (!map(map(services.get(app)).get("environment")).containsKey(variable)) {
                violations.add("service " + app + " has no " + variable + ": it does not start without its "
                        + "master keys");
            }
        });
        portal(services, documentedVariables, violations);
        kafka(services, acls, violations);
        return violations;
    }

    /**
     * Kafka: only SASL_SSL beyond the broker's own loopback, ACLs enforced with nothing allowed by default, every
     * service signing in as its own user after the users and the ACLs of deploy/kafka/acls.txt exist, and that list
     * exactly what asyncapi.yaml says each service publishes and consumes (KafkaAccessRules).
     */
    private static void kafka(Map<String, Object> services, Map<String, List<KafkaAccessRules.Grant>> acls,
            List<String> violations) {
        Map<String, Object> environment = map(map(services.get("kafka")).get("environment"));
        Map<String, String> protocols = new java.util.HashMap<>();
        for (String entry : String.valueOf(environment.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).split(",")) {
            String[] pair = entry.split(":");
            protocols.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        for (String listener : String.valueOf(environment.get("KAFKA_LISTENERS")).split(",")) {
            String name = listener.substring(0, Math.max(listener.indexOf("://"), 0));
            String host = listener.substring(listener.indexOf("://") + 3, listener.lastIndexOf(':'));
            String protocol = protocols.getOrDefault(name, name);
            boolean loopback = host.equals("127.0.0.1") || host.equals("localhost");
            if (!protocol.equals("SASL_SSL") && !loopback) {
                violations.add("service kafka listener " + name + " speaks " + protocol + " beyond its own loopback");
            }
        }
        if (!String.valueOf(environment.get("KAFKA_AUTHORIZER_CLASS_NAME")).endsWith("StandardAuthorizer")
                || "true".equals(String.valueOf(environment.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")))) {
            violations.add("service kafka does not enforce ACLs (StandardAuthorizer, nothing allowed without an ACL)");
        }
        if (!list(map(services.get("kafka-access")).get("volumes")).stream()
                .anyMatch(volume -> String.valueOf(volume).startsWith("./deploy/kafka/acls.txt:"))) {
            violations.add("service kafka-access does not create the ACLs of deploy/kafka/acls.txt");
        }
        for (String app : Repository.APPS.keySet()) {
            Map<String, Object> service = map(services.get(app));
            Map<String, Object> env = map(service.get("environment"));
            boolean ownUser = "SASL_SSL".equals(env.get("KAFKA_SECURITY_PROTOCOL"))
                    && app.equals(env.get("KAFKA_USERNAME")) && env.get("KAFKA_PASSWORD") != null;
            if (!service.isEmpty() && !ownUser) {
                violations.add("service " + app + " does not sign in to Kafka over SASL_SSL as its own user " + app);
            }
            if (!service.isEmpty() && !"service_completed_successfully".equals(
                    map(map(service.get("depends_on")).get("kafka-access")).get("condition"))) {
                violations.add("service " + app + " does not wait for its Kafka user and ACLs (kafka-access)");
            }
        }
        violations.addAll(KafkaAccessRules.check("deploy/kafka/acls.txt user", acls, Repository.kafkaAccess()));
    }

    /** Whether the path is the file of one of the service's secrets ({@code /run/secrets/<name>}). */
    private static boolean onSecret(Map<String, Object> service, String path) {
        return list(service.get("secrets")).stream().map(String::valueOf)
                .anyMatch(secret -> path.equals("/run/secrets/" + secret));
    }

    /** The portal: people's way in. It starts after the identity server and the four services, and has no store. */
    private static void portal(Map<String, Object> services, Set<String> documentedVariables,
            List<String> violations) {
        Map<String, Object> portal = map(services.get("portal"));
        if (portal.isEmpty()) {
            violations.add("no service portal");
            return;
        }
        Map<String, Object> dependsOn = map(portal.get("depends_on"));
        for (String app : Repository.APPS.keySet()) {
            if (!"service_healthy".equals(map(dependsOn.get(app)).get("condition"))) {
                violations.add("service portal does not wait for " + app + " to be healthy");
            }
        }
        for (String variable : map(portal.get("environment")).keySet()) {
            if (!documentedVariables.contains(variable)) {
                violations.add("service portal sets " + variable + ", which it does not read (not in "
                        + "docs/configuration.md)");
            }
        }
    }

    /** A job that runs once: restart "no" and something waits for it to complete successfully. */
    private static boolean oneShot(String name, Map<String, Object> services) {
        boolean awaited = services.values().stream().anyMatch(other -> "service_completed_successfully"
                .equals(map(map(map(other).get("depends_on")).get(name)).get("condition")));
        return awaited && "no".equals(map(services.get(name)).get("restart"));
    }
}
