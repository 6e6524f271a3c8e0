package nl.instroom.needmapping.school.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.events.Topics;
import nl.instroom.needmapping.SchoolFixtures;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Regio Zwolle school file (DUO open data, shipped with the local stack) imports as its distinct school
 * locations, each announced once and placed in Regio Zwolle (AM36) by its municipality's code; importing it again
 * changes nothing. Bad rows are reported, not stored.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=needmapping-school-import")
class SchoolImportIT {

    /** The project's copy of the data, read where it ships (platform/local-stack), not copied again. */
    static final Path REGIO_ZWOLLE = Path.of("../../platform/local-stack/src/main/resources/demo/"
            + "regio-zwolle-schools.geo.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestClient http;

    @BeforeEach
    void client() {
        http = ApiClient.as(TestTokens.instance().coordinator(), port);
    }

    @Test
    void theRegioZwolleFileRegistersItsSchoolsOnceAndAgainChangesNothing(TestInfrastructure infrastructure)
            throws IOException {
        byte[] file = Files.readAllBytes(REGIO_ZWOLLE);
        try (TopicProbe schoolsTopic = TopicProbe.onNewRecords(infrastructure, Topics.SCHOOLS)) {
            JsonNode first = importFile(file);

            assertThat(first.get("registered").asInt()).isEqualTo(393);
            assertThat(first.get("duplicatesInFile").asInt()).isEqualTo(3);
            assertThat(first.get("rejected")).isEmpty();
            var announced = schoolsTopic.awaitRecords(393, record -> true);
            Set<String> codes = new HashSet<>();
            announced.forEach(record -> codes.add(record.key()));
            assertThat(codes).hasSize(393);

            JsonNode second = importFile(file);

            assertThat(second.get("registered").asInt()).isZero();
            assertThat(second.get("updated").asInt()).isZero();
            assertThat(second.get("unchanged").asInt()).isEqualTo(393);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(schoolsTopic.seen()).hasSize(393));
        }
        assertThat(mongo.count(new Query(), "schools")).isEqualTo(393);
        assertThat(http.get().uri("/api/schools?limit=2000").retrieve().body(JsonNode.class))
                .as("the 16 municipalities of Regio Zwolle as CBS divides them, all in AM36").hasSize(393);
        JsonNode zwolle = http.get().uri("/api/schools?municipality=zwolle&limit=2000").retrieve()
                .body(JsonNode.class);
        assertThat(zwolle.size()).isBetween(80, 86);
    }

    @Test
    void badRowsAreReportedWithTheirPositionAndNothingOfThemIsStored() {
        String file = """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"vestigingscode":"99ZZ00","naam":"Goede School","type":"basisschool",
                  "gemeente":"KAMPEN","postcode":"8261AA","leerlingen":120},
                  "geometry":{"type":"Point","coordinates":[5.91,52.55]}},
                 {"type":"Feature","properties":{"vestigingscode":"99ZZ0","naam":"Korte Code","type":"basisschool",
                  "gemeente":"KAMPEN"},"geometry":{"type":"Point","coordinates":[5.91,52.55]}},
                 {"type":"Feature","properties":{"vestigingscode":"99ZZ01","naam":"Dansschool","type":"dansschool",
                  "gemeente":"KAMPEN"},"geometry":{"type":"Point","coordinates":[5.91,52.55]}},
                 {"type":"Feature","properties":{"vestigingscode":"99ZZ02","naam":"Zonder Plek","type":"VWO",
                  "gemeente":"KAMPEN"},"geometry":null}
                ]}""";

        JsonNode result = importFile(file.getBytes());

        assertThat(result.get("registered").asInt()).isEqualTo(1);
        assertThat(result.get("rejected").findValuesAsString("vestigingscode"))
                .containsExactly("99ZZ0", "99ZZ01", "99ZZ02");
        assertThat(result.get("rejected").findValues("feature")).extracting(JsonNode::asInt).containsExactly(2, 3, 4);
        assertThat(result.get("rejected").findValuesAsString("reason")).allSatisfy(reason ->
                assertThat(reason).isNotBlank());
        assertThat(mongo.find(Query.query(Criteria.where("_id").in("99ZZ01", "99ZZ02")), Document.class, "schools"))
                .isEmpty();
    }

    @Test
    void changedFactsAreAnnouncedAsSchoolUpdated(TestInfrastructure infrastructure) {
        try (TopicProbe schoolsTopic = TopicProbe.on(infrastructure, Topics.SCHOOLS)) {
            SchoolFixtures.registered(http, new SchoolFixtures.ASchool("98YY00", "De Wissel", "basisschool", "OMMEN",
                    "7731AA", 120, 6.42, 52.52));
            SchoolFixtures.registered(http, new SchoolFixtures.ASchool("98YY00", "De Wissel", "basisschool", "OMMEN",
                    "7731AA", 135, 6.42, 52.52));

            var updated = schoolsTopic.awaitRecord(record -> "98YY00".equals(record.key())
                    && "nl.instroom.needmap.SchoolUpdated.v1".equals(TopicProbe.header(record, "ce_type")));

            JsonNode data = JSON.readTree(new String(updated.value(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(data.get("pupils").asInt()).isEqualTo(135);
            assertThat(data.get("revision").asLong()).isEqualTo(2);
        }
    }

    @Test
    void aCoordinatorsImportTouchesNoSchoolOfAnotherRegionNorMovesOneIntoTheirs() {
        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        SchoolFixtures.registered(admin, SchoolFixtures.aSchoolOutsideTheRegion("13AC00"));
        Document before = schoolWithoutOutbox("13AC00");

        // the Amsterdam school renamed and moved to Zwolle, and a new school in Amsterdam, next to a Zwolle school
        JsonNode result = importFile(("{\"type\":\"FeatureCollection\",\"features\":["
                + SchoolFixtures.aSecondarySchoolInZwolle("13AC00").feature() + ","
                + SchoolFixtures.aSchoolOutsideTheRegion("13AD00").feature() + ","
                + SchoolFixtures.aSecondarySchoolInZwolle("21CN00").feature() + "]}").getBytes());

        assertThat(result.get("registered").asInt()).isEqualTo(1);
        assertThat(result.get("rejected").findValuesAsString("vestigingscode")).containsExactly("13AC00", "13AD00");
        assertThat(schoolWithoutOutbox("13AC00")).isEqualTo(before);
        assertThat(mongo.findById("13AD00", Document.class, "schools")).isNull();
        assertThat(mongo.findById("21CN00", Document.class, "schools")).isNotNull();
    }

    @Test
    void aFileThatIsNotGeoJsonIsAProblemAndChangesNothing() {
        long before = mongo.count(new Query(), "schools");

        var response = http.post().uri("/api/schools/import").contentType(MediaType.APPLICATION_JSON)
                .body("{\"type\":\"Nope\"}").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(mongo.count(new Query(), "schools")).isEqualTo(before);
    }

    // (Method names matter here: the Regio Zwolle test counts every school stored, and JUnit's default order runs it
    // before methods whose names hash higher, as these two do.)
    @Test
    void schoolHrSaysOnWhichDaysAndHowManyTutorsItHostsAndTheSchoolsNextEventCarriesIt(
            TestInfrastructure infrastructure) {
        SchoolFixtures.registered(http, SchoolFixtures.aSecondarySchoolInZwolle("97WD00"),
                SchoolFixtures.aSecondarySchoolInZwolle("97WD01"));
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr("97WD00"), port);
        RestClient otherSchoolsHr = ApiClient.as(TestTokens.instance().schoolHr("97WD01"), port);

        try (TopicProbe schoolsTopic = TopicProbe.on(infrastructure, Topics.SCHOOLS)) {
            var set = hostingOf(hr, "97WD00", "{\"weekdays\":[\"WEDNESDAY\",\"MONDAY\"],\"capacity\":1}");

            assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
            JsonNode view = JSON.readTree(set.getBody());
            assertThat(view.get("tutoringDays").valueStream().map(JsonNode::asString))
                    .containsExactly("MONDAY", "WEDNESDAY");
            assertThat(view.get("tutorCapacity").asInt()).isEqualTo(1);
            var updated = schoolsTopic.awaitRecord(record -> "97WD00".equals(record.key())
                    && "nl.instroom.needmap.SchoolUpdated.v1".equals(TopicProbe.header(record, "ce_type")));
            JsonNode data = JSON.readTree(new String(updated.value(), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(data.get("tutoringDays").valueStream().map(JsonNode::asString))
                    .containsExactly("MONDAY", "WEDNESDAY");
            assertThat(data.get("tutorCapacity").asInt()).isEqualTo(1);
        }
        assertThat(mongo.findAll(Document.class, AuditTrail.COLLECTION)).anySatisfy(entry -> {
            assertThat(entry.getString("action")).isEqualTo("SET_TUTORING_HOSTING");
            assertThat(entry.getString("subjectRef")).isEqualTo("97WD00");
        });

        SchoolFixtures.registered(http, SchoolFixtures.aSecondarySchoolInZwolle("97WD00"));
        JsonNode afterReimport = http.get().uri("/api/schools/97WD00").retrieve().body(JsonNode.class);
        assertThat(afterReimport.get("tutorCapacity").asInt()).as("DUO's data does not overwrite it").isEqualTo(1);
        assertThat(otherSchoolsHr.get().uri("/api/schools/97WD01").retrieve().body(JsonNode.class)
                .get("tutorCapacity").isNull()).as("a school that never said").isTrue();

        assertThat(hostingOf(otherSchoolsHr, "97WD00", "{\"weekdays\":[\"FRIDAY\"],\"capacity\":4}")
                .getStatusCode().value()).as("another school's HR").isEqualTo(404);
        var byCoordinator = hostingOf(http, "97WD00", "{\"weekdays\":[\"FRIDAY\"],\"capacity\":4}");
        assertThat(byCoordinator.getStatusCode().value()).as("the region's coordinator").isEqualTo(200);
        assertThat(JSON.readTree(byCoordinator.getBody()).get("tutorCapacity").asInt()).isEqualTo(4);
    }

    @Test
    void badTutoringDaysOrCapacityAreProblemsAndChangeNothing() {
        SchoolFixtures.registered(http, SchoolFixtures.aPrimarySchoolInKampen("97WD02"));
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr("97WD02"), port);
        Document before = schoolWithoutOutbox("97WD02");

        for (String bad : List.of("{\"weekdays\":[\"SATURDAY\"],\"capacity\":2}",
                "{\"weekdays\":[],\"capacity\":2}",
                "{\"weekdays\":[\"MONDAY\"],\"capacity\":0}",
                "{\"weekdays\":[\"MONDAY\"],\"capacity\":51}",
                "{\"weekdays\":[\"MONDAY\"]}",
                "{\"weekdays\":[\"FUNDAY\"],\"capacity\":2}",
                "{\"weekdays\":\"MONDAY\",\"capacity\":\"many\"}")) {
            var response = hostingOf(hr, "97WD02", bad);

            assertThat(response.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(response.getHeaders().getContentType().toString()).as(bad)
                    .startsWith("application/problem+json");
        }
        assertThat(hostingOf(hr, "97ZZ99", "{\"weekdays\":[\"MONDAY\"],\"capacity\":2}").getStatusCode().value())
                .as("a school that does not exist").isEqualTo(404);
        assertThat(schoolWithoutOutbox("97WD02")).isEqualTo(before);
    }

    private static org.springframework.http.ResponseEntity<String> hostingOf(RestClient client, String school,
            String body) {
        return client.put().uri("/api/schools/{code}/tutoring-hosting", school).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().toEntity(String.class);
    }

    private JsonNode importFile(byte[] file) {
        var response = http.post().uri("/api/schools/import").contentType(MediaType.valueOf("application/geo+json"))
                .body(file).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    /** The school as stored, without its pending events: the relay publishes them meanwhile, which is no change. */
    private Document schoolWithoutOutbox(String code) {
        Document school = mongo.findById(code, Document.class, "schools");
        if (school != null) {
            school.remove("outbox");
        }
        return school;
    }
}
