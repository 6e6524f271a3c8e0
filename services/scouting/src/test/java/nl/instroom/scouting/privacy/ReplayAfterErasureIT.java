package nl.instroom.scouting.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import nl.instroom.events.Sector;
import nl.instroom.events.Topics;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.scouting.ScoutingApplication;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18's acceptance for scouting, the service whose projections keep other services' people: a tutor (from a
 * completed placement), a staff member (from a shared growth ambition) and an external talent are erased; then the
 * projections are rebuilt as docs/operations.md says — an empty database, the projection bindings in a new consumer
 * group reading their topics from the beginning, the erasure consumer left where it was — and none of the three is
 * in any collection of either store, nor in any record a topic other than the requests topic received from the
 * erasure on, and the name in a rationale was never on any topic; a person not erased comes back, so the replay did
 * happen.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=scouting-replay")
class ReplayAfterErasureIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHOOL = "26AA00";
    private static final List<String> PROJECTION_BINDINGS = List.of("placementEvents", "staySignals",
            "schoolEvents", "needEvents");
    private static final List<String> PROJECTION_TOPICS = List.of(Topics.PLACEMENTS, Topics.STAY_SIGNALS,
            Topics.SCHOOLS, Topics.NEED);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void nobodyErasedIsAnywhereAfterTheProjectionsAreRebuiltFromTheBeginning(TestInfrastructure infrastructure)
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tutor = "tutor-erased-" + run;
        String keptTutor = "tutor-kept-" + run;
        String staff = SCHOOL + ":staff-erased-" + run;
        String external = "ext-erased-" + run;
        String rationaleName = "Maartje-" + run;
        List<String> erased = List.of(tutor, staff, external, rationaleName);
        RestClient scout = ApiClient.as(TestTokens.instance().scout(), port);

        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure);
                EventProducer tutoring = EventProducer.as("tutoring", infrastructure);
                EventProducer stay = EventProducer.as("stay-interviews", infrastructure)) {
            needMapping.publish(new SchoolRegistered(SCHOOL, "Thorbecke", Sector.VO, "ZWOLLE", "GM0193", "8012AA",
                    52.5, 6.1, 900, TestTokens.REGION, 1));
            tutoring.publish(new PlacementCompleted("p-" + tutor, tutor, SCHOOL, "wiskunde", LocalDate.now(), 4, 5,
                    3));
            tutoring.publish(new PlacementCompleted("p-" + keptTutor, keptTutor, SCHOOL, "wiskunde",
                    LocalDate.now(), 4, 5, 3));
            stay.publish(new GrowthAmbitionShared(SCHOOL, staff, "MENTOR", LocalDate.now()));
        }
        await().untilAsserted(() -> assertThat(refsIn(inbox(scout))).contains(tutor, keptTutor, staff));
        TopicProbe talents = TopicProbe.on(infrastructure, Topics.TALENT);
        String tutorSuggestion = inbox(scout).stream().filter(s -> tutor.equals(s.get("personRef").asString()))
                .findFirst().orElseThrow().get("id").asString();
        assertThat(post(scout, "/api/suggestions/" + tutorSuggestion + "/accept", "{}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(post(scout, "/api/talents", """
                {"personKind":"EXTERNAL","personRef":"%s","kind":"ROLE_MODEL","rationale":"%s gaf een gastles",
                 "nextStepOn":"%s"}""".formatted(external, rationaleName, LocalDate.now().plusDays(3)))
                .getStatusCode().value()).isEqualTo(201);
        // Both flags have left the outbox: what the topics received before the erasure is not this test's business.
        talents.awaitRecord(record -> text(record).contains(tutor));
        talents.awaitRecord(record -> text(record).contains(external));
        talents.close();

        Map<TopicPartition, Long> beforeErasure = endOffsets(infrastructure, Topics.ALL);
        List<String> requests = new ArrayList<>();
        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe answers = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            for (SubjectErasureRequested request : List.of(
                    new SubjectErasureRequested(UUID.randomUUID().toString(), SubjectKind.TUTOR, tutor),
                    new SubjectErasureRequested(UUID.randomUUID().toString(), SubjectKind.STAFF, staff),
                    new SubjectErasureRequested(UUID.randomUUID().toString(), SubjectKind.EXTERNAL, external))) {
                identity.publish(request);
                requests.add(request.requestId());
            }
            for (String requestId : requests) {
                answers.awaitRecord(record -> text(record).contains(requestId)
                        && text(record).contains("\"service\":\"scouting\""));
            }
        }
        assertThat(mentions(mongo, erased)).as("the live store after the erasure").isEmpty();

        String group = "scouting-rebuild-" + run;
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.mongodb.database=scouting-rebuilt-" + run));
        PROJECTION_BINDINGS.forEach(binding -> arguments.add("--spring.cloud.stream.bindings." + binding
                + "-in-0.group=" + group));
        try (ConfigurableApplicationContext rebuilt = new SpringApplicationBuilder(ScoutingApplication.class)
                .run(arguments.toArray(String[]::new))) {
            MongoTemplate store = rebuilt.getBean(MongoTemplate.class);
            await("the new group has read every projection topic to its end").atMost(Duration.ofSeconds(90))
                    .until(() -> caughtUp(infrastructure, group));
            assertThat(store.findAll(Document.class, "suggestions")).as("the replay happened")
                    .anyMatch(document -> keptTutor.equals(document.getString("personRef")));
            MeterRegistry meters = rebuilt.getBean(MeterRegistry.class);
            assertThat(skippedAsErased(meters, "placementEvents")).isPositive();
            assertThat(skippedAsErased(meters, "staySignals")).isPositive();
            assertThat(mentions(store, erased)).as("the rebuilt store").isEmpty();
        }
        assertThat(mentions(mongo, erased)).as("the live store after the rebuild").isEmpty();
        // The requests themselves name the people: that topic is the durable record the ledger is rebuilt from
        // (docs/security.md, "Personal references on Kafka and replay"); every other topic must not.
        assertThat(readableSince(infrastructure, beforeErasure)).as("records published from the erasure on")
                .filteredOn(payload -> !payload.startsWith(Topics.ERASURE_REQUESTS + " "))
                .noneMatch(payload -> erased.stream().anyMatch(payload::contains));
        assertThat(readableSince(infrastructure, Map.of())).as("any record ever")
                .noneMatch(payload -> payload.contains(rationaleName));
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static List<String> refsIn(List<JsonNode> suggestions) {
        return suggestions.stream().map(s -> s.get("personRef").asString()).toList();
    }

    private static List<JsonNode> inbox(RestClient scout) {
        List<JsonNode> suggestions = new ArrayList<>();
        scout.get().uri("/api/suggestions").retrieve().body(JsonNode.class).forEach(suggestions::add);
        return suggestions;
    }

    private static ResponseEntity<String> post(RestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    private static double skippedAsErased(MeterRegistry meters, String consumer) {
        return meters.find("instroom.events.skipped").tags("consumer", consumer, "reason", "erased-person")
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Every document of every collection that mentions one of the texts. */
    private static List<String> mentions(MongoTemplate store, List<String> texts) {
        return store.getCollectionNames().stream().flatMap(collection -> store.findAll(Document.class, collection)
                        .stream().map(document -> collection + ": " + document.toJson()))
                .filter(document -> texts.stream().anyMatch(document::contains)).toList();
    }

    private static Admin admin(TestInfrastructure infrastructure) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infrastructure.kafkaBootstrapServers()));
    }

    private static Map<TopicPartition, Long> endOffsets(TestInfrastructure infrastructure, List<String> topics)
            throws Exception {
        try (Admin admin = admin(infrastructure)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            // A topic nobody wrote to yet may not exist on the test broker.
            List<String> existing = admin.listTopics().names().get().stream().filter(topics::contains).toList();
            admin.describeTopics(existing).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    private static boolean caughtUp(TestInfrastructure infrastructure, String group) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(infrastructure, PROJECTION_TOPICS);
        try (Admin admin = admin(infrastructure)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0 || (committed.get(end.getKey()) != null
                    && committed.get(end.getKey()).offset() >= end.getValue()));
        }
    }

    /** Key, headers and value of every record on every topic from the given offsets (or the beginning) to the end. */
    private static List<String> readableSince(TestInfrastructure infrastructure, Map<TopicPartition, Long> from)
            throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(infrastructure, Topics.ALL);
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers());
        List<String> payloads = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(ends.keySet());
            ends.keySet().forEach(partition -> consumer.seek(partition, from.getOrDefault(partition, 0L)));
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder payload = new StringBuilder(record.topic()).append(' ').append(record.key());
                    for (Header header : record.headers()) {
                        payload.append(' ').append(header.key()).append('=')
                                .append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    payloads.add(payload.append(' ').append(text(record)).toString());
                }
            }
        }
        return payloads;
    }
}
