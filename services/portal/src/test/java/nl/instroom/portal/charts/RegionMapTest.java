package nl.instroom.portal.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionMapTest {

    @Test
    void schoolsKeepTheirPlaceNorthUpAndStayOnTheMap() {
        List<RegionMap.Point> points = RegionMap.draw(List.of(
                new RegionMap.School("21CM00", "Zwolle", 52.52, 6.12, 70),
                new RegionMap.School("02TP00", "Kampen", 52.55, 5.91, 10),
                new RegionMap.School("30AB00", "Hardenberg", 52.57, 6.62, 40)));

        RegionMap.Point zwolle = point(points, "21CM00");
        RegionMap.Point kampen = point(points, "02TP00");
        RegionMap.Point hardenberg = point(points, "30AB00");
        assertThat(kampen.x()).isLessThan(zwolle.x());
        assertThat(hardenberg.x()).isGreaterThan(zwolle.x());
        assertThat(kampen.y()).as("further north is higher up").isLessThan(zwolle.y());
        assertThat(points).allSatisfy(p -> {
            assertThat(p.x()).isBetween(0.0, (double) RegionMap.WIDTH);
            assertThat(p.y()).isBetween(0.0, (double) RegionMap.HEIGHT);
        });
    }

    @Test
    void greaterNeedIsLargerInAHigherBandAndDrawnLast() {
        List<RegionMap.Point> points = RegionMap.draw(List.of(
                new RegionMap.School("A", "a", 52.5, 6.1, 90),
                new RegionMap.School("B", "b", 52.6, 6.2, 50),
                new RegionMap.School("C", "c", 52.4, 6.0, 5)));

        assertThat(points).extracting(RegionMap.Point::code).containsExactly("C", "B", "A");
        assertThat(points).extracting(RegionMap.Point::band).containsExactly("low", "medium", "high");
        assertThat(points.get(0).radius()).isLessThan(points.get(1).radius());
        assertThat(points.get(1).radius()).isLessThan(points.get(2).radius());
    }

    @Test
    void oneSchoolSitsInTheMiddle() {
        RegionMap.Point only = RegionMap.draw(List.of(new RegionMap.School("A", "a", 52.5, 6.1, 50))).get(0);
        assertThat(only.x()).isEqualTo(RegionMap.WIDTH / 2.0);
        assertThat(only.y()).isEqualTo(RegionMap.HEIGHT / 2.0);
    }

    private static RegionMap.Point point(List<RegionMap.Point> points, String code) {
        return points.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }
}
