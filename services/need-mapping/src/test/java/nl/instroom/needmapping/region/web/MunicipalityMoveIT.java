package nl.instroom.needmapping.region.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import nl.instroom.events.Topics;
import nl.instroom.needmapping.SchoolFixtures;
import nl.instroom.needmapping.SchoolFixtures.ASchool;
import nl.instroom.needmapping.school.application.SchoolRegions;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin moves a municipality to another region, over the real broker. Heerde (GM0246) belongs to Veluwe
 * Stedendriehoek (AM06); moved to Regio Zwolle (AM36) its schools move along ({@code SchoolUpdated} naming AM36), and
 * the need of both regions is recalculated ({@code SchoolNeedChanged}): Heerde's school with the greatest need now
 * tops Regio Zwolle's ranking and leaves Deventer's school on top of its old region. A move planned for a later day
 * changes nothing until that day. A school stored before regions were data gets its municipality code and region.
 * Bad input is a problem document and changes nothing.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=needmapping-municipality-move", "instroom.need.coalesce-interval=300ms"})
@DirtiesContext
class MunicipalityMoveIT {

    /** The service's clock, which a test can move on to a later day. */
    static final class ShiftableClock extends Clock {

        volatile Duration shift = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift);
        }
    }

    @TestConfiguration
    static class Days {

        @Bean
        ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ASchool HEERDE_LYCEUM = new ASchool("61HA00", "Heerder Lyceum", "VWO", "HEERDE", "8181AA",
            800, 6.04, 52.39);
    private static final ASchool WAPENVELD_BASISSCHOOL = new ASchool("62HB00", "De Wapenvelder", "basisschool",
            "HEERDE", "8191AA", 200, 6.07, 52.43);
    private static final ASchool DEVENTER_COLLEGE = new ASchool("63DA00", "Deventer College", "HAVO/VWO", "DEVENTER",
            "7411AA", 1100, 6.16, 52.25);
    private static final ASchool ZWOLLE_LYCEUM = new ASchool("64ZA00", "Zwols Lyceum", "HAVO/VWO", "ZWOLLE", "8011AA",
            1000, 6.09, 52.51);
    private static final ASchool OLST_BASISSCHOOL = new ASchool("65OA00", "De Olster Es", "basisschool", "OLST",
            "8121AA", 180, 6.11, 52.34);

    @LocalServerPort
    int port;

    @Autowired
    ShiftableClock clock;

    @Autowired
    SchoolRegions schoolRegions;

    @Autowired
    MongoTemplate mongo;

    private RestClient admin() {
        return ApiClient.as(TestTokens.instance().admin(), port);
    }

    private RestClient coordinatorOf(String region) {
        return ApiClient.as(TestTokens.instance().token("coordinator-" + region, List.of("COORDINATOR"), region, null),
                port);
    }

    @AfterEach
    void backToToday() {
        clock.shift = Duration.ZERO;
    }

    @Test
    void heerdeMovingToRegioZwolleTakesItsSchoolsAndTheirNeedAlongAndBothRegionsAreRecalculated(
            TestInfrastructure infrastructure) {
        SchoolFixtures.registered(admin(), HEERDE_LYCEUM, WAPENVELD_BASISSCHOOL, DEVENTER_COLLEGE, ZWOLLE_LYCEUM);
        open(coordinatorOf("AM06"), "61HA00", "1.0", "CRITICAL");
        open(coordinatorOf("AM06"), "63DA00", "0.6", "NORMAL");
        open(coordinatorOf("AM36"), "64ZA00", "0.6", "NORMAL");
        await().untilAsserted(() -> {
            assertThat(indexes(coordinatorOf("AM06"))).containsExactly("61HA00=100.0", "63DA00=40.0", "62HB00=0.0");
            assertThat(indexes(coordinatorOf("AM36"))).containsExactly("64ZA00=100.0");
        });

        long movedAt;
        try (TopicProbe topics = TopicProbe.on(infrastructure, Topics.SCHOOLS, Topics.NEED)) {
            movedAt = System.currentTimeMillis();
            JsonNode moved = move("GM0246", "AM36", LocalDate.now().toString()).getBody();

            assertThat(moved.get("changed").asBoolean()).isTrue();
            assertThat(moved.get("schoolsMoved").asInt()).isEqualTo(2);
            assertThat(moved.get("municipality").get("region").asString()).isEqualTo("AM36");
            assertThat(moved.get("municipality").get("regionName").asString()).isEqualTo("Regio Zwolle");

            for (String heerde : List.of("61HA00", "62HB00")) {
                JsonNode updated = data(topics.awaitRecord(record -> heerde.equals(record.key())
                        && "nl.instroom.needmap.SchoolUpdated.v1".equals(TopicProbe.header(record, "ce_type"))));
                assertThat(updated.get("region").asString()).isEqualTo("AM36");
                assertThat(updated.get("municipalityCode").asString()).isEqualTo("GM0246");
                assertThat(updated.get("revision").asLong()).isEqualTo(2);
            }
            assertThat(needEvent(topics, "61HA00", "AM36", 1.5)).as("its need, now in Regio Zwolle").isNotNull();
            assertThat(needEvent(topics, "62HB00", "AM36", 0.0)).as("no need, but a new region").isNotNull();
            // A later change at a moved school: once its event is here, anything the move caused is too.
            open(coordinatorOf("AM36"), "61HA00", "0.5", "NORMAL");
            assertThat(needEvent(topics, "61HA00", "AM36", 2.0)).isNotNull();
            // Scores are the schools' own: the schools that stayed keep theirs and are not published again; only
            // their indexes move, because their regions' neediest school changed.
            assertThat(topics.seen()).as("no school that stayed was published again")
                    .noneMatch(record -> List.of("63DA00", "64ZA00").contains(record.key())
                            && record.timestamp() >= movedAt);
        }
        assertThat(indexes(coordinatorOf("AM36"))).containsExactly("61HA00=100.0", "64ZA00=30.0", "62HB00=0.0");
        assertThat(indexes(coordinatorOf("AM06"))).containsExactly("63DA00=100.0");
        assertThat(coordinatorOf("AM06").get().uri("/api/schools/61HA00").retrieve().toBodilessEntity()
                .getStatusCode().value()).as("outside the old region's coordinator's scope now").isEqualTo(404);

        JsonNode again = move("GM0246", "AM36", LocalDate.now().toString()).getBody();
        assertThat(again.get("changed").asBoolean()).as("the same move again").isFalse();
        assertThat(again.get("schoolsMoved").asInt()).isZero();
    }

    @Test
    void aMovePlannedForALaterDayMovesTheSchoolsOnThatDay() {
        SchoolFixtures.registered(admin(), OLST_BASISSCHOOL);
        LocalDate inTenDays = LocalDate.now(clock).plusDays(10);

        JsonNode planned = move("GM1773", "AM06", inTenDays.toString()).getBody();

        assertThat(planned.get("changed").asBoolean()).isTrue();
        assertThat(planned.get("schoolsMoved").asInt()).isZero();
        assertThat(planned.get("municipality").get("region").asString()).as("still, until then").isEqualTo("AM36");
        assertThat(planned.get("municipality").get("assignments").findValuesAsString("region"))
                .containsExactly("AM36", "AM06");
        assertThat(regionOf("65OA00")).isEqualTo("AM36");
        assertThat(schoolRegions.followAll().schoolsMoved()).as("the day has not come").isZero();

        clock.shift = Duration.ofDays(10);

        assertThat(schoolRegions.followAll().joined()).containsEntry("AM06", 1);
        assertThat(regionOf("65OA00")).isEqualTo("AM06");
    }

    @Test
    void aSchoolStoredBeforeRegionsWereDataGetsItsMunicipalityCodeAndItsRegion() {
        mongo.insert(new Document("_id", "66KA00").append("name", "De Kamper Wereld").append("sector", "PO")
                .append("municipality", "KAMPEN").append("postcode", "8261AA").append("latitude", 52.55)
                .append("longitude", 5.91).append("pupils", 210).append("region", "REGIO_ZWOLLE")
                .append("revision", 1L).append("outbox", List.of()), "schools");

        assertThat(schoolRegions.followAll().joined()).containsEntry("AM36", 1);

        JsonNode school = admin().get().uri("/api/schools/66KA00").retrieve().body(JsonNode.class);
        assertThat(school.get("municipalityCode").asString()).as("from its postcode area").isEqualTo("GM0166");
        assertThat(school.get("region").asString()).isEqualTo("AM36");
        assertThat(school.get("revision").asLong()).as("announced with SchoolUpdated").isEqualTo(2);
        assertThat(schoolRegions.followAll().schoolsMoved()).as("once").isZero();
    }

    @Test
    void badInputIsAProblemDocumentAndChangesNothing() {
        String before = admin().get().uri("/api/municipalities/GM0166").retrieve().body(String.class);

        assertProblem(move("GM0166", "AM99", "2027-01-01"), 400, "AM99");
        assertProblem(move("GM0166", "Regio Zwolle", "2027-01-01"), 400, "not a labour-market region code");
        assertProblem(move("GM9999", "AM06", "2027-01-01"), 404, "GM9999");
        assertProblem(move("GM0166", "AM06", "2027-13-45"), 400, "not a date");
        assertProblem(move("GM0166", "AM06", "1-7-2027"), 400, "not a date");
        assertProblem(move("GM0166", "AM06", "2020-01-01"), 400, "cannot take effect before");
        assertProblem(put(admin(), "/api/municipalities/GM0166/region", "{\"region\":\"AM06\"}"), 400, null);
        assertProblem(put(coordinatorOf("AM36"), "/api/municipalities/GM0166/region",
                "{\"region\":\"AM06\",\"effectiveFrom\":\"2027-01-01\"}"), 403, null);
        assertProblem(put(admin(), "/api/regions/XX1", "{\"name\":\"Nergens\"}"), 400,
                "not a labour-market region code");

        assertThat(admin().get().uri("/api/municipalities/GM0166").retrieve().body(String.class)).isEqualTo(before);
        assertThat(admin().get().uri("/api/regions").retrieve().body(JsonNode.class)).hasSize(35);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        if (detail != null) {
            assertThat(response.getBody().get("detail").asString()).contains(detail);
        }
    }

    private ResponseEntity<JsonNode> move(String municipality, String region, String effectiveFrom) {
        return put(admin(), "/api/municipalities/" + municipality + "/region",
                "{\"region\":\"" + region + "\",\"effectiveFrom\":\"" + effectiveFrom + "\"}");
    }

    private static ResponseEntity<JsonNode> put(RestClient http, String path, String body) {
        return http.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    private String regionOf(String school) {
        return admin().get().uri("/api/schools/{code}", school).retrieve().body(JsonNode.class).get("region")
                .asString();
    }

    private static void open(RestClient coordinator, String school, String fte, String urgency) {
        var opened = coordinator.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("{\"schoolCode\":\"" + school + "\",\"subject\":\"wiskunde\",\"fte\":" + fte
                        + ",\"hoursPerWeek\":20,\"startDate\":\"2027-01-01\",\"urgency\":\"" + urgency + "\"}")
                .retrieve().toEntity(String.class);
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
    }

    /** The caller's ranking as code=index, highest first, of this test's schools (the others' may be there too). */
    private static List<String> indexes(RestClient coordinator) {
        List<String> ours = List.of("61HA00", "62HB00", "63DA00", "64ZA00");
        List<String> ranking = new java.util.ArrayList<>();
        coordinator.get().uri("/api/need/ranking?limit=100").retrieve().body(JsonNode.class).forEach(school -> {
            if (ours.contains(school.get("vestigingscode").asString())) {
                ranking.add(school.get("vestigingscode").asString() + "=" + school.get("index").asDouble());
            }
        });
        return ranking;
    }

    /** A need event of the school in the region, with the given score (version 2 carries scores, not indexes). */
    private static ConsumerRecord<String, byte[]> needEvent(TopicProbe topics, String school, String region,
            double rawScore) {
        return topics.awaitRecord(record -> school.equals(record.key())
                && "nl.instroom.needmap.SchoolNeedChanged.v2".equals(TopicProbe.header(record, "ce_type"))
                && data(record).get("region").asString().equals(region)
                && data(record).get("rawScore").asDouble() == rawScore);
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }
}
