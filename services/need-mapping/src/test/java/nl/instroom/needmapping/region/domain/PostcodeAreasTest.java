package nl.instroom.needmapping.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PostcodeAreasTest {

    /** PC4 2761 as GeoNames has it: a part in Rotterdam, a part (Zevenhuizen) in Zuidplas. */
    private static final PostcodeAreas AREAS = PostcodeAreas.of(List.of(
            new PostcodeAreas.Area("8011", "GM0193", 52.5125, 6.0944),
            new PostcodeAreas.Area("2761", "GM0599", 51.9827, 4.5792),
            new PostcodeAreas.Area("2761", "GM1892", 52.0085, 4.5853)));

    @Test
    void aPostcodeLiesInTheMunicipalityOfItsArea() {
        assertThat(AREAS.municipalityOf("8011AB", 52.51, 6.09)).contains("GM0193");
        assertThat(AREAS.municipalityOf("8011", 52.51, 6.09)).contains("GM0193");
    }

    @Test
    void inAnAreaSpanningMunicipalitiesTheNearestPlaceDecides() {
        assertThat(AREAS.municipalityOf("2761AB", 52.005, 4.586)).contains("GM1892");
        assertThat(AREAS.municipalityOf("2761AB", 51.985, 4.575)).contains("GM0599");
    }

    @Test
    void anUnknownAreaOrNoPostcodeLocatesNothing() {
        assertThat(AREAS.municipalityOf("9999AA", 52.5, 6.0)).isEmpty();
        assertThat(AREAS.municipalityOf(null, 52.5, 6.0)).isEmpty();
        assertThat(AREAS.municipalityCodes()).containsExactly("GM0193", "GM0599", "GM1892");
    }
}
