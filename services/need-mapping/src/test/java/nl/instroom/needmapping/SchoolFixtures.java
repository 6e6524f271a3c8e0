package nl.instroom.needmapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Schools for tests, registered through the real import as a coordinator would. */
public final class SchoolFixtures {

    /** A school location: code, name, DUO type, municipality, pupils, longitude, latitude. */
    public record ASchool(String code, String name, String type, String municipality, int pupils, double longitude,
            double latitude) {

        String feature() {
            return """
                    {"type":"Feature","properties":{"vestigingscode":"%s","naam":"%s","type":"%s","gemeente":"%s",
                     "postcode":"8011AA","leerlingen":%d},"geometry":{"type":"Point","coordinates":[%s,%s]}}"""
                    .formatted(code, name, type, municipality, pupils, longitude, latitude);
        }
    }

    public static ASchool aSecondarySchoolInZwolle(String code) {
        return new ASchool(code, "Lyceum " + code, "HAVO/VWO", "ZWOLLE", 900, 6.09, 52.51);
    }

    public static ASchool aPrimarySchoolInKampen(String code) {
        return new ASchool(code, "Basisschool " + code, "basisschool", "KAMPEN", 250, 5.91, 52.55);
    }

    public static ASchool aSchoolOutsideTheRegion(String code) {
        return new ASchool(code, "Stadsschool " + code, "VWO", "AMSTERDAM", 700, 4.90, 52.37);
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
