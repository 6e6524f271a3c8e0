package nl.instroom.scouting.suggestion.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.instroom.events.Sector;
import nl.instroom.events.Topics;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.stay.StaffMemberRemoved;
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
 * The inbox is fed by events on the real broker, never by calls: a placement the school scored high on talent for
 * teaching is one suggestion however often it arrives and under whatever event id; accepting it flags the tutor
 * and says so on scouting's topic without the rationale; a suggestion is decided once; an employee stay-interviews
 * removed is forgotten.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=scouting-suggestions")
class SuggestionInboxIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PLACEMENT_COMPLETED = "nl.instroom.tutoring.PlacementCompleted.v1";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;

    RestClient scout;

    @BeforeEach
    void clients() {
        scout = ApiClient.as(TestTokens.instance().scout(), port);
    }

    private void schoolInZwolle(EventProducer needMapping, String code) {
        needMapping.publish(new SchoolRegistered(code, "Carolus Clusius College", Sector.VO, "ZWOLLE", "GM0193",
                "8017AA", 52.5, 6.1, 1200, TestTokens.REGION, 1));
    }

    private double consumed(String consumer, String type, String outcome) {
        Counter counter = meters.find("instroom.events.consumed").tags("consumer", consumer, "type", type,
                "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private List<JsonNode> inbox(RestClient client) {
        JsonNode body = client.get().uri("/api/suggestions").retrieve().body(JsonNode.class);
        List<JsonNode> suggestions = new java.util.ArrayList<>();
        body.forEach(suggestions::add);
        return suggestions;
    }

    private static List<JsonNode> about(List<JsonNode> suggestions, String personRef) {
        return suggestions.stream().filter(s -> personRef.equals(s.get("personRef").asString())).toList();
    }

    private static List<JsonNode> withId(List<JsonNode> suggestions, String id) {
        return suggestions.stream().filter(s -> id.equals(s.get("id").asString())).toList();
    }

    private ResponseEntity<String> post(RestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    @Test
    void aHighTalentPlacementIsOneSuggestionHoweverOftenItArrivesAndAcceptingItFlagsTheTutor(
            TestInfrastructure infrastructure) {
        String placement = UUID.randomUUID().toString();
        String tutor = "tutor-" + UUID.randomUUID();
        PlacementCompleted completed = new PlacementCompleted(placement, tutor, "23AB00", "wiskunde",
                LocalDate.now(), 4, 5, 4);
        double appliedBefore = consumed("placementEvents", PLACEMENT_COMPLETED, "applied");
        double ignoredBefore = consumed("placementEvents", PLACEMENT_COMPLETED, "ignored");

        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure);
                EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            schoolInZwolle(needMapping, "23AB00");
            String eventId = UUID.randomUUID().toString();
            tutoring.publish(completed, eventId);
            tutoring.publish(completed, eventId);
            tutoring.publish(completed, eventId);
            tutoring.publish(completed);

            await("all four deliveries handled: one applied, three recognised as the same placement")
                    .untilAsserted(() -> {
                        assertThat(consumed("placementEvents", PLACEMENT_COMPLETED, "applied") - appliedBefore)
                                .isEqualTo(1);
                        assertThat(consumed("placementEvents", PLACEMENT_COMPLETED, "ignored") - ignoredBefore)
                                .isEqualTo(3);
                    });
        }
        await("the school's region is known").untilAsserted(() ->
                assertThat(about(inbox(scout), tutor)).hasSize(1));
        JsonNode suggestion = about(inbox(scout), tutor).get(0);
        String suggestionId = suggestion.get("id").asString();
        assertThat(suggestionId).as("a random id, not made from the placement or the person")
                .doesNotContain(placement).doesNotContain(tutor);
        assertThat(suggestion.get("personRef").asString()).isEqualTo(tutor);
        assertThat(suggestion.get("talentForTeaching").asInt()).isEqualTo(5);
        assertThat(suggestion.get("region").asString()).isEqualTo(TestTokens.REGION);

        try (TopicProbe talents = TopicProbe.on(infrastructure, Topics.TALENT)) {
            ResponseEntity<String> accepted = post(scout, "/api/suggestions/" + suggestionId + "/accept",
                    "{\"rationale\":\"Uitzonderlijk geduldig met brugklassers\"}");
            assertThat(accepted.getStatusCode().value()).isEqualTo(200);
            String talentId = JSON.readTree(accepted.getBody()).get("talentId").asString();

            ConsumerRecord<String, byte[]> flagged = talents.awaitRecord(record -> talentId.equals(record.key())
                    && "nl.instroom.scouting.TalentFlagged.v1".equals(TopicProbe.header(record, "ce_type")));
            JsonNode data = JSON.readTree(new String(flagged.value(), StandardCharsets.UTF_8));
            assertThat(data.get("personRef").asString()).isEqualTo(tutor);
            assertThat(data.get("personKind").asString()).isEqualTo("TUTOR");
            assertThat(data.get("kind").asString()).isEqualTo("POTENTIAL_TEACHER");
            assertThat(data.get("region").asString()).isEqualTo(TestTokens.REGION);
            assertThat(data.toString()).doesNotContain("geduldig");

            JsonNode talent = scout.get().uri("/api/talents/{id}", talentId).retrieve().body(JsonNode.class);
            assertThat(talent.get("stage").asString()).isEqualTo("FLAGGED");
            assertThat(talent.get("suggestionId").asString()).isEqualTo(suggestionId);
            assertThat(talent.get("rationale").asString()).contains("geduldig");
        }

        ResponseEntity<String> again = post(scout, "/api/suggestions/" + suggestionId + "/accept", "{}");
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(post(scout, "/api/suggestions/" + suggestionId + "/dismiss", "{}").getStatusCode().value())
                .isEqualTo(409);
        assertThat(withId(inbox(scout), suggestionId)).isEmpty();
        assertThat(scout.get().uri("/api/talents?personKind=TUTOR").retrieve().body(JsonNode.class)
                .findValuesAsString("personRef")).containsOnlyOnce(tutor);

        double ignored = consumed("placementEvents", PLACEMENT_COMPLETED, "ignored");
        try (EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            tutoring.publish(completed);
        }
        await().untilAsserted(() -> assertThat(consumed("placementEvents", PLACEMENT_COMPLETED, "ignored"))
                .isEqualTo(ignored + 1));
        assertThat(withId(inbox(scout), suggestionId)).as("an accepted suggestion does not come back").isEmpty();
    }

    @Test
    void aLowTalentScoreSuggestsNothingAndAnotherRegionsScoutSeesNothing(TestInfrastructure infrastructure) {
        String low = UUID.randomUUID().toString();
        String high = UUID.randomUUID().toString();
        String lowTutor = "tutor-low-" + low;
        String highTutor = "tutor-high-" + high;
        double ignoredBefore = consumed("placementEvents", PLACEMENT_COMPLETED, "ignored");
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure);
                EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            schoolInZwolle(needMapping, "24CD00");
            tutoring.publish(new PlacementCompleted(low, lowTutor, "24CD00", "engels", LocalDate.now(), 5, 3, 4));
            tutoring.publish(new PlacementCompleted(high, highTutor, "24CD00", "engels", LocalDate.now(), 5, 4,
                    4));
        }
        await().untilAsserted(() -> assertThat(about(inbox(scout), highTutor)).hasSize(1));
        await().untilAsserted(() -> assertThat(consumed("placementEvents", PLACEMENT_COMPLETED, "ignored"))
                .isGreaterThanOrEqualTo(ignoredBefore + 1));
        assertThat(about(inbox(scout), lowTutor)).isEmpty();
        String highId = about(inbox(scout), highTutor).get(0).get("id").asString();

        RestClient elsewhere = ApiClient.as(TestTokens.instance().token("scout-2", List.of("TALENT_SCOUT"),
                "AM05", null), port);
        assertThat(withId(inbox(elsewhere), highId)).isEmpty();
        assertThat(post(elsewhere, "/api/suggestions/" + highId + "/accept", "{}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(withId(inbox(scout), highId)).as("still open for the region's own scout").hasSize(1);
    }

    @Test
    void aSharedGrowthAmbitionIsOneStaffSuggestionThatIsDismissedOnce(TestInfrastructure infrastructure) {
        String staff = "staff-" + UUID.randomUUID();
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure);
                EventProducer stay = EventProducer.as("stay-interviews", infrastructure)) {
            schoolInZwolle(needMapping, "25EF00");
            stay.publish(new GrowthAmbitionShared("25EF00", staff, "SCHOOL_LEADER", LocalDate.now()));
            stay.publish(new GrowthAmbitionShared("25EF00", staff, "SCHOOL_LEADER", LocalDate.now()));
        }
        await().untilAsserted(() -> assertThat(inbox(scout).stream()
                .filter(s -> staff.equals(s.get("personRef").asString())).toList()).hasSize(1));
        JsonNode suggestion = inbox(scout).stream().filter(s -> staff.equals(s.get("personRef").asString()))
                .findFirst().orElseThrow();
        assertThat(suggestion.get("personKind").asString()).isEqualTo("STAFF");
        assertThat(suggestion.get("suggestedKind").asString()).isEqualTo("HIGH_POTENTIAL");
        String id = suggestion.get("id").asString();

        assertThat(post(scout, "/api/suggestions/" + id + "/dismiss", "{}").getStatusCode().value()).isEqualTo(200);
        assertThat(post(scout, "/api/suggestions/" + id + "/dismiss", "{}").getStatusCode().value()).isEqualTo(409);
        assertThat(inbox(scout).stream().filter(s -> staff.equals(s.get("personRef").asString())).toList())
                .isEmpty();
    }

    @Test
    void aRemovedEmployeesReferenceIsForgottenWithoutAnyErasureRequest(TestInfrastructure infrastructure) {
        String staff = "25EF01:staff-" + UUID.randomUUID();
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure);
                EventProducer stay = EventProducer.as("stay-interviews", infrastructure)) {
            schoolInZwolle(needMapping, "25EF01");
            stay.publish(new GrowthAmbitionShared("25EF01", staff, "MENTOR", LocalDate.now()));
            await().untilAsserted(() -> assertThat(inbox(scout).stream()
                    .filter(s -> staff.equals(s.get("personRef").asString())).toList()).hasSize(1));

            stay.publish(new StaffMemberRemoved("25EF01", staff, LocalDate.now()));
        }
        await().untilAsserted(() -> assertThat(inbox(scout).stream()
                .filter(s -> staff.equals(s.get("personRef").asString())).toList()).isEmpty());
        assertThat(consumed("staySignals", "nl.instroom.stay.StaffMemberRemoved.v1", "applied")).isPositive();
        assertThat(mongo.findAll(Document.class, "audit_log")).noneMatch(entry -> entry.toJson().contains(staff));
        assertThat(mongo.findAll(Document.class, "suggestions")).noneMatch(entry -> entry.toJson().contains(staff));
    }
}
