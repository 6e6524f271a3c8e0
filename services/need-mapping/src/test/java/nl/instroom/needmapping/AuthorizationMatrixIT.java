package nl.instroom.needmapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.security.AuthorizationMatrixContract;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The matrix and the scope of need-mapping. Outside the test tokens' Regio Zwolle: a secondary school in Almere
 * (Flevoland, AM11) with an open maths vacancy its coordinator reported, and lesson hours it cannot fill.
 */
class AuthorizationMatrixIT extends AuthorizationMatrixContract {

    static final String FLEVOLAND = "AM11";
    static final String ALMERE_SCHOOL = "51FL00";
    static final String ALMERE_SCHOOL_NAME = "Zuiderzee College Almere";

    @Autowired
    MongoTemplate mongo;

    @Override
    protected AnotherScope anotherScope() {
        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        RestClient flevolandCoordinator = ApiClient.as(TestTokens.instance().token("coordinator-flevoland",
                List.of("COORDINATOR"), FLEVOLAND, null), port);
        assertThat(admin.post().uri("/api/schools/import").contentType(MediaType.APPLICATION_JSON)
                .body(schoolFile(ALMERE_SCHOOL, ALMERE_SCHOOL_NAME, 1100)).retrieve().body(JsonNode.class)
                .get("registered").asInt()).isEqualTo(1);
        assertThat(admin.get().uri("/api/schools/{code}", ALMERE_SCHOOL).retrieve().body(JsonNode.class)
                .get("region").asString()).isEqualTo(FLEVOLAND);
        String vacancy = flevolandCoordinator.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"schoolCode":"%s","subject":"wiskunde","fte":1.0,"hoursPerWeek":40,
                         "startDate":"2027-02-01","urgency":"HIGH"}""".formatted(ALMERE_SCHOOL))
                .retrieve().body(JsonNode.class).get("id").asString();
        assertThat(flevolandCoordinator.put().uri("/api/schools/{code}/unfilled-lessons", ALMERE_SCHOOL)
                .contentType(MediaType.APPLICATION_JSON).body("{\"hoursPerWeek\":24}").retrieve()
                .toBodilessEntity().getStatusCode().is2xxSuccessful()).isTrue();

        return new AnotherScope(FLEVOLAND, ALMERE_SCHOOL, Set.of(ALMERE_SCHOOL, ALMERE_SCHOOL_NAME, vacancy),
                Map.of("{id}", vacancy, "/api/regions/{code}", "/api/regions/" + FLEVOLAND,
                        "/api/municipalities/{code}", "/api/municipalities/GM0034"),
                Map.of("POST /api/vacancies", Body.json("""
                                {"schoolCode":"%s","subject":"duits","fte":0.5,"hoursPerWeek":20,
                                 "startDate":"2027-03-01","urgency":"LOW"}""".formatted(ALMERE_SCHOOL)),
                        "POST /api/vacancies/import", new Body(MediaType.parseMediaType("text/csv"),
                                "schoolCode,subject,fte,hoursPerWeek,startDate,urgency\n" + ALMERE_SCHOOL
                                        + ",frans,0.4,16,2027-03-01,LOW\n"),
                        "POST /api/vacancies/{id}/withdraw", Body.json("{\"reasonCode\":\"BUDGET\"}"),
                        "PUT /api/schools/{code}/unfilled-lessons", Body.json("{\"hoursPerWeek\":2}"),
                        "PUT /api/schools/{code}/tutoring-hosting",
                        Body.json("{\"weekdays\":[\"MONDAY\"],\"capacity\":2}"),
                        "POST /api/schools/import", Body.json(schoolFile(ALMERE_SCHOOL, "Overgenomen School", 5))),
                () -> admin.get().uri("/api/schools/{code}", ALMERE_SCHOOL).retrieve().body(String.class)
                        + admin.get().uri("/api/vacancies?schoolCode={code}", ALMERE_SCHOOL).retrieve()
                        .body(String.class)
                        + mongo.findById(ALMERE_SCHOOL, Document.class, "unfilled_lessons").get("hoursPerWeek"));
    }

    /**
     * The vacancy history is scoped like the other reads: a region's counts only its own schools' vacancies, another
     * region (named) and another region's school are not found, country-wide roles name the region. Seven months
     * back is this test's month: no other test dates a vacancy there.
     */
    @org.junit.jupiter.api.Test
    void aRegionsVacancyHistoryCountsOnlyItsOwnSchoolsAndOtherRegionsAreNotFound() {
        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        RestClient flevolandCoordinator = ApiClient.as(TestTokens.instance().token("coordinator-flevoland",
                List.of("COORDINATOR"), FLEVOLAND, null), port);
        RestClient zwolleCoordinator = ApiClient.as(TestTokens.instance().coordinator(), port);
        admin.post().uri("/api/schools/import").contentType(MediaType.APPLICATION_JSON)
                .body(schoolFile("52FL00", "Havo Almere Haven", 800)).retrieve().toBodilessEntity();
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(7);
        var opened = flevolandCoordinator.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"schoolCode":"52FL00","subject":"biologie","fte":0.5,"hoursPerWeek":20,
                         "startDate":"2027-02-01","urgency":"NORMAL","openedOn":"%s"}""".formatted(month.atDay(2)))
                .retrieve().toEntity(String.class);
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);

        assertThat(openedIn(flevolandCoordinator.get().uri("/api/vacancies/history/region").retrieve()
                .body(JsonNode.class), month)).isEqualTo(1);
        assertThat(openedIn(ApiClient.as(TestTokens.instance().nationalViewer(), port).get()
                .uri("/api/vacancies/history/region?region={r}", FLEVOLAND).retrieve().body(JsonNode.class), month))
                .isEqualTo(1);
        assertThat(openedIn(zwolleCoordinator.get().uri("/api/vacancies/history/region").retrieve()
                .body(JsonNode.class), month)).isZero();
        assertThat(zwolleCoordinator.get().uri("/api/vacancies/history/region?region={r}", FLEVOLAND).retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(zwolleCoordinator.get().uri("/api/vacancies/history/schools/{code}", "52FL00").retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(admin.get().uri("/api/vacancies/history/region").retrieve().toEntity(String.class)
                .getStatusCode().value()).as("a country-wide caller names the region").isEqualTo(400);
    }

    private static int openedIn(JsonNode history, java.time.YearMonth month) {
        for (JsonNode m : history.get("months")) {
            if (m.get("month").asString().equals(month.toString())) {
                return m.get("opened").asInt();
            }
        }
        throw new AssertionError("no month " + month + " in " + history);
    }

    /** A school location as DUO's file has it, placed in Almere (GM0034) by its municipality's code. */
    private static String schoolFile(String code, String name, int pupils) {
        return """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"vestigingscode":"%s","naam":"%s","type":"HAVO/VWO",
                  "gemeente":"ALMERE","gemeentecode":"GM0034","postcode":"1315AA","leerlingen":%d},
                  "geometry":{"type":"Point","coordinates":[5.22,52.37]}}]}""".formatted(code, name, pupils);
    }
}
