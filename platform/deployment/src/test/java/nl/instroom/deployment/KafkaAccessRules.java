package nl.instroom.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kafka ACL rules, the same for Strimzi KafkaUsers and for docker-compose's deploy/kafka/acls.txt: each service
 * is a user of its own that may write only its own topics (what it publishes, and its dead letters), read only what
 * it consumes, and only its own consumer group — and must be able to do all of that. Only identity publishes
 * erasure requests, so only identity may write them. Every ACL names one topic or group: a prefix or wildcard
 * could grant tomorrow's topics.
 */
final class KafkaAccessRules {

    /** What one service needs: topics to write, topics to read, consumer groups to read. */
    record Access(Set<String> writes, Set<String> reads, Set<String> groups) {
    }

    /** One ACL as granted: resource type (topic, group, cluster, …), name, pattern type, operation. */
    record Grant(String resourceType, String name, String patternType, String operation) {
    }

    private KafkaAccessRules() {
    }

    /**
     * @param kind how the violations name a user: "KafkaUser" or "deploy/kafka/acls.txt user"
     * @param granted every user's ACLs
     */
    static List<String> check(String kind, Map<String, List<Grant>> granted, Map<String, Access> expected) {
        List<String> violations = new ArrayList<>();
        expected.keySet().stream().filter(service -> !granted.containsKey(service))
                .forEach(service -> violations.add("no " + kind + " for " + service));
        granted.forEach((user, grants) -> {
            String who = kind + " " + user;
            Access access = expected.get(user);
            if (access == null) {
                violations.add(who + " is no service of asyncapi.yaml, yet has ACLs");
                return;
            }
            for (Grant grant : grants) {
                String what = grant.resourceType() + " " + grant.name();
                if (!"literal".equalsIgnoreCase(grant.patternType()) || grant.name().contains("*")) {
                    violations.add(who + " has a " + grant.patternType() + " ACL on " + what
                            + ": every ACL names one topic or group");
                    continue;
                }
                String operation = grant.operation().toLowerCase(java.util.Locale.ROOT);
                switch (grant.resourceType().toLowerCase(java.util.Locale.ROOT)) {
                    case "topic" -> {
                        boolean writes = operation.equals("write") || operation.equals("all");
                        boolean reads = operation.equals("read") || operation.equals("all");
                        if (writes && !access.writes().contains(grant.name())) {
                            violations.add(who + " may write " + what + ", which it does not own");
                        }
                        if (reads && !access.reads().contains(grant.name())) {
                            violations.add(who + " may read " + what + ", which it does not consume");
                        }
                        boolean describes = operation.equals("describe") && (access.writes().contains(grant.name())
                                || access.reads().contains(grant.name()));
                        if (!writes && !reads && !describes) {
                            violations.add(who + " may " + operation + " " + what + ", which no service needs");
                        }
                    }
                    case "group" -> {
                        if (!access.groups().contains(grant.name())) {
                            violations.add(who + " may " + operation + " " + what + ", which is not its own");
                        } else if (!operation.equals("read") && !operation.equals("describe")) {
                            violations.add(who + " may " + operation + " " + what + ", which no service needs");
                        }
                    }
                    default -> violations.add(who + " may " + operation + " " + what + ", which no service needs");
                }
            }
            for (String topic : access.writes()) {
                if (!allows(grants, "topic", topic, "write")) {
                    violations.add(who + " cannot write topic " + topic);
                }
            }
            for (String topic : access.reads()) {
                if (!allows(grants, "topic", topic, "read")) {
                    violations.add(who + " cannot read topic " + topic + ", which it consumes");
                }
            }
            for (String group : access.groups()) {
                if (!allows(grants, "group", group, "read")) {
                    violations.add(who + " cannot read its consumer group " + group);
                }
            }
        });
        return violations;
    }

    private static boolean allows(List<Grant> grants, String type, String name, String operation) {
        return grants.stream().anyMatch(grant -> type.equalsIgnoreCase(grant.resourceType())
                && name.equals(grant.name()) && "literal".equalsIgnoreCase(grant.patternType())
                && (operation.equalsIgnoreCase(grant.operation()) || "all".equalsIgnoreCase(grant.operation())));
    }

    /** The ACLs of a Strimzi KafkaUser ({@code spec.authorization.acls}). */
    static List<Grant> ofKafkaUser(Map<String, Object> kafkaUser) {
        List<Grant> grants = new ArrayList<>();
        Map<String, Object> authorization = Repository.map(Repository.map(kafkaUser.get("spec")).get("authorization"));
        for (Object value : Repository.list(authorization.get("acls"))) {
            Map<String, Object> acl = Repository.map(value);
            Map<String, Object> resource = Repository.map(acl.get("resource"));
            List<Object> operations = new ArrayList<>(Repository.list(acl.get("operations")));
            if (acl.get("operation") != null) {
                operations.add(acl.get("operation"));
            }
            Object pattern = resource.get("patternType");
            for (Object operation : operations) {
                grants.add(new Grant(String.valueOf(resource.get("type")), String.valueOf(resource.get("name")),
                        pattern == null ? "literal" : String.valueOf(pattern), String.valueOf(operation)));
            }
        }
        return grants;
    }

    /** deploy/kafka/acls.txt: {@code <user> <operation> <resource-type> <name>} per line, # for comments. */
    static Map<String, List<Grant>> ofAclList(String text) {
        Map<String, List<Grant>> grants = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            if (fields.length != 4) {
                throw new AssertionError("deploy/kafka/acls.txt: not <user> <operation> <resource-type> <name>: "
                        + line);
            }
            grants.computeIfAbsent(fields[0], user -> new ArrayList<>())
                    .add(new Grant(fields[2], fields[3], "literal", fields[1]));
        }
        return grants;
    }

    static Map<String, List<Grant>> aclList() {
        try {
            return ofAclList(Files.readString(Repository.root().resolve(Path.of("deploy", "kafka", "acls.txt"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
