package nl.instroom.needmapping.school.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import nl.instroom.events.Sector;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;
import org.junit.jupiter.api.Test;

class SchoolTest {

    static SchoolFacts deSpringplank(Integer pupils) {
        return new SchoolFacts("21cm00", "De Springplank", Sector.PO, "Zwolle", "GM0193", "8021 AB", 52.52, 6.09,
                pupils, "AM36");
    }

    @Test
    void registeringASchoolRegistersSchoolRegistered() {
        School school = School.register(deSpringplank(312));

        assertThat(school.registeredEvents()).containsExactly(new SchoolRegistered("21CM00", "De Springplank",
                Sector.PO, "ZWOLLE", "GM0193", "8021AB", 52.52, 6.09, 312, "AM36", 1));
    }

    @Test
    void theSameFactsAgainChangeNothing() {
        School school = School.restore(deSpringplank(312), 3);

        assertThat(school.update(deSpringplank(312))).isFalse();
        assertThat(school.registeredEvents()).isEmpty();
        assertThat(school.revision()).isEqualTo(3);
    }

    @Test
    void newFactsRaiseTheRevisionAndRegisterSchoolUpdated() {
        School school = School.restore(deSpringplank(312), 3);

        assertThat(school.update(deSpringplank(330))).isTrue();

        assertThat(school.registeredEvents()).singleElement().isInstanceOf(SchoolUpdated.class)
                .extracting("pupils", "revision").containsExactly(330, 4L);
    }

    @Test
    void movingToAnotherRegionIsAnUpdateNamingTheNewRegion() {
        School school = School.restore(deSpringplank(312), 3);

        assertThat(school.update(deSpringplank(312).placedIn("GM0193", "AM06"))).isTrue();

        assertThat(school.registeredEvents()).singleElement().isInstanceOf(SchoolUpdated.class)
                .extracting("municipalityCode", "region", "revision").containsExactly("GM0193", "AM06", 4L);
    }

    @Test
    void sayingOnWhichDaysAndHowManyTutorsItHostsIsAnUpdateThatANewImportKeeps() {
        School school = School.restore(deSpringplank(312), 3);

        assertThat(school.hostTutors(new TutoringHosting(Set.of(FRIDAY, WEDNESDAY), 1))).isTrue();
        assertThat(school.hostTutors(new TutoringHosting(Set.of(WEDNESDAY, FRIDAY), 1))).as("the same again")
                .isFalse();
        assertThat(school.update(deSpringplank(330))).isTrue();

        assertThat(school.registeredEvents()).hasSize(2).allSatisfy(event -> assertThat(event)
                .isInstanceOf(SchoolUpdated.class).extracting("tutoringDays", "tutorCapacity")
                .containsExactly(List.of(WEDNESDAY, FRIDAY), 1));
        assertThat(school.revision()).isEqualTo(5);
    }

    @Test
    void aSchoolThatNeverSaidAnnouncesNoTutoringDaysNorCapacity() {
        School school = School.restore(deSpringplank(312), 3);

        school.update(deSpringplank(330));

        assertThat(school.hosting()).isEmpty();
        assertThat(school.registeredEvents()).singleElement().extracting("tutoringDays", "tutorCapacity")
                .containsExactly(null, null);
    }

    @Test
    void tutorsAreHostedOnSchoolDaysAndAtLeastOneAtATime() {
        assertThatThrownBy(() -> new TutoringHosting(Set.of(SATURDAY), 2)).hasMessageContaining("Monday to Friday");
        assertThatThrownBy(() -> new TutoringHosting(Set.of(), 2)).hasMessageContaining("at least one weekday");
        assertThatThrownBy(() -> new TutoringHosting(Set.of(MONDAY), 0)).hasMessageContaining("1 to 50");
        assertThatThrownBy(() -> new TutoringHosting(Set.of(MONDAY), 51)).hasMessageContaining("1 to 50");
    }

    @Test
    void rejectsFactsNoSchoolHas() {
        assertThatThrownBy(() -> new SchoolFacts("21CM00", "X", Sector.PO, "ZWOLLE", "GM0193", "8021AB", 48.85, 2.35,
                10, "AM36")).hasMessageContaining("not in the Netherlands");
        assertThatThrownBy(() -> new SchoolFacts("21CM00", " ", Sector.PO, "ZWOLLE", "GM0193", "8021AB", 52.5, 6.0,
                10, "AM36")).hasMessageContaining("name");
        assertThatThrownBy(() -> new SchoolFacts("21CM00", "X", Sector.PO, "ZWOLLE", "GM0193", "ABCD12", 52.5, 6.0,
                10, "AM36")).hasMessageContaining("postcode");
        assertThatThrownBy(() -> new SchoolFacts("21CM00", "X", Sector.PO, "ZWOLLE", "ZWOLLE", "8021AB", 52.5, 6.0,
                10, "AM36")).hasMessageContaining("municipality code");
    }

    @Test
    void duoTypesMapOntoSectors() {
        assertThat(DuoSchoolData.sectorOf("basisschool")).contains(Sector.PO);
        assertThat(DuoSchoolData.sectorOf("SBAO")).contains(Sector.SO);
        assertThat(DuoSchoolData.sectorOf("(V)SO")).contains(Sector.SO);
        for (String secondary : new String[] {"VBO/MAVO/HAVO/VWO", "VBO/MAVO", "VBO", "PRO", "VWO", "BRUGJAAR",
            "VBO/MAVO/HAVO", "VBO/MAVO/HAVO/VWO/PRO", "VBO/MAVO/PRO", "HAVO/VWO"}) {
            assertThat(DuoSchoolData.sectorOf(secondary)).as(secondary).contains(Sector.VO);
        }
        assertThat(DuoSchoolData.sectorOf("dansschool")).isEmpty();
    }
}
