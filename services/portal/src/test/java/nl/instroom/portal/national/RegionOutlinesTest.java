package nl.instroom.portal.national;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.instroom.portal.charts.NationalMap;
import org.junit.jupiter.api.Test;

/** The portal's copy of CBS's region outlines: the 35 labour-market regions, in the Netherlands. */
class RegionOutlinesTest {

    @Test
    void everyLabourMarketRegionHasAnOutlineInTheNetherlands() {
        List<NationalMap.Outline> outlines = RegionOutlines.load();

        assertThat(outlines).hasSize(35).extracting(NationalMap.Outline::code).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("AM[0-9]{2}")).contains("AM36", "AM06", "AM11");
        assertThat(outlines).filteredOn(outline -> outline.code().equals("AM36"))
                .extracting(NationalMap.Outline::name).containsExactly("Regio Zwolle");
        for (NationalMap.Outline outline : outlines) {
            assertThat(outline.rings()).as(outline.code()).isNotEmpty();
            outline.rings().forEach(ring -> {
                assertThat(ring.size()).as("a closed ring").isGreaterThanOrEqualTo(4);
                ring.forEach(point -> {
                    assertThat(point[0]).isBetween(3.2, 7.3);
                    assertThat(point[1]).isBetween(50.7, 53.6);
                });
            });
        }
    }
}
