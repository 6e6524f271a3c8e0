package nl.instroom.needmapping.vacancy.web;

import static nl.instroom.testing.TopicProbe.header;
import static nl.instroom.testing.TopicProbe.withKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.instroom.events.Topics;
import nl.instroom.needmapping.SchoolFixtures;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A vacancy opened through the API is on needmap.vacancies.v1 as a CloudEvent; bad input stores nothing. */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VacancyPublishingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestClient http;

    @BeforeEach
    void client() {
        http = ApiClient.as(TestTokens.instance().coordinator(), port);
        SchoolFixtures.registered(http, SchoolFixtures.aSecondarySchoolInZwolle("21CM00"),
                SchoolFixtures.aPrimarySchoolInKampen("05QY01"));
        // a coordinator's import may not touch another region's schools; an admin's may
        SchoolFixtures.registered(ApiClient.as(TestTokens.instance().admin(), port),
                SchoolFixtures.aSchoolOutsideTheRegion("13AB00"));
    }

    @Test
    void openingAVacancyPublishesVacancyOpenedAsACloudEvent(TestInfrastructure infrastructure) {
        try (TopicProbe vacanciesTopic = TopicProbe.on(infrastructure, Topics.VACANCIES)) {
            JsonNode created = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"schoolCode":"21CM00","subject":"wiskunde","fte":0.8,"hoursPerWeek":32,
                             "startDate":"2027-01-01","urgency":"HIGH"}""")
                    .retrieve().body(JsonNode.class);
            String vacancyId = created.get("id").asString();

            var record = vacanciesTopic.awaitRecord(withKey(vacancyId));

            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_type")).isEqualTo("nl.instroom.needmap.VacancyOpened.v1");
            assertThat(header(record, "ce_source")).isEqualTo("need-mapping");
            assertThat(header(record, "ce_subject")).isEqualTo(vacancyId);
            assertThat(header(record, "ce_id")).matches("[0-9a-f-]{36}");
            assertThat(header(record, "ce_time")).isNotBlank();
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            JsonNode data = JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
            assertThat(data.get("schoolCode").asString()).isEqualTo("21CM00");
            assertThat(data.get("subject").asString()).isEqualTo("wiskunde");
            assertThat(data.get("revision").asLong()).isEqualTo(1);
        }
    }

    @Test
    void theEventCarriesTheTraceOfTheRequestThatCausedIt(TestInfrastructure infrastructure) {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (TopicProbe vacanciesTopic = TopicProbe.on(infrastructure, Topics.VACANCIES)) {
            String vacancyId = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .body("""
                            {"schoolCode":"21CM00","subject":"engels","fte":0.4,"hoursPerWeek":16,
                             "startDate":"2027-01-01","urgency":"LOW"}""")
                    .retrieve().body(JsonNode.class).get("id").asString();

            var record = vacanciesTopic.awaitRecord(withKey(vacancyId));

            assertThat(header(record, "traceparent")).startsWith("00-" + traceId + "-");
        }
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        String huge = "{\"subject\":\"" + "x".repeat(300 * 1024) + "\"}";

        var response = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON).body(huge)
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    @Test
    void theOutboxIsEmptiedOnceTheBrokerAcknowledged(TestInfrastructure infrastructure) {
        try (TopicProbe vacanciesTopic = TopicProbe.on(infrastructure, Topics.VACANCIES)) {
            String vacancyId = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"schoolCode":"05QY01","subject":"duits","fte":1.0,"hoursPerWeek":40,
                             "startDate":"2027-02-01","urgency":"NORMAL"}""")
                    .retrieve().body(JsonNode.class).get("id").asString();
            http.post().uri("/api/vacancies/{id}/fill", vacancyId).retrieve().toBodilessEntity();

            var records = vacanciesTopic.awaitRecords(2, withKey(vacancyId));

            assertThat(records).extracting(record -> header(record, "ce_type")).containsExactly(
                    "nl.instroom.needmap.VacancyOpened.v1", "nl.instroom.needmap.VacancyFilled.v1");
            org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(
                    mongo.findById(vacancyId, Map.class, "vacancies").get("outbox")).asList().isEmpty());
        }
    }

    @Test
    void invalidInputIsAProblemListingEachFieldAndStoresNothing() {
        long before = mongo.getCollection("vacancies").countDocuments();

        var response = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"schoolCode":"nope","subject":"","fte":3,"hoursPerWeek":32,"startDate":"2027-01-01",
                         "urgency":"HIGH"}""")
                .retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("schoolCode", "subject", "fte");
        assertThat(mongo.getCollection("vacancies").countDocuments()).isEqualTo(before);
    }

    @Test
    void schoolHrSeesAndChangesOnlyItsOwnSchoolsVacancies() {
        String otherSchoolsVacancy = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"schoolCode":"21CM00","subject":"wiskunde","fte":0.8,"hoursPerWeek":32,
                         "startDate":"2027-01-01","urgency":"HIGH"}""")
                .retrieve().body(JsonNode.class).get("id").asString();
        String hrOfAnotherSchool = "Bearer " + TestTokens.instance().schoolHr("05QY01");

        var read = http.get().uri("/api/vacancies/{id}", otherSchoolsVacancy)
                .header("Authorization", hrOfAnotherSchool).retrieve().toEntity(String.class);
        var fill = http.post().uri("/api/vacancies/{id}/fill", otherSchoolsVacancy)
                .header("Authorization", hrOfAnotherSchool).retrieve().toEntity(String.class);
        var openElsewhere = http.post().uri("/api/vacancies").header("Authorization", hrOfAnotherSchool)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"schoolCode":"21CM00","subject":"duits","fte":0.5,"hoursPerWeek":20,
                         "startDate":"2027-01-01","urgency":"LOW"}""").retrieve().toEntity(String.class);
        var ownSchool = http.get().uri("/api/vacancies/{id}", otherSchoolsVacancy)
                .header("Authorization", "Bearer " + TestTokens.instance().schoolHr("21CM00"))
                .retrieve().toEntity(String.class);

        assertThat(read.getStatusCode().value()).isEqualTo(404);
        assertThat(fill.getStatusCode().value()).isEqualTo(404);
        assertThat(openElsewhere.getStatusCode().value()).isEqualTo(404);
        assertThat(ownSchool.getStatusCode().value()).isEqualTo(200);
        assertThat(http.get().uri("/api/vacancies/{id}", otherSchoolsVacancy).retrieve().body(JsonNode.class)
                .get("status").asString()).as("the refused fill changed nothing").isEqualTo("OPEN");
    }

    @Test
    void withdrawingPublishesVacancyWithdrawnAndTheSchoolsHistoryShowsIt(TestInfrastructure infrastructure) {
        try (TopicProbe vacanciesTopic = TopicProbe.on(infrastructure, Topics.VACANCIES)) {
            String vacancyId = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"schoolCode":"05QY01","subject":"groepsleerkracht","fte":1.0,"hoursPerWeek":40,
                             "startDate":"2027-02-01","urgency":"HIGH"}""")
                    .retrieve().body(JsonNode.class).get("id").asString();

            var withdrawn = http.post().uri("/api/vacancies/{id}/withdraw", vacancyId)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"reasonCode\":\"INTERNAL_MOVE\"}")
                    .retrieve().toEntity(String.class);

            assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
            var record = vacanciesTopic.awaitRecord(r -> vacancyId.equals(r.key())
                    && "nl.instroom.needmap.VacancyWithdrawn.v1".equals(header(r, "ce_type")));
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"reasonCode\":\"INTERNAL_MOVE\"");
            JsonNode history = http.get().uri("/api/vacancies?schoolCode=05QY01").retrieve().body(JsonNode.class);
            assertThat(history.findValuesAsString("status")).contains("WITHDRAWN");
        }
    }

    @Test
    void aVacancyNeedsARegisteredSchoolInTheCallersRegion() {
        String unknown = """
                {"schoolCode":"77ZZ00","subject":"wiskunde","fte":0.8,"hoursPerWeek":32,
                 "startDate":"2027-01-01","urgency":"HIGH"}""";
        String otherRegion = unknown.replace("77ZZ00", "13AB00");

        assertThat(http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON).body(unknown)
                .retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON).body(otherRegion)
                .retrieve().toEntity(String.class).getStatusCode().value())
                .as("a Regio Zwolle coordinator at an Amsterdam school").isEqualTo(404);
    }

    @Test
    void aCsvExportOpensItsGoodRowsAndReportsTheBadOnesByLine() {
        long before = mongo.getCollection("vacancies").countDocuments();
        String csv = """
                vestigingscode;vak;fte;uren;startdatum;urgentie
                21CM00;wiskunde;0,8;32;2027-01-01;hoog
                21CM00;duits;7;32;2027-01-01;hoog
                77ZZ00;natuurkunde;1,0;40;2027-01-01;normaal
                05QY01;groepsleerkracht;1,0;40;1 februari;kritiek
                05QY01;groepsleerkracht;1,0;40;2027-02-01;kritiek
                """;

        var response = http.post().uri("/api/vacancies/import").contentType(MediaType.valueOf("text/csv"))
                .body(csv).retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.getBody());
        assertThat(result.get("opened")).hasSize(2);
        assertThat(result.get("rejected").findValues("line")).extracting(JsonNode::asInt).containsExactly(3, 4, 5);
        assertThat(result.get("rejected").get(0).get("reason").asString()).contains("FTE");
        assertThat(mongo.getCollection("vacancies").countDocuments()).isEqualTo(before + 2);
    }

    @Test
    void malformedJsonAndUnknownEnumValuesAreProblemsToo() {
        var malformed = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("{\"schoolCode\": ").retrieve().toEntity(String.class);
        var unknownUrgency = http.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"schoolCode":"21CM00","subject":"wiskunde","fte":0.8,"hoursPerWeek":32,
                         "startDate":"2027-01-01","urgency":"YESTERDAY"}""")
                .retrieve().toEntity(String.class);
        var unknownId = http.get().uri("/api/vacancies/does-not-exist").retrieve().toEntity(String.class);

        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("Malformed request body");
        assertThat(unknownUrgency.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownId.getStatusCode().value()).isEqualTo(404);
        assertThat(unknownId.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
}
