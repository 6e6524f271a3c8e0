package nl.instroom.needmapping.need.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.instroom.events.Topics;
import nl.instroom.events.stay.RetentionRiskAssessed;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.events.tutoring.PlacementStarted;
import nl.instroom.needmapping.need.domain.SchoolNeed;
import nl.instroom.needmapping.need.domain.SchoolNeeds;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The need index reacts to what raises or lowers a school's need, over the real broker: a vacancy opened raises
 * it and filling it lowers it again; a retention-risk signal from stay-interviews raises it before any vacancy
 * exists; tutor support lowers it; lesuitval raises it. Each change is published as {@code SchoolNeedChanged}, and
 * a burst of changes coalesces into few events, the last of which is the final state.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=needmapping-need-index", "instroom.need.coalesce-interval=300ms"})
@DirtiesContext
class NeedIndexIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHOOLS = """
            {"type":"FeatureCollection","features":[%s]}""";
    private static final String SCHOOL = """
            {"type":"Feature","properties":{"vestigingscode":"%s","naam":"%s","type":"%s","gemeente":"%s",
             "postcode":"8011AA","leerlingen":%d},"geometry":{"type":"Point","coordinates":[%s,%s]}}""";

    @LocalServerPort
    int port;

    @Autowired
    SchoolNeeds needs;

    @Autowired
    MongoTemplate mongo;

    RestClient http;

    @BeforeEach
    void threeSchoolsInZwolleAndKampen() {
        http = ApiClient.as(TestTokens.instance().coordinator(), port);
        String file = SCHOOLS.formatted(String.join(",",
                SCHOOL.formatted("41AA00", "Het Lyceum", "HAVO/VWO", "ZWOLLE", 1200, "6.09", "52.51"),
                SCHOOL.formatted("42BB00", "De Vaart", "basisschool", "ZWOLLE", 250, "6.10", "52.52"),
                SCHOOL.formatted("43CC00", "Het Kamper Kollege", "VBO/MAVO", "KAMPEN", 600, "5.91", "52.55"),
                SCHOOL.formatted("44DD00", "De Boog", "basisschool", "ZWOLLE", 300, "6.08", "52.50"),
                SCHOOL.formatted("45EE00", "Thomas a Kempis", "VWO", "ZWOLLE", 900, "6.09", "52.51"),
                SCHOOL.formatted("46FF00", "Ichthus", "HAVO/VWO", "KAMPEN", 800, "5.92", "52.56")));
        var imported = http.post().uri("/api/schools/import").contentType(MediaType.APPLICATION_JSON).body(file)
                .retrieve().toEntity(String.class);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
    }

    @Test
    void aVacancyRaisesTheIndexWithTheComponentThatChangedAndFillingItLowersItAgain(
            TestInfrastructure infrastructure) {
        try (TopicProbe needTopic = TopicProbe.on(infrastructure, Topics.NEED)) {
            String vacancy = open("41AA00", "wiskunde", "1.0", "HIGH");

            await().untilAsserted(() -> {
                JsonNode ranked = inRanking("41AA00");
                assertThat(ranked.get("index").asDouble()).isPositive();
                assertThat(ranked.get("rank").asInt()).isPositive();
                assertThat(component(ranked, "openFteWeighted").get("value").asDouble()).isEqualTo(1.25);
                assertThat(ranked.get("subjects").get("wiskunde").get("openFte").asDouble()).isEqualTo(1.0);
            });
            ConsumerRecord<String, byte[]> changed = needTopic.awaitRecord(record -> "41AA00".equals(record.key())
                    && new String(record.value(), StandardCharsets.UTF_8).contains("\"subject\":\"wiskunde\""));
            assertThat(TopicProbe.header(changed, "ce_type")).isEqualTo("nl.instroom.needmap.SchoolNeedChanged.v2");

            http.post().uri("/api/vacancies/{id}/fill", vacancy).retrieve().toBodilessEntity();

            await().untilAsserted(() -> {
                JsonNode need = schoolNeed("41AA00").get("need");
                assertThat(need.get("subjects").has("wiskunde")).isFalse();
                assertThat(component(need, "openFteWeighted").get("value").asDouble()).isZero();
            });
        }
    }

    @Test
    void aRetentionRiskSignalRaisesTheIndexBeforeAnyVacancyExists(TestInfrastructure infrastructure) {
        try (EventProducer stayInterviews = EventProducer.as("stay-interviews", infrastructure)) {
            stayInterviews.publish(new RetentionRiskAssessed("43CC00", new BigDecimal("2.0"), 9,
                    LocalDate.of(2026, 11, 20), 1));

            await().untilAsserted(() -> {
                JsonNode need = schoolNeed("43CC00").get("need");
                assertThat(component(need, "expectedDeparturesFte").get("value").asDouble()).isEqualTo(2.0);
                assertThat(need.get("rawScore").asDouble()).as("no vacancy, 2 FTE expected to leave × 0.8")
                        .isEqualTo(1.6);
                assertThat(need.get("index").asDouble()).isPositive();
            });
        }
    }

    @Test
    void tutorSupportLowersAndLesuitvalRaisesTheScore(TestInfrastructure infrastructure) {
        open("42BB00", "groepsleerkracht", "1.0", "NORMAL");
        await().untilAsserted(() -> assertThat(schoolNeed("42BB00").get("need").get("rawScore").asDouble())
                .isEqualTo(1.0));

        try (EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            tutoring.publish(new PlacementStarted("p-need-1", "t-1", "42BB00", "rekenen", LocalDate.of(2026, 11, 1),
                    3));
        }
        await().untilAsserted(() -> assertThat(schoolNeed("42BB00").get("need").get("rawScore").asDouble())
                .isEqualTo(0.8));
        try (EventProducer tutoring = EventProducer.as("tutoring", infrastructure)) {
            tutoring.publish(new PlacementCompleted("p-need-1", "t-1", "42BB00", "rekenen",
                    LocalDate.of(2026, 11, 20), 4, 5, 4));
        }
        await("a completed placement no longer supports the school")
                .untilAsserted(() -> assertThat(schoolNeed("42BB00").get("need").get("rawScore").asDouble())
                        .isEqualTo(1.0));

        var reported = http.put().uri("/api/schools/42BB00/unfilled-lessons").contentType(MediaType.APPLICATION_JSON)
                .body("{\"hoursPerWeek\":10}").retrieve().toEntity(String.class);
        assertThat(reported.getStatusCode().value()).isEqualTo(204);
        await().untilAsserted(() -> assertThat(component(schoolNeed("42BB00").get("need"), "lessonsLostPer100Pupils")
                .get("value").asDouble()).isEqualTo(4.0));
    }

    /**
     * A school that does not know its pupil count has its lesson hours counted per 100 pupils of its region's median
     * school size; when an import changes the region's sizes, the score follows the new median (kept per region, not
     * counted per recalculation).
     */
    @Test
    void aSchoolOfUnknownSizeIsMeasuredOnItsRegionsMedianAndFollowsAnImportThatChangesIt() {
        String unknownSize = """
                {"type":"Feature","properties":{"vestigingscode":"47GG00","naam":"De Nieuwe School",
                 "type":"basisschool","gemeente":"ZWOLLE","postcode":"8011AA"},
                 "geometry":{"type":"Point","coordinates":[6.09,52.51]}}""";
        importSchools(unknownSize);
        var reported = http.put().uri("/api/schools/47GG00/unfilled-lessons").contentType(MediaType.APPLICATION_JSON)
                .body("{\"hoursPerWeek\":7}").retrieve().toEntity(String.class);
        assertThat(reported.getStatusCode().value()).isEqualTo(204);
        await("7 hours per 100 of the median of 250, 300, 600, 800, 900, 1200 pupils: 700")
                .untilAsserted(() -> assertThat(component(schoolNeed("47GG00").get("need"),
                        "lessonsLostPer100Pupils").get("value").asDouble()).isEqualTo(1.0));

        importSchools(SCHOOL.formatted("41AA00", "Het Lyceum", "HAVO/VWO", "ZWOLLE", 100, "6.09", "52.51"));
        await("the median of 100, 250, 300, 600, 800, 900 pupils is 450: 7 / 4.5")
                .untilAsserted(() -> assertThat(component(schoolNeed("47GG00").get("need"),
                        "lessonsLostPer100Pupils").get("value").asDouble()).isEqualTo(1.56));
    }

    private void importSchools(String... features) {
        var imported = http.post().uri("/api/schools/import").contentType(MediaType.APPLICATION_JSON)
                .body(SCHOOLS.formatted(String.join(",", features))).retrieve().toEntity(String.class);
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(200);
    }

    @Test
    void aBurstOfChangesCoalescesAndTheLastEventIsTheFinalState(TestInfrastructure infrastructure) {
        try (TopicProbe needTopic = TopicProbe.on(infrastructure, Topics.NEED)) {
            for (int i = 0; i < 8; i++) {
                open("44DD00", "duits", "0.5", "NORMAL");
            }

            await().untilAsserted(() -> assertThat(component(schoolNeed("44DD00").get("need"), "openFteWeighted")
                    .get("value").asDouble()).isEqualTo(4.0));
            List<ConsumerRecord<String, byte[]>> events = needTopic.awaitRecords(1, record ->
                    "44DD00".equals(record.key()) && new String(record.value(), StandardCharsets.UTF_8)
                            .contains("\"openFte\":4.0"));
            List<ConsumerRecord<String, byte[]>> all = needTopic.seen().stream()
                    .filter(record -> "44DD00".equals(record.key())).toList();
            assertThat(all.size()).as("8 changes, coalesced").isLessThan(8);
            assertThat(new String(all.get(all.size() - 1).value(), StandardCharsets.UTF_8))
                    .as("the last event is the final state").contains("\"openFte\":4.0");
            assertThat(events).isNotEmpty();
        }
    }

    @Test
    void theRankingFiltersByMunicipalityAndRadiusAndSummarisesTheRegion() {
        open("45EE00", "natuurkunde", "1.0", "CRITICAL");
        open("46FF00", "natuurkunde", "0.5", "NORMAL");
        await().untilAsserted(() -> assertThat(ranking("?subject=natuurkunde"))
                .extracting(school -> school.get("vestigingscode").asString()).containsExactly("45EE00", "46FF00"));

        assertThat(ranking("?municipality=kampen")).extracting(school -> school.get("vestigingscode").asString())
                .contains("46FF00").doesNotContain("45EE00");
        assertThat(ranking("?latitude=52.51&longitude=6.09&radiusKm=5"))
                .extracting(school -> school.get("vestigingscode").asString()).contains("45EE00")
                .doesNotContain("46FF00");
        JsonNode summary = http.get().uri("/api/need/summary").retrieve().body(JsonNode.class);
        assertThat(summary.get("bySubject").get("natuurkunde").get("openFte").asDouble()).isGreaterThanOrEqualTo(1.5);
        assertThat(summary.get("byMunicipality").has("KAMPEN")).isTrue();
        assertThat(http.get().uri("/api/need/ranking?radiusKm=5").retrieve().toEntity(String.class)
                .getStatusCode().value()).as("a radius without a centre").isEqualTo(400);
    }

    /**
     * The store's guards (what {@code NeedRecalculationTest} relies on, there in memory): a change only over the
     * revision and confirmations it was computed from, a confirmation only over the revision it read — in one bulk
     * write that also inserts a first need, each refused one named alone — and a need stored before confirmations were
     * counted takes a change computed from it.
     */
    @Test
    void aStoredNeedIsChangedOnlyOverTheNeedItWasComputedFromAndConfirmedOnlyAtTheRevisionRead() {
        Instant at = Instant.parse("2026-11-27T10:00:00Z");
        assertThat(needs.store(List.of("98GD01", "98GD02", "98GD04", "98GD05").stream()
                .map(code -> new SchoolNeeds.Change(need(code, 1.0), 0, 0)).toList(), List.of(), at)).isEmpty();
        SchoolNeeds.StoredNeed read = needs.current("98GD01").orElseThrow();
        assertThat(read.revision()).isEqualTo(1);
        assertThat(read.confirmations()).isZero();

        // Confirmed by one pass; a change computed from the need as read before is refused, one from after is not.
        assertThat(needs.store(List.of(), List.of(read), at)).isEmpty();
        assertThat(needs.current("98GD01").orElseThrow().confirmations()).isEqualTo(1);
        assertThat(needs.store(List.of(new SchoolNeeds.Change(need("98GD01", 2.0), 1, 0)), List.of(), at))
                .containsExactly("98GD01");
        assertThat(needs.current("98GD01").orElseThrow().need().rawScore()).isEqualTo(1.0);
        assertThat(needs.store(List.of(new SchoolNeeds.Change(need("98GD01", 2.0), 1, 1)), List.of(), at)).isEmpty();
        assertThat(needs.current("98GD01").orElseThrow().revision()).isEqualTo(2);
        assertThat(needs.current("98GD01").orElseThrow().confirmations()).isZero();

        // In one bulk write: a first need inserted, a change and a confirmation that hold, a change and a
        // confirmation of needs stored anew since they were read — only those two are refused.
        SchoolNeeds.StoredNeed staleFifth = needs.current("98GD05").orElseThrow();
        assertThat(needs.store(List.of(new SchoolNeeds.Change(need("98GD05", 2.0), 1, 0)), List.of(), at)).isEmpty();
        assertThat(needs.store(List.of(new SchoolNeeds.Change(need("98GD03", 1.0), 0, 0),
                        new SchoolNeeds.Change(need("98GD02", 3.0), 1, 0),
                        new SchoolNeeds.Change(need("98GD01", 3.0), 1, 0)),
                List.of(needs.current("98GD04").orElseThrow(), staleFifth), at))
                .containsExactlyInAnyOrder("98GD01", "98GD05");
        assertThat(needs.current("98GD02").orElseThrow().need().rawScore()).isEqualTo(3.0);
        assertThat(needs.current("98GD04").orElseThrow().confirmations()).isEqualTo(1);
        assertThat(needs.current("98GD05").orElseThrow().confirmations()).isZero();
        assertThat(needs.store(List.of(), List.of(needs.current("98GD03").orElseThrow()), at)).isEmpty();
        assertThat(needs.current("98GD03").orElseThrow().confirmations()).isEqualTo(1);

        // A need stored before confirmations were counted has none.
        mongo.getCollection("school_needs").updateOne(new Document("_id", "98GD02"),
                new Document("$unset", new Document("confirmations", "")));
        SchoolNeeds.StoredNeed old = needs.current("98GD02").orElseThrow();
        assertThat(old.confirmations()).isZero();
        assertThat(needs.store(List.of(new SchoolNeeds.Change(need("98GD02", 4.0), old.revision(), 0)), List.of(),
                at)).isEmpty();
        assertThat(needs.current("98GD02").orElseThrow().need().rawScore()).isEqualTo(4.0);
    }

    private static SchoolNeed need(String code, double rawScore) {
        return new SchoolNeed(code, "AM36", rawScore, List.of(), Map.of());
    }

    private String open(String school, String subject, String fte, String urgency) {
        return http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("{\"schoolCode\":\"" + school + "\",\"subject\":\"" + subject + "\",\"fte\":" + fte
                        + ",\"hoursPerWeek\":20,\"startDate\":\"2027-01-01\",\"urgency\":\"" + urgency + "\"}")
                .retrieve().body(JsonNode.class).get("id").asString();
    }

    private JsonNode inRanking(String code) {
        for (JsonNode school : ranking("")) {
            if (code.equals(school.get("vestigingscode").asString())) {
                return school;
            }
        }
        throw new AssertionError(code + " is not in the ranking");
    }

    private JsonNode ranking(String query) {
        return http.get().uri("/api/need/ranking" + query).retrieve().body(JsonNode.class);
    }

    private JsonNode schoolNeed(String code) {
        var response = http.get().uri("/api/need/schools/{code}", code).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    private static JsonNode component(JsonNode need, String name) {
        for (JsonNode component : need.get("components")) {
            if (name.equals(component.get("name").asString())) {
                return component;
            }
        }
        throw new AssertionError("no component " + name);
    }
}
