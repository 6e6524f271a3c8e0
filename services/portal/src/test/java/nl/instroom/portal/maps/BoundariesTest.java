package nl.instroom.portal.maps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portal's copy of CBS's boundaries, put together per region by CBS's table of municipalities. */
class BoundariesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Boundaries boundaries = new Boundaries();

    @Test
    void aRegionIsItsOutlineFollowedByExactlyItsMunicipalities() {
        JsonNode zwolle = JSON.readTree(boundaries.region("AM36").orElseThrow());

        List<String> kinds = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        zwolle.get("features").forEach(feature -> {
            kinds.add(feature.get("properties").get("kind").asString());
            codes.add(feature.get("properties").get("statcode").asString());
        });
        assertThat(zwolle.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(kinds.get(0)).isEqualTo("region");
        assertThat(codes.get(0)).isEqualTo("AM36");
        assertThat(kinds.subList(1, kinds.size())).hasSize(16).containsOnly("municipality");
        // CBS's 2025 division: Elburg, Nunspeet and Olst-Wijhe belong to Regio Zwolle, Heerde (GM0246) does not
        assertThat(codes.subList(1, codes.size())).contains("GM0193", "GM0230", "GM0302", "GM1773", "GM0119")
                .doesNotContain("GM0246", "GM0014");
        zwolle.get("features").forEach(feature -> assertThat(feature.get("geometry").get("type").asString())
                .isIn("Polygon", "MultiPolygon"));
    }

    @Test
    void everyMunicipalityIsOnItsRegionsMapAndOnNoOther() {
        JsonNode all = JSON.readTree(boundaries.regions());
        List<String> municipalities = new ArrayList<>();
        all.get("features").forEach(region -> JSON.readTree(boundaries.region(
                region.get("properties").get("statcode").asString()).orElseThrow()).get("features")
                .forEach(feature -> {
                    if (feature.get("properties").get("kind").asString().equals("municipality")) {
                        municipalities.add(feature.get("properties").get("statcode").asString());
                    }
                }));

        assertThat(all.get("features")).hasSize(35);
        assertThat(municipalities).hasSize(342).doesNotHaveDuplicates();
    }

    @Test
    void aRegionIsPutTogetherOnceAndAnUnknownCodeIsNoRegion() {
        assertThat(boundaries.region("AM36").orElseThrow()).isSameAs(boundaries.region("AM36").orElseThrow());
        assertThat(boundaries.region("AM99")).isEmpty();
        assertThat(boundaries.region("GM0193")).isEmpty();
    }
}
