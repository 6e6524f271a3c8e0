package nl.instroom.needmapping.need.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.instroom.events.Sector;
import org.junit.jupiter.api.Test;

class RegionNeedTest {

    @Test
    void aRegionsFiguresAreItsSchoolsScoresSummedAndItsIndexesAveragedAgainstItsNeediestSchool() {
        RegionNeed region = RegionNeed.of("AM36", List.of(
                school("01AA00", "ZWOLLE", 1000, 3.0, Map.of("wiskunde", new SchoolNeed.SubjectScore(2.0, 1.0),
                        "duits", new SchoolNeed.SubjectScore(1.0, 1.0)), 0.0, 0),
                school("02BB00", "ZWOLLE", 500, 1.5, Map.of("wiskunde", new SchoolNeed.SubjectScore(1.0, 0.5)), 1.5,
                        2),
                school("03CC00", "KAMPEN", null, 0.0, Map.of(), 0.0, 0)));

        assertThat(region.schools()).isEqualTo(3);
        assertThat(region.highest()).isEqualTo(3.0);
        assertThat(region.highestBySubject()).containsEntry("wiskunde", 2.0).containsEntry("duits", 1.0);
        assertThat(region.pupils()).as("the school without a count counts as the median of 1000 and 500")
                .isEqualTo(2250);
        assertThat(region.weightedNeed()).isEqualTo(4.5);
        assertThat(region.perThousandPupils(region.weightedNeed())).as("4.5 per 2,250 pupils").isEqualTo(2.0);
        assertThat(region.openFte()).isEqualTo(2.5);
        assertThat(region.expectedDeparturesFte()).isEqualTo(1.5);
        assertThat(region.tutorsActive()).isEqualTo(2);
        assertThat(region.byMunicipality().get("ZWOLLE"))
                .isEqualTo(new RegionNeed.Area(2, 2.5, 75.0));
        assertThat(region.byMunicipality().get("KAMPEN")).isEqualTo(new RegionNeed.Area(0, 0, 0));
        assertThat(region.bySubject().get("wiskunde"))
                .isEqualTo(new RegionNeed.SubjectFigures(2, 1.5, 3.0, 2.0, 75.0));
    }

    @Test
    void aRegionWithoutSchoolsOrPupilsHasNoNeedPerPupil() {
        RegionNeed empty = RegionNeed.empty("AM01");

        assertThat(empty.perThousandPupils(5)).isZero();
        assertThat(RegionNeed.of("AM01", List.of()).highest()).isZero();
    }

    private static SchoolNeedView school(String code, String municipality, Integer pupils, double rawScore,
            Map<String, SchoolNeed.SubjectScore> subjects, double departures, int tutors) {
        List<SchoolNeed.Component> components = List.of(
                new SchoolNeed.Component(NeedIndexFormula.EXPECTED_DEPARTURES, departures, 0.8, 0.8 * departures,
                        "why"),
                new SchoolNeed.Component(NeedIndexFormula.TUTORING_SUPPORT, tutors, 0.2, -0.2 * tutors, "why"));
        return new SchoolNeedView(code, "School " + code, Sector.VO, municipality, 52.5, 6.1, pupils,
                new SchoolNeed(code, "AM36", rawScore, components, subjects), 1, 1);
    }
}
