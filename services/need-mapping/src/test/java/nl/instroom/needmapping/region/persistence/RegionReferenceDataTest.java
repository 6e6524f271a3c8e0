package nl.instroom.needmapping.region.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.instroom.needmapping.region.domain.PostcodeAreas;
import nl.instroom.needmapping.region.domain.RegionTable;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The reference tables the register ships with agree with each other: CBS's table has every municipality and
 * region once, and every municipality code of the PC4 table (with its supplement) is a current one, so no school is
 * placed in a municipality that no longer exists.
 */
class RegionReferenceDataTest {

    private final ReferenceTables tables = new ReferenceTables();
    private final RegionTable cbs = tables.regionTable(
            new ClassPathResource("regions/gemeente-arbeidsmarktregio-2026.csv"), LocalDate.of(2024, 1, 1));
    private final PostcodeAreas postcodes = tables.postcodeAreas(new ClassPathResource("regions/geonames-nl-pc4.tsv"),
            new ClassPathResource("regions/pc4-municipality-supplement.csv"));

    @Test
    void cbsDividesThe342MunicipalitiesInto35Regions() {
        assertThat(cbs.rows()).hasSize(342);
        assertThat(cbs.rows().stream().map(RegionTable.Row::municipalityCode).distinct()).hasSize(342);
        Map<String, Set<String>> namesByRegion = cbs.rows().stream().collect(Collectors.groupingBy(
                RegionTable.Row::regionCode, TreeMap::new, Collectors.mapping(RegionTable.Row::regionName,
                        Collectors.toSet())));
        assertThat(namesByRegion).hasSize(35).allSatisfy((code, names) -> assertThat(names).as(code).hasSize(1));
    }

    @Test
    void regioZwolleHasItsSixteenMunicipalitiesAndHeerdeIsInVeluweStedendriehoek() {
        Set<String> regioZwolle = cbs.rows().stream().filter(row -> row.regionCode().equals("AM36"))
                .map(RegionTable.Row::municipalityCode).collect(Collectors.toCollection(TreeSet::new));

        assertThat(regioZwolle).containsExactly("GM0119", "GM0148", "GM0160", "GM0166", "GM0175", "GM0177", "GM0180",
                "GM0193", "GM0230", "GM0244", "GM0269", "GM0302", "GM1701", "GM1708", "GM1773", "GM1896");
        assertThat(cbs.rows()).filteredOn(row -> row.municipalityCode().equals("GM0246"))
                .singleElement().extracting(RegionTable.Row::regionCode).isEqualTo("AM06");
    }

    @Test
    void everyPostcodeAreaLiesInACurrentMunicipalityAndEveryMunicipalityHasOne() {
        Set<String> current = cbs.rows().stream().map(RegionTable.Row::municipalityCode).collect(Collectors.toSet());

        assertThat(postcodes.municipalityCodes()).as("no code of a merged municipality").isSubsetOf(current)
                .as("Voorne aan Zee (GM1992) only through the supplement").containsAll(current);
        assertThat(postcodes.size()).as("every PC4 of the GeoNames file, none dropped for want of a code")
                .isEqualTo(4086);
        assertThat(postcodes.municipalityOf("3221AA", 51.83, 4.12)).contains("GM1992");
    }
}
