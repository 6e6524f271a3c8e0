package nl.instroom.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Renders every overlay with {@code kubectl kustomize} and holds it to the deployment rules — Kafka's users and ACLs
 * included; then breaks a copy (a temporary kustomization over the dev overlay with one patch) to show each kind of
 * rule fails when broken.
 */
class KubernetesOverlaysIT {

    private static final Path K8S = Repository.root().resolve("k8s");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void every_overlay_keeps_the_deployment_rules(String overlay) {
        List<Map<String, Object>> objects = Kustomize.render(K8S.resolve("overlays").resolve(overlay));

        assertThat(DeploymentRules.kinds(objects)).contains("Deployment", "Service", "HorizontalPodAutoscaler",
                "PodDisruptionBudget", "NetworkPolicy", "Kafka", "KafkaNodePool", "KafkaTopic", "MongoDBCommunity");
        assertThat(DeploymentRules.check(objects, "prod".equals(overlay))).isEmpty();
    }

    @Test
    void the_dev_overlay_would_not_pass_as_production() {
        List<Map<String, Object>> dev = Kustomize.render(K8S.resolve("overlays/dev"));

        assertThat(DeploymentRules.check(dev, true))
                .contains("KafkaTopic needmap.need.v2 has replicas 1, not 3",
                        "KafkaTopic needmap.need.v2 has min.insync.replicas 1, not 2",
                        "MongoDB replica set mongo-stay-interviews has fewer than 3 members");
    }

    @Test
    void a_deployment_without_probes_fails() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: Deployment, name: tutoring}
                  patch: |-
                    - {op: remove, path: /spec/template/spec/containers/0/livenessProbe}
                    - {op: remove, path: /spec/template/spec/containers/0/resources/limits}
                """);

        assertThat(violations).containsExactlyInAnyOrder(
                "Deployment tutoring container tutoring has no livenessProbe",
                "Deployment tutoring container tutoring has no cpu limits",
                "Deployment tutoring container tutoring has no memory limits");
    }

    @Test
    void an_identity_server_scaled_out_or_with_keys_in_memory_fails() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: Deployment, name: identity}
                  patch: |-
                    - {op: replace, path: /spec/replicas, value: 2}
                    - {op: remove, path: /spec/template/spec/containers/0/env/12}
                """, """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: identity}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: identity}
                  minReplicas: 1
                  maxReplicas: 3
                  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
                """);

        assertThat(violations).containsExactlyInAnyOrder(
                "Deployment identity has 2 replicas; its sign-in state is in memory, so it runs as one pod",
                "HorizontalPodAutoscaler identity scales identity, which runs as one pod",
                "Deployment identity has no INSTROOM_IDENTITY_SIGNING_KEYS_FILE: its signing keys would change "
                        + "with every restart");
    }

    @Test
    void a_portal_that_reaches_a_store_or_is_not_let_into_a_service_fails() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: NetworkPolicy, name: portal}
                  patch: |-
                    - {op: replace, path: /spec/egress/1/to/0/podSelector/matchLabels, value: {app: mongo-need-mapping-svc}}
                - target: {kind: NetworkPolicy, name: scouting}
                  patch: |-
                    - {op: remove, path: /spec/ingress/0/from/1}
                """);

        assertThat(violations).containsExactlyInAnyOrder(
                "NetworkPolicy portal lets portal reach {podSelector={matchLabels={app=mongo-need-mapping-svc}}}, "
                        + "which is not the identity server, a service or DNS",
                "NetworkPolicies do not let portal reach need-mapping",
                "NetworkPolicies of scouting do not let the portal in");
    }

    @Test
    void egress_beyond_kafka_own_mongo_identity_and_dns_fails() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: NetworkPolicy, name: stay-interviews}
                  patch: |-
                    - op: add
                      path: /spec/egress/-
                      value: {to: [{podSelector: {matchLabels: {app: mongo-tutoring-svc}}}]}
                    - op: add
                      path: /spec/egress/-
                      value: {ports: [{port: 443}]}
                """);

        assertThat(violations).hasSize(2).allMatch(v -> v.startsWith("NetworkPolicy stay-interviews lets stay-interviews reach"));
    }

    @Test
    void a_missing_topic_an_inline_secret_and_a_literal_password_fail() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: KafkaTopic, name: privacy.erasure-answers.v1.identity.dlq}
                  patch: |-
                    $patch: delete
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaTopic
                    metadata: {name: privacy.erasure-answers.v1.identity.dlq}
                - target: {kind: Deployment, name: scouting}
                  patch: |-
                    - op: add
                      path: /spec/template/spec/containers/0/env/-
                      value: {name: MONGODB_PASSWORD, value: hunter2}
                - target: {kind: HorizontalPodAutoscaler, name: scouting}
                  patch: |-
                    - {op: replace, path: /spec/scaleTargetRef/name, value: scout}
                """, """
                apiVersion: v1
                kind: Secret
                metadata: {name: leaked}
                stringData: {password: hunter2}
                """);

        assertThat(violations).containsExactlyInAnyOrder(
                "no KafkaTopic for privacy.erasure-answers.v1.identity.dlq",
                "Deployment scouting env MONGODB_PASSWORD looks like a secret but does not come from a secretKeyRef",
                "HorizontalPodAutoscaler scouting targets no existing Deployment: {apiVersion=apps/v1, "
                        + "kind=Deployment, name=scout}",
                "Secret leaked has inline data: secrets are created out of band");
    }

    @Test
    void every_service_has_a_kafka_user_that_may_write_only_its_own_topics() {
        List<Map<String, Object>> prod = Kustomize.render(K8S.resolve("overlays/prod"));
        List<String> erasureRequestWriters = prod.stream().filter(o -> "KafkaUser".equals(o.get("kind")))
                .filter(user -> KafkaAccessRules.ofKafkaUser(user).stream().anyMatch(grant ->
                        "privacy.erasure-requests.v1".equals(grant.name())
                                && List.of("Write", "All").contains(grant.operation())))
                .map(DeploymentRules::name).toList();

        assertThat(prod.stream().filter(o -> "KafkaUser".equals(o.get("kind"))).map(DeploymentRules::name))
                .containsExactlyInAnyOrderElementsOf(Repository.APPS.keySet());
        assertThat(erasureRequestWriters).containsExactly("identity");
    }

    @Test
    void a_service_without_a_kafka_user_or_with_a_write_acl_on_a_topic_it_does_not_own_fails() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: KafkaUser, name: scouting}
                  patch: |-
                    $patch: delete
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaUser
                    metadata: {name: scouting}
                - target: {kind: KafkaUser, name: stay-interviews}
                  patch: |-
                    - op: add
                      path: /spec/authorization/acls/-
                      value: {resource: {type: topic, name: privacy.erasure-requests.v1, patternType: literal}, operations: [Write]}
                - target: {kind: KafkaUser, name: tutoring}
                  patch: |-
                    - {op: remove, path: /spec/authorization/acls/11}
                - target: {kind: KafkaUser, name: need-mapping}
                  patch: |-
                    - op: add
                      path: /spec/authorization/acls/-
                      value: {resource: {type: topic, name: needmap., patternType: prefix}, operations: [Read]}
                    - op: add
                      path: /spec/authorization/acls/-
                      value: {resource: {type: topic, name: stay.signals.v1.scouting.dlq}, operations: [Read]}
                - target: {kind: NetworkPolicy, name: tutoring}
                  patch: |-
                    - {op: replace, path: /spec/egress/0/ports/0/port, value: 9092}
                """);

        assertThat(violations).containsExactlyInAnyOrder(
                "no KafkaUser for scouting",
                "Deployment scouting is a Kafka client without a KafkaUser of its own",
                "KafkaUser stay-interviews may write topic privacy.erasure-requests.v1, which it does not own",
                "KafkaUser tutoring cannot read its consumer group tutoring",
                "KafkaUser need-mapping has a prefix ACL on topic needmap.: every ACL names one topic or group",
                "KafkaUser need-mapping may read topic stay.signals.v1.scouting.dlq, which it does not consume",
                "NetworkPolicy tutoring lets tutoring reach Kafka on [9092], not on its listener's port [9093]");
    }

    @Test
    void a_kafka_without_authentication_or_acls_or_a_service_signing_in_as_another_fails() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: Kafka}
                  patch: |-
                    - {op: remove, path: /spec/kafka/authorization}
                    - op: add
                      path: /spec/kafka/listeners/-
                      value: {name: plain, port: 9092, type: internal, tls: false}
                - target: {kind: Deployment, name: identity}
                  patch: |-
                    - {op: replace, path: /spec/template/spec/containers/0/env/3/value, value: need-mapping}
                """);

        assertThat(violations).containsExactlyInAnyOrder(
                "Kafka instroom has no ACL authorization: every client could write every topic",
                "Kafka instroom listener plain lets clients in without authentication",
                "Kafka instroom listener plain is not encrypted",
                "Deployment identity does not sign in to Kafka over SASL_SSL as KafkaUser identity with the "
                        + "password from its Secret");
    }

    @Test
    void a_master_key_not_from_a_mounted_secret_fails() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: Deployment, name: stay-interviews}
                  patch: |-
                    - op: replace
                      path: /spec/template/spec/volumes/2
                      value: {name: master-keys, emptyDir: {}}
                - target: {kind: Deployment, name: identity}
                  patch: |-
                    - op: add
                      path: /spec/template/spec/containers/0/env/-
                      value: {name: INSTROOM_IDENTITY_EXTRA_FILE, value: /tmp/keys.json}
                """);

        assertThat(violations).containsExactlyInAnyOrder(
                "Deployment stay-interviews env STAY_MASTER_KEY_FILE names a file that is not on a mounted Secret: "
                        + "/etc/instroom/stay-master-keys/master-keys",
                "Deployment identity env INSTROOM_IDENTITY_EXTRA_FILE names a file that is not on a mounted Secret: "
                        + "/tmp/keys.json");
    }

    @Test
    void a_service_that_seals_without_its_master_keys_fails() throws IOException {
        List<String> violations = brokenDev("""
                - target: {kind: Deployment, name: stay-interviews}
                  patch: |-
                    - op: remove
                      path: /spec/template/spec/containers/0/env/11
                - target: {kind: Deployment, name: mentoring}
                  patch: |-
                    - op: remove
                      path: /spec/template/spec/containers/0/env/11
                """);

        assertThat(violations).contains("Deployment stay-interviews has no STAY_MASTER_KEY_FILE: it does not start "
                + "without its master keys", "Deployment mentoring has no MENTORING_MASTER_KEY_FILE: it does not "
                + "start without its master keys");
    }

    /** The dev overlay with the given patches (and extra objects), rendered and checked. */
    private static List<String> brokenDev(String patches, String... extraObjects) throws IOException {
        Path dir = Files.createTempDirectory(Repository.root().resolve("platform/deployment/target"), "broken-");
        StringBuilder kustomization = new StringBuilder("resources:\n  - ")
                .append(dir.relativize(K8S.resolve("overlays/dev"))).append('\n');
        for (int i = 0; i < extraObjects.length; i++) {
            Files.writeString(dir.resolve("extra-" + i + ".yaml"), extraObjects[i]);
            kustomization.append("  - extra-").append(i).append(".yaml\n");
        }
        kustomization.append("patches:\n").append(patches.indent(2));
        Files.writeString(dir.resolve("kustomization.yaml"), kustomization);
        return DeploymentRules.check(Kustomize.render(dir), false);
    }
}
