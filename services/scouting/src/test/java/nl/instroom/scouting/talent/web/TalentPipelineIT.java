package nl.instroom.scouting.talent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.instroom.events.Topics;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.events.Sector;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A talent through the pipeline over the real API and broker: each step is published without the rationale, an
 * illegal step or bad input is a problem and changes nothing, another region's scout sees nothing, and an erasure
 * request leaves no trace of the person while the funnel keeps its counts.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=scouting-pipeline")
class TalentPipelineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    RestClient scout;

    @BeforeEach
    void clients() {
        scout = ApiClient.as(TestTokens.instance().scout(), port);
    }

    private ResponseEntity<String> post(RestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    private String flag(String personKind, String personRef, String rationale) {
        ResponseEntity<String> created = post(scout, "/api/talents", """
                {"personKind":"%s","personRef":"%s","kind":"ROLE_MODEL","rationale":"%s",
                 "flaggedOn":"%s","nextStepOn":"%s"}""".formatted(personKind, personRef, rationale,
                TODAY.minusDays(10), TODAY.plusDays(3)));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return JSON.readTree(created.getBody()).get("id").asString();
    }

    private JsonNode talent(String id) {
        return scout.get().uri("/api/talents/{id}", id).retrieve().body(JsonNode.class);
    }

    private int talentCount() {
        return scout.get().uri("/api/talents").retrieve().body(JsonNode.class).size();
    }

    /** Placement events not applied because they name an erased person (the erasure ledger's skip). */
    private double placementsSkippedAsErased() {
        Counter counter = meters.find("instroom.events.skipped").tags("consumer", "placementEvents", "type",
                "nl.instroom.tutoring.PlacementCompleted.v1", "reason", "erased-person").counter();
        return counter == null ? 0 : counter.count();
    }

    private static boolean ofType(ConsumerRecord<String, byte[]> record, String key, String type) {
        return key.equals(record.key()) && ("nl.instroom.scouting." + type + ".v1")
                .equals(TopicProbe.header(record, "ce_type"));
    }

    @Test
    void eachStepIsDatedAndPublishedWithoutTheRationaleAndFollowUpsAreFound(TestInfrastructure infrastructure) {
        try (TopicProbe talents = TopicProbe.on(infrastructure, Topics.TALENT)) {
            String id = flag("STAFF", "staff-" + UUID.randomUUID(), "Geeft geweldige gastlessen");
            assertThat(post(scout, "/api/talents/" + id + "/stage", """
                    {"stage":"APPROACHED","on":"%s","nextStepOn":"%s"}""".formatted(TODAY.minusDays(2),
                    TODAY.plusDays(14))).getStatusCode().value()).isEqualTo(200);

            JsonNode flagged = JSON.readTree(new String(talents.awaitRecord(r -> ofType(r, id, "TalentFlagged"))
                    .value(), StandardCharsets.UTF_8));
            JsonNode changed = JSON.readTree(new String(talents.awaitRecord(
                    r -> ofType(r, id, "TalentStatusChanged")).value(), StandardCharsets.UTF_8));
            assertThat(flagged.get("personKind").asString()).isEqualTo("STAFF");
            assertThat(flagged.toString()).doesNotContain("gastlessen");
            assertThat(changed.get("from").asString()).isEqualTo("FLAGGED");
            assertThat(changed.get("to").asString()).isEqualTo("APPROACHED");
            assertThat(changed.get("changedOn").asString()).isEqualTo(TODAY.minusDays(2).toString());
            assertThat(changed.toString()).doesNotContain("gastlessen");
            JsonNode talent = talent(id);
            assertThat(talent.get("history").findValuesAsString("stage")).containsExactly("FLAGGED", "APPROACHED");
            assertThat(talent.get("flaggedOn").asString()).isEqualTo(TODAY.minusDays(10).toString());

            assertThat(scout.get().uri("/api/talents?nextStepDueBy={d}", TODAY.plusDays(14)).retrieve()
                    .body(JsonNode.class).findValuesAsString("id")).contains(id);
            assertThat(scout.get().uri("/api/talents?nextStepDueBy={d}", TODAY.plusDays(13)).retrieve()
                    .body(JsonNode.class).findValuesAsString("id")).doesNotContain(id);

            assertThat(scout.put().uri("/api/talents/{id}/next-step", id).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"on\":\"" + TODAY.minusDays(3) + "\"}").retrieve().toBodilessEntity().getStatusCode()
                    .value()).as("before the last step").isEqualTo(400);
            assertThat(scout.put().uri("/api/talents/{id}/next-step", id).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"on\":\"" + TODAY.plusDays(30) + "\"}").retrieve().toBodilessEntity().getStatusCode()
                    .value()).isEqualTo(200);
            assertThat(scout.get().uri("/api/talents?nextStepDueBy={d}", TODAY.plusDays(14)).retrieve()
                    .body(JsonNode.class).findValuesAsString("id")).doesNotContain(id);
            assertThat(talent(id).get("nextStepOn").asString()).isEqualTo(TODAY.plusDays(30).toString());
        }
    }

    @Test
    void anIllegalStepIsAConflictAndChangesNothing() {
        String id = flag("TUTOR", "tutor-" + UUID.randomUUID(), "Enthousiast");
        long revision = talent(id).get("revision").asLong();

        ResponseEntity<String> skipped = post(scout, "/api/talents/" + id + "/stage", "{\"stage\":\"ENROLLED\"}");
        ResponseEntity<String> backdated = post(scout, "/api/talents/" + id + "/stage",
                "{\"stage\":\"APPROACHED\",\"on\":\"" + TODAY.minusDays(11) + "\"}");

        assertThat(skipped.getStatusCode().value()).isEqualTo(409);
        assertThat(skipped.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(skipped.getBody()).contains("FLAGGED");
        assertThat(backdated.getStatusCode().value()).isEqualTo(400);
        assertThat(talent(id).get("stage").asString()).isEqualTo("FLAGGED");
        assertThat(talent(id).get("revision").asLong()).isEqualTo(revision);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String person = "tutor-" + UUID.randomUUID();
        flag("TUTOR", person, "Eerste vlag");
        int before = talentCount();

        List<String> bad = List.of(
                "{\"personKind\":\"TUTOR\",\"personRef\":\"Jan de Vries\",\"kind\":\"ROLE_MODEL\",\"rationale\":\"x\"}",
                "{\"personKind\":\"TUTOR\",\"personRef\":\"tutor-9\",\"kind\":\"ROLE_MODEL\"}",
                "{\"personKind\":\"TUTOR\",\"personRef\":\"tutor-9\",\"kind\":\"WIZARD\",\"rationale\":\"x\"}",
                "{\"personKind\":\"TUTOR\",\"personRef\":\"tutor-9\",\"kind\":\"ROLE_MODEL\",\"rationale\":\"x\","
                        + "\"flaggedOn\":\"" + TODAY.plusDays(1) + "\"}",
                "{\"personKind\":\"TUTOR\",\"personRef\":\"tutor-9\",\"kind\":\"ROLE_MODEL\",\"rationale\":\"x\","
                        + "\"schoolCode\":\"Carolus\"}",
                "not json");
        for (String body : bad) {
            ResponseEntity<String> refused = post(scout, "/api/talents", body);
            assertThat(refused.getStatusCode().value()).as(body).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType().toString()).as(body)
                    .startsWith("application/problem+json");
        }
        ResponseEntity<String> again = post(scout, "/api/talents", """
                {"personKind":"TUTOR","personRef":"%s","kind":"AMBASSADOR","rationale":"Nogmaals"}"""
                .formatted(person));
        assertThat(again.getStatusCode().value()).as("the same person while still followed up").isEqualTo(409);
        assertThat(talentCount()).isEqualTo(before);
    }

    @Test
    void anotherRegionsScoutSeesNothingAndChangesNothing() {
        String id = flag("EXTERNAL", "contact-" + UUID.randomUUID(), "Spreker op open dag");
        RestClient elsewhere = ApiClient.as(TestTokens.instance().token("scout-2", List.of("TALENT_SCOUT"),
                "AM05", null), port);

        assertThat(elsewhere.get().uri("/api/talents/{id}", id).retrieve().toEntity(String.class).getStatusCode()
                .value()).isEqualTo(404);
        assertThat(post(elsewhere, "/api/talents/" + id + "/stage", "{\"stage\":\"APPROACHED\"}").getStatusCode()
                .value()).isEqualTo(404);
        assertThat(elsewhere.get().uri("/api/talents").retrieve().body(JsonNode.class).findValuesAsString("id"))
                .doesNotContain(id);
        assertThat(talent(id).get("stage").asString()).isEqualTo("FLAGGED");
    }

    @Test
    void theApiIsDescribed() {
        JsonNode api = ApiClient.as(null, port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class);

        assertThat(api.get("paths").propertyNames()).contains("/api/talents", "/api/talents/{id}/stage",
                "/api/suggestions", "/api/suggestions/{id}/accept", "/api/funnel", "/api/ambassadors/coverage");
    }

    @Test
    void anErasureRequestLeavesNoTraceOfTheTutorButTheFunnelKeepsCounting(TestInfrastructure infrastructure) {
        String tutor = "tutor-" + UUID.randomUUID();
        String placement = UUID.randomUUID().toString();
        PlacementCompleted completed = new PlacementCompleted(placement, tutor, "26GH00", "biologie", TODAY, 5, 5, 4);
        String id = flag("TUTOR", tutor, "Bijzonder talent");
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure);
                EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            needMapping.publish(new SchoolRegistered("26GH00", "Thomas a Kempis College", Sector.VO, "ZWOLLE",
                    "GM0193", "8021AA", 52.52, 6.08, 1500, TestTokens.REGION, 1));
            tutoring.publish(completed);
        }
        await().untilAsserted(() -> assertThat(scout.get().uri("/api/suggestions").retrieve().body(JsonNode.class)
                .findValuesAsString("personRef")).contains(tutor));
        int flaggedBefore = ApiClient.as(TestTokens.instance().coordinator(), port).get()
                .uri("/api/funnel?from={f}", TODAY.minusDays(10)).retrieve().body(JsonNode.class)
                .get("figures").get(0).get("flagged").asInt();

        try (EventProducer identity = EventProducer.as("identity", infrastructure);
                TopicProbe erasure = TopicProbe.on(infrastructure, Topics.ERASURE_ANSWERS)) {
            String requestId = UUID.randomUUID().toString();
            identity.publish(new SubjectErasureRequested(requestId, SubjectKind.TUTOR, tutor));

            ConsumerRecord<String, byte[]> answer = erasure.awaitRecord(record -> requestId.equals(record.key())
                    && "nl.instroom.privacy.SubjectErased.v1".equals(TopicProbe.header(record, "ce_type")));
            assertThat(new String(answer.value(), StandardCharsets.UTF_8)).contains("\"recordsErased\":2")
                    .contains("\"service\":\"scouting\"");
        }
        JsonNode erased = talent(id);
        assertThat(erased.get("personRef").asString()).isEqualTo("erased");
        assertThat(erased.get("rationale") == null || erased.get("rationale").isNull()).isTrue();
        assertThat(scout.get().uri("/api/suggestions").retrieve().body(JsonNode.class)
                .findValuesAsString("personRef")).doesNotContain(tutor);
        await("the outboxes were relayed; nothing of the tutor remains").untilAsserted(() -> {
            for (String collection : mongo.getCollectionNames()) {
                assertThat(mongo.findAll(Document.class, collection)).as("no trace of the tutor in " + collection)
                        .noneMatch(document -> document.toJson().contains(tutor)
                                || document.toJson().contains("Bijzonder"));
            }
        });
        assertThat(ApiClient.as(TestTokens.instance().coordinator(), port).get()
                .uri("/api/funnel?from={f}", TODAY.minusDays(10)).retrieve().body(JsonNode.class)
                .get("figures").get(0).get("flagged").asInt()).isEqualTo(flaggedBefore);

        double skipped = placementsSkippedAsErased();
        try (EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            tutoring.publish(completed);
        }
        await().untilAsserted(() -> assertThat(placementsSkippedAsErased()).isEqualTo(skipped + 1));
        assertThat(scout.get().uri("/api/suggestions").retrieve().body(JsonNode.class)
                .findValuesAsString("personRef")).as("a redelivered event does not bring the person back")
                .doesNotContain(tutor);
    }
}
