package nl.instroom.needmapping.need.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.instroom.events.needmap.NeedIndex;
import nl.instroom.events.needmap.Urgency;
import org.junit.jupiter.api.Test;

class NeedIndexFormulaTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final NeedIndexFormula formula = new NeedIndexFormula(NeedWeights.defaults());

    /** Builds the inputs of one school in a readable way. */
    private static final class ASchool {
        private final String code;
        private Integer pupils = 400;
        private final List<NeedInputs.Vacancy> vacancies = new ArrayList<>();
        private double lessonHoursLost;
        private double departures;
        private int tutors;

        private ASchool(String code) {
            this.code = code;
        }

        static ASchool aSchool(String code) {
            return new ASchool(code);
        }

        ASchool withPupils(Integer pupils) {
            this.pupils = pupils;
            return this;
        }

        ASchool withOpenVacancy(String subject, String fte, int monthsOpen, Urgency urgency) {
            vacancies.add(new NeedInputs.Vacancy(subject, new BigDecimal(fte), TODAY.minusMonths(monthsOpen), urgency));
            return this;
        }

        ASchool withLessonHoursLostPerWeek(double hours) {
            this.lessonHoursLost = hours;
            return this;
        }

        ASchool withExpectedDepartures(double fte) {
            this.departures = fte;
            return this;
        }

        ASchool withActiveTutors(int tutors) {
            this.tutors = tutors;
            return this;
        }

        NeedInputs inputs() {
            return new NeedInputs(code, "AM36", pupils, vacancies, lessonHoursLost, departures, tutors);
        }
    }

    /** Scores the schools of one region as the recalculation does: each on its own, with the region's median. */
    private Map<String, SchoolNeed> score(ASchool... schools) {
        List<NeedInputs> inputs = java.util.Arrays.stream(schools).map(ASchool::inputs).toList();
        double median = NeedIndexFormula.medianKnownPupils(inputs.stream().map(NeedInputs::pupils).toList());
        return inputs.stream().map(school -> formula.score(school, TODAY, median))
                .collect(Collectors.toMap(SchoolNeed::schoolCode, need -> need));
    }

    /** Each school's index within the region, as every reader derives it from the scores. */
    private static Map<String, Double> indexes(Map<String, SchoolNeed> needs) {
        double highest = needs.values().stream().mapToDouble(SchoolNeed::rawScore).max().orElse(0);
        return needs.values().stream().collect(Collectors.toMap(SchoolNeed::schoolCode,
                need -> NeedIndex.withinRegion(need.rawScore(), highest)));
    }

    private static double component(SchoolNeed need, String name) {
        return need.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void theSchoolWithTheMostWeightedNeedHasIndex100AndOthersRelativeToIt() {
        var needs = score(
                ASchool.aSchool("11AA00").withOpenVacancy("wiskunde", "1.0", 0, Urgency.NORMAL),
                ASchool.aSchool("22BB00").withOpenVacancy("wiskunde", "1.0", 0, Urgency.NORMAL)
                        .withOpenVacancy("duits", "1.0", 0, Urgency.NORMAL));

        assertThat(indexes(needs)).containsEntry("22BB00", 100.0).containsEntry("11AA00", 50.0);
        assertThat(needs.get("11AA00").subjects().get("wiskunde").weightedOpenFte())
                .isEqualTo(needs.get("22BB00").subjects().get("wiskunde").weightedOpenFte());
    }

    @Test
    void aSchoolsScoreDependsOnTheSchoolAloneSoAChangeElsewhereLeavesItAsItIs() {
        ASchool school = ASchool.aSchool("11AA00").withOpenVacancy("wiskunde", "1.0", 2, Urgency.HIGH)
                .withExpectedDepartures(1.0);
        SchoolNeed alone = score(school).get("11AA00");

        SchoolNeed withANeedierNeighbour = score(school, ASchool.aSchool("22BB00")
                .withOpenVacancy("duits", "3.0", 8, Urgency.CRITICAL)).get("11AA00");

        assertThat(withANeedierNeighbour).isEqualTo(alone);
        assertThat(withANeedierNeighbour.differsFrom(alone)).isFalse();
    }

    @Test
    void aVacancyWeighsMoreTheLongerItIsOpenAndTheMoreUrgentItIs() {
        assertThat(NeedIndexFormula.ageFactor(TODAY, TODAY)).isEqualTo(1.0);
        assertThat(NeedIndexFormula.ageFactor(TODAY.minusMonths(6), TODAY)).isEqualTo(2.0);
        assertThat(NeedIndexFormula.ageFactor(TODAY.minusYears(3), TODAY)).isEqualTo(3.0);

        var needs = score(ASchool.aSchool("11AA00").withOpenVacancy("wiskunde", "0.8", 6, Urgency.CRITICAL));

        assertThat(component(needs.get("11AA00"), NeedIndexFormula.OPEN_FTE)).as("0.8 FTE × 2 (six months open) × 1.5 (critical)").isEqualTo(2.4);
    }

    @Test
    void everyScoreShowsItsComponentsWithWeightsAndContributions() {
        var need = score(ASchool.aSchool("11AA00").withPupils(200)
                .withOpenVacancy("natuurkunde", "1.0", 0, Urgency.HIGH)
                .withLessonHoursLostPerWeek(10).withExpectedDepartures(2.0).withActiveTutors(3)).get("11AA00");

        assertThat(need.components()).extracting(SchoolNeed.Component::name, SchoolNeed.Component::value,
                SchoolNeed.Component::weight, SchoolNeed.Component::contribution).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NeedIndexFormula.OPEN_FTE, 1.25, 1.0, 1.25),
                org.assertj.core.groups.Tuple.tuple(NeedIndexFormula.LESSONS_LOST, 5.0, 0.1, 0.5),
                org.assertj.core.groups.Tuple.tuple(NeedIndexFormula.EXPECTED_DEPARTURES, 2.0, 0.8, 1.6),
                org.assertj.core.groups.Tuple.tuple(NeedIndexFormula.TUTORING_SUPPORT, 3.0, 0.2, -0.6));
        assertThat(need.rawScore()).isEqualTo(2.75);
    }

    @Test
    void expectedDeparturesRaiseTheIndexBeforeAnyVacancyExists() {
        var needs = score(ASchool.aSchool("11AA00").withOpenVacancy("wiskunde", "1.0", 0, Urgency.NORMAL),
                ASchool.aSchool("22BB00").withExpectedDepartures(2.5));

        assertThat(indexes(needs)).containsEntry("22BB00", 100.0).containsEntry("11AA00", 50.0);
    }

    @Test
    void withoutAKnownPupilCountTheRegionsMedianSchoolSizeIsUsed() {
        var needs = score(ASchool.aSchool("11AA00").withPupils(100),
                ASchool.aSchool("22BB00").withPupils(300),
                ASchool.aSchool("33CC00").withPupils(null).withLessonHoursLostPerWeek(4));

        assertThat(component(needs.get("33CC00"), NeedIndexFormula.LESSONS_LOST)).isEqualTo(2.0);
        assertThat(needs.get("33CC00").components().get(1).explanation()).contains("unknown");
    }

    @Test
    void whenNoSchoolInTheRegionKnowsItsSizeLessonHoursCountPer100Pupils() {
        var needs = score(ASchool.aSchool("11AA00").withPupils(null).withLessonHoursLostPerWeek(6));

        assertThat(component(needs.get("11AA00"), NeedIndexFormula.LESSONS_LOST)).isEqualTo(6.0);
    }

    @Test
    void aRegionWithoutAnyNeedHasIndexZeroEverywhere() {
        var needs = score(ASchool.aSchool("11AA00"), ASchool.aSchool("22BB00").withActiveTutors(2));

        assertThat(indexes(needs).values()).containsOnly(0.0);
        assertThat(needs.get("22BB00").rawScore()).as("support alone never makes a score negative").isZero();
    }

    @Test
    void aRegionOfOneSchoolWithNeedHasIndex100() {
        var needs = score(ASchool.aSchool("11AA00").withOpenVacancy("duits", "0.4", 1, Urgency.LOW));

        assertThat(indexes(needs)).containsEntry("11AA00", 100.0);
    }

    @Test
    void aSchoolMovedToAnotherRegionHasChangedEvenWithTheSameNumbers() {
        SchoolNeed before = score(ASchool.aSchool("11AA00").withExpectedDepartures(1.0)).get("11AA00");
        SchoolNeed moved = new SchoolNeed(before.schoolCode(), "AM06", before.rawScore(), before.components(),
                before.subjects());

        assertThat(moved.differsFrom(before)).isTrue();
    }
}
