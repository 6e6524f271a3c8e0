package nl.instroom.needmapping.vacancy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import nl.instroom.needmapping.SchoolFixtures;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
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
 * A school's existing vacancy records entered with the days they opened and closed — through the API and a CSV
 * import — and the history read month by month, for the school and for its region. Days out of bounds are refused
 * as problems and store nothing. (The months 2 to 5 back are this test's: the other tests open and close today.)
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VacancyHistoryIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHOOL = "31HX00";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void pastDaysAreKeptAndTheHistoryShowsThemMonthByMonthForTheSchoolAndItsRegion() {
        RestClient coordinator = ApiClient.as(TestTokens.instance().coordinator(), port);
        SchoolFixtures.registered(coordinator, SchoolFixtures.aSecondarySchoolInZwolle(SCHOOL));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        YearMonth now = YearMonth.from(today);
        LocalDate openedA = now.minusMonths(5).atDay(3);
        LocalDate filledA = now.minusMonths(3).atDay(10);

        String a = open(coordinator, openedA.toString()).get("id").asString();
        String b = open(coordinator, now.minusMonths(5).atDay(20).toString()).get("id").asString();
        JsonNode filled = post(coordinator, "/api/vacancies/" + a + "/fill", "{\"filledOn\":\"" + filledA + "\"}", 200);
        assertThat(filled.get("closedOn").asString()).isEqualTo(filledA.toString());
        post(coordinator, "/api/vacancies/" + b + "/withdraw",
                "{\"reasonCode\":\"BUDGET\",\"withdrawnOn\":\"" + now.minusMonths(4).atDay(1) + "\"}", 200);

        // Refused, and nothing stored or changed: an opening tomorrow or 25 months back, a fill before the opening.
        long before = mongo.getCollection("vacancies").countDocuments();
        problem(coordinator, "/api/vacancies", body(today.plusDays(1).toString()), "future");
        problem(coordinator, "/api/vacancies", body(today.minusMonths(25).toString()), "24 months");
        String c = open(coordinator, null).get("id").asString();
        problem(coordinator, "/api/vacancies/" + c + "/fill", "{\"filledOn\":\"" + today.minusDays(1) + "\"}",
                "before the vacancy opened");
        problem(coordinator, "/api/vacancies/" + c + "/fill", "{\"filledOn\":\"" + today.plusDays(1) + "\"}",
                "future");
        assertThat(mongo.getCollection("vacancies").countDocuments()).isEqualTo(before + 1);
        assertThat(coordinator.get().uri("/api/vacancies/{id}", c).retrieve().body(JsonNode.class)
                .get("status").asString()).isEqualTo("OPEN");
        // A fill without a body is today's, as before.
        assertThat(coordinator.post().uri("/api/vacancies/{id}/fill", c).retrieve().body(JsonNode.class)
                .get("closedOn").asString()).isEqualTo(today.toString());

        // The CSV: the optional column, an empty cell (today), and rows whose days the domain refuses.
        JsonNode imported = coordinator.post().uri("/api/vacancies/import")
                .contentType(MediaType.parseMediaType("text/csv")).body("""
                        schoolCode,subject,fte,hoursPerWeek,startDate,urgency,openedOn
                        %s,frans,0.6,24,2027-02-01,HIGH,%s
                        %s,duits,0.4,16,2027-02-01,LOW,
                        %s,engels,0.4,16,2027-02-01,LOW,%s
                        %s,engels,0.4,16,2027-02-01,LOW,gisteren
                        """.formatted(SCHOOL, now.minusMonths(2).atDay(5), SCHOOL, SCHOOL, today.plusDays(3),
                        SCHOOL)).retrieve().body(JsonNode.class);
        assertThat(imported.get("opened")).hasSize(2);
        assertThat(imported.get("rejected").findValues("line")).extracting(JsonNode::asInt).containsExactly(4, 5);
        assertThat(imported.get("rejected").get(0).get("reason").asString()).contains("future");
        JsonNode csvOpened = coordinator.get().uri("/api/vacancies/{id}", imported.get("opened").get(0).asString())
                .retrieve().body(JsonNode.class);
        assertThat(csvOpened.get("openedOn").asString()).isEqualTo(now.minusMonths(2).atDay(5).toString());

        JsonNode school = coordinator.get().uri("/api/vacancies/history/schools/{code}", SCHOOL).retrieve()
                .body(JsonNode.class);
        assertThat(school.get("schoolCode").asString()).isEqualTo(SCHOOL);
        assertThat(school.get("complete").asBoolean()).isTrue();
        assertThat(school.get("months")).hasSize(12);
        assertThat(school.get("months").get(11).get("month").asString()).isEqualTo(now.toString());
        long daysToFill = ChronoUnit.DAYS.between(openedA, filledA);
        assertMonth(school, now.minusMonths(6), 0, 0, 0, 0, null);
        assertMonth(school, now.minusMonths(5), 2, 0, 0, 2, null);
        assertMonth(school, now.minusMonths(4), 0, 0, 1, 1, null);
        assertMonth(school, now.minusMonths(3), 0, 1, 0, 0, (double) daysToFill);
        assertMonth(school, now.minusMonths(2), 1, 0, 0, 1, null);
        // This month: c opened and filled today, and the CSV's row without a day; open now: it and the frans one.
        assertMonth(school, now, 2, 1, 0, 2, 0.0);

        // The region: the past months hold this school's records (the other tests' vacancies are of today).
        JsonNode region = coordinator.get().uri("/api/vacancies/history/region").retrieve().body(JsonNode.class);
        assertThat(region.get("region").asString()).isEqualTo(TestTokens.REGION);
        assertMonth(region, now.minusMonths(5), 2, 0, 0, 2, null);
        assertMonth(region, now.minusMonths(3), 0, 1, 0, 0, (double) daysToFill);

        // School HR reads its own school's history only.
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr("21CM00"), port);
        assertThat(hr.get().uri("/api/vacancies/history/schools/{code}", SCHOOL).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
        RestClient ownHr = ApiClient.as(TestTokens.instance().schoolHr(SCHOOL), port);
        assertMonth(ownHr.get().uri("/api/vacancies/history/schools/{code}", SCHOOL).retrieve().body(JsonNode.class),
                now.minusMonths(4), 0, 0, 1, 1, null);
    }

    private static void assertMonth(JsonNode history, YearMonth month, int opened, int filled, int withdrawn,
            int openAtEnd, Double medianDaysToFill) {
        JsonNode found = null;
        for (JsonNode m : history.get("months")) {
            if (m.get("month").asString().equals(month.toString())) {
                found = m;
            }
        }
        assertThat(found).as("month " + month + " in " + history).isNotNull();
        assertThat(found.get("opened").asInt()).as(month + " opened").isEqualTo(opened);
        assertThat(found.get("filled").asInt()).as(month + " filled").isEqualTo(filled);
        assertThat(found.get("withdrawn").asInt()).as(month + " withdrawn").isEqualTo(withdrawn);
        assertThat(found.get("openAtEnd").asInt()).as(month + " open at end").isEqualTo(openAtEnd);
        if (medianDaysToFill == null) {
            assertThat(found.path("medianDaysToFill").isNumber()).as(month + " median").isFalse();
        } else {
            assertThat(found.get("medianDaysToFill").asDouble()).as(month + " median").isEqualTo(medianDaysToFill);
        }
    }

    private static String body(String openedOn) {
        return """
                {"schoolCode":"%s","subject":"natuurkunde","fte":0.8,"hoursPerWeek":32,"startDate":"2027-01-01",
                 "urgency":"NORMAL"%s}""".formatted(SCHOOL, openedOn == null ? "" : ",\"openedOn\":\"" + openedOn
                + "\"");
    }

    private static JsonNode open(RestClient http, String openedOn) {
        JsonNode created = post(http, "/api/vacancies", body(openedOn), 201);
        assertThat(created.get("openedOn").asString())
                .isEqualTo(openedOn == null ? LocalDate.now(ZoneOffset.UTC).toString() : openedOn);
        return created;
    }

    private static JsonNode post(RestClient http, String path, String body, int status) {
        ResponseEntity<String> answer = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        return JSON.readTree(answer.getBody());
    }

    private static void problem(RestClient http, String path, String body, String saying) {
        ResponseEntity<String> answer = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(answer.getBody()).contains(saying);
    }
}
