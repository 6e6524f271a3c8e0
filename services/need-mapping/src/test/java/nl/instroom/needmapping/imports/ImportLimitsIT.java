package nl.instroom.needmapping.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.instroom.needmapping.SchoolFixtures;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Every import endpoint refuses, as a whole and with a problem document, a file with an over-long field or more rows
 * than it takes — and stores nothing of it, though its other rows are good. (Limits lowered to three rows here.)
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.mongodb.database=needmapping-import-limits", "instroom.need.vacancy-import.max-rows=3",
        "instroom.need.school-import.max-features=3"})
class ImportLimitsIT {

    private static final String HEADER = "vestigingscode;vak;fte;uren;startdatum;urgentie\n";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestClient http;

    @BeforeEach
    void client() {
        http = ApiClient.as(TestTokens.instance().coordinator(), port);
        SchoolFixtures.registered(http, SchoolFixtures.aSecondarySchoolInZwolle("31AA00"));
    }

    private ResponseEntity<String> csv(String body) {
        return http.post().uri("/api/vacancies/import").contentType(MediaType.valueOf("text/csv")).body(body)
                .retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> geoJson(String... features) {
        return http.post().uri("/api/schools/import").contentType(MediaType.valueOf("application/geo+json"))
                .body("{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}")
                .retrieve().toEntity(String.class);
    }

    private static String vacancy(String subject) {
        return "31AA00;" + subject + ";1,0;40;2027-01-01;hoog\n";
    }

    private static String school(String code, String municipality) {
        return """
                {"type":"Feature","properties":{"vestigingscode":"%s","naam":"Lyceum","type":"HAVO/VWO",
                 "gemeente":"%s","postcode":"8011AA","leerlingen":900},
                 "geometry":{"type":"Point","coordinates":[6.09,52.51]}}""".formatted(code, municipality);
    }

    private static void refusedWith(ResponseEntity<String> response, int status, String detail) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains(detail);
    }

    @Test
    void aCsvWithAnOverLongFieldOrTooManyRowsIsRefusedAndOpensNothing() {
        long before = mongo.getCollection("vacancies").countDocuments();

        refusedWith(csv(HEADER + vacancy("wiskunde") + vacancy("x".repeat(121))), 413, "longer than 120");
        refusedWith(csv(HEADER + IntStream.range(0, 4).mapToObj(i -> vacancy("wiskunde"))
                .collect(Collectors.joining())), 413, "at most 3 rows");

        assertThat(mongo.getCollection("vacancies").countDocuments()).isEqualTo(before);
        assertThat(csv(HEADER + vacancy("wiskunde")).getStatusCode().value()).as("within the limits")
                .isEqualTo(200);
        assertThat(mongo.getCollection("vacancies").countDocuments()).isEqualTo(before + 1);
    }

    @Test
    void aGeoJsonWithAnOverLongPropertyTooManyFeaturesOrAHugeTextIsRefusedAndRegistersNothing() {
        long before = mongo.getCollection("schools").countDocuments();

        refusedWith(geoJson(school("31AB00", "ZWOLLE"), school("31AB01", "Z".repeat(61))), 413,
                "'gemeente' is longer than 60");
        refusedWith(geoJson(school("31AB00", "ZWOLLE"), school("31AB01", "ZWOLLE"), school("31AB02", "ZWOLLE"),
                school("31AB03", "ZWOLLE")), 413, "at most 3 features");
        refusedWith(geoJson(school("31AB00", "ZWOLLE").replace("\"Point\"", "\"" + "P".repeat(50_000) + "\"")),
                413, "longer than 1000");
        refusedWith(geoJson("[" .repeat(100) + "]".repeat(100)), 413, "nests too deep");

        assertThat(mongo.getCollection("schools").countDocuments()).isEqualTo(before);
        assertThat(geoJson(school("31AB00", "ZWOLLE")).getStatusCode().value()).as("within the limits")
                .isEqualTo(200);
        assertThat(mongo.getCollection("schools").countDocuments()).isEqualTo(before + 1);
    }
}
