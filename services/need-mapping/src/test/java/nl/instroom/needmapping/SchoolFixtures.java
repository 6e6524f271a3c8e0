package nl.instroom.needmapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Schools for tests, registered through the real import as a coordinator would. */
public final class SchoolFixtures {

    /**
     * A school location: code, name, DUO type, municipality (DUO's name), postcode, pupils, longitude, latitude. Like
     * DUO's file it has no municipality code: the import finds it by the postcode area.
     */
    public record ASchool(String code, String name, String type, String municipality, String postcode, int pupils,
            double longitude, double latitude) {

        public String feature() {
            return """
                    {"type":"Feature","properties":{"vestigingscode":"%s","naam":"%s","type":"%s","gemeente":"%s",
                     "postcode":"%s","leerlingen":%d},"geometry":{"type":"Point","coordinates":[%s,%s]}}"""
                    .formatted(code, name, type, municipality, postcode, pupils, longitude, latitude);
        }
    }

    /** In Zwolle (GM0193), Regio Zwolle (AM36). */
    public static ASchool aSecondarySchoolInZwolle(String code) {
        return new ASchool(code, "Lyceum " + code, "HAVO/VWO", "ZWOLLE", "8011AA", 900, 6.09, 52.51);
    }

    /** In Kampen (GM0166), Regio Zwolle (AM36). */
    public static ASchool aPrimarySchoolInKampen(String code) {
        return new ASchool(code, "Basisschool " + code, "basisschool", "KAMPEN", "8261AA", 250, 5.91, 52.55);
    }

    /** In Amsterdam (GM0363), Groot Amsterdam (AM18): outside the test tokens' region. */
    public static ASchool aSchoolOutsideTheRegion(String code) {
        return new ASchool(code, "Stadsschool " + code, "VWO", "AMSTERDAM", "1012AB", 700, 4.90, 52.37);
    }

    /** Imports the schools (an upsert: importing them again is harmless). */
    public static void registered(RestClient http, ASchool... schools) {
        String file = "{\"type\":\"FeatureCollection\",\"features\":["
                + Arrays.stream(schools).map(ASchool::feature).collect(Collectors.joining(",")) + "]}";
        var response = http.post().uri("/api/schools/import").contentType(MediaType.APPLICATION_JSON).body(file)
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
    }

    private SchoolFixtures() {
    }
}
