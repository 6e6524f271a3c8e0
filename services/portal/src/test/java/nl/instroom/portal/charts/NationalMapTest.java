package nl.instroom.portal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NationalMapTest {

    private static final NationalMap.Outline WEST = square("AM01", "West", 4.0, 52.0);
    private static final NationalMap.Outline EAST = square("AM02", "East", 6.0, 52.0);
    private static final NationalMap.Outline NORTH = square("AM03", "North", 5.0, 53.0);

    @Test
    void regionsAreColouredRelativeToTheHighestAndOneWithoutNeedHasNoColourOfNeed() {
        List<NationalMap.Area> areas = NationalMap.draw(List.of(WEST, EAST, NORTH),
                Map.of("AM01", 3.0, "AM02", 1.5, "AM03", 0.0), null);

        assertThat(areas).extracting(NationalMap.Area::code, NationalMap.Area::band)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AM01", "high"),
                        org.assertj.core.groups.Tuple.tuple("AM02", "medium"),
                        org.assertj.core.groups.Tuple.tuple("AM03", "none"));
        assertThat(NationalMap.band(0.9, 3.0)).isEqualTo("low");
        assertThat(NationalMap.band(0, 0)).as("no region has need").isEqualTo("none");
    }

    @Test
    void everyPointLiesInsideTheDrawingNorthUpAndTheReadersRegionIsDrawnLast() {
        List<NationalMap.Area> areas = NationalMap.draw(List.of(WEST, EAST, NORTH), Map.of(), "AM01");

        assertThat(areas.get(areas.size() - 1).code()).isEqualTo("AM01");
        assertThat(areas.get(areas.size() - 1).yours()).isTrue();
        for (NationalMap.Area area : areas) {
            Pattern.compile("[ML](-?[0-9.]+),(-?[0-9.]+)").matcher(area.path()).results().forEach(point -> {
                assertThat(Double.parseDouble(point.group(1))).isBetween(0.0, (double) NationalMap.WIDTH);
                assertThat(Double.parseDouble(point.group(2))).isBetween(0.0, (double) NationalMap.HEIGHT);
            });
            assertThat(area.path()).startsWith("M").endsWith("Z");
        }
        double northY = firstY(areas, "AM03");
        assertThat(northY).as("north is up").isLessThan(firstY(areas, "AM01"));
    }

    private static double firstY(List<NationalMap.Area> areas, String code) {
        String path = areas.stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow().path();
        return Double.parseDouble(path.substring(1).split("[LZ]")[0].split(",")[1]);
    }

    private static NationalMap.Outline square(String code, String name, double lon, double lat) {
        return new NationalMap.Outline(code, name, List.of(List.of(new double[] {lon, lat},
                new double[] {lon + 0.5, lat}, new double[] {lon + 0.5, lat + 0.5}, new double[] {lon, lat + 0.5},
                new double[] {lon, lat})));
    }
}
