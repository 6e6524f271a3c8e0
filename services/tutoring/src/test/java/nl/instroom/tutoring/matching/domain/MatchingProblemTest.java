package nl.instroom.tutoring.matching.domain;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import org.junit.jupiter.api.Test;

class MatchingProblemTest {

    private static final double[] ZWOLLE = {52.5168, 6.0830};
    private static final double[] KAMPEN = {52.5550, 5.9110};   // about 12.5 km west of Zwolle

    private static TutorSupply aTutor(String id, double[] at, int maxKm, boolean mayBePlaced) {
        return new TutorSupply(id, Map.of("wiskunde", "havo"), at[0], at[1], maxKm, 4, 0, mayBePlaced, 1);
    }

    private static SchoolDemand aSchoolNeedingMaths(String code, double[] at, double need) {
        return new SchoolDemand(code, at[0], at[1], Map.of("wiskunde", need), 0, 1);
    }

    private static MatchingProblem problem(List<TutorSupply> tutors, List<SchoolDemand> schools) {
        return MatchingProblem.of(tutors, schools, MatchingWeights.DEFAULTS, null, null, Set.of(), Set.of());
    }

    @Test
    void aSchoolBeyondTheTutorsTravelLimitIsNeverAPair() {
        MatchingProblem problem = problem(List.of(aTutor("t1", ZWOLLE, 10, true)),
                List.of(aSchoolNeedingMaths("21CM00", ZWOLLE, 60), aSchoolNeedingMaths("22AB00", KAMPEN, 90)));

        assertThat(problem.candidates()).extracting(c -> c.pair().schoolCode()).containsExactly("21CM00");
        assertThat(problem.whyNotAllowed(new Pair("t1", "22AB00", "wiskunde"))).get().asString()
                .contains("km away").contains("10 km");
    }

    @Test
    void aPupilWhoMayNotBePlacedIsNeverAPair() {
        MatchingProblem problem = problem(List.of(aTutor("young", ZWOLLE, 20, false)),
                List.of(aSchoolNeedingMaths("21CM00", ZWOLLE, 60)));

        assertThat(problem.candidates()).isEmpty();
        assertThat(problem.whyNotAllowed(new Pair("young", "21CM00", "wiskunde"))).get().asString()
                .contains("consent");
    }

    @Test
    void aRequestedLevelKeepsOutTutorsBelowIt() {
        TutorSupply vmbo = new TutorSupply("v", Map.of("wiskunde", "vmbo"), ZWOLLE[0], ZWOLLE[1], 20, 4, 0, true, 1);
        TutorSupply vwo = new TutorSupply("w", Map.of("wiskunde", "vwo"), ZWOLLE[0], ZWOLLE[1], 20, 4, 0, true, 1);
        MatchingProblem problem = MatchingProblem.of(List.of(vmbo, vwo),
                List.of(aSchoolNeedingMaths("21CM00", ZWOLLE, 60)), MatchingWeights.DEFAULTS, null, "havo", Set.of(),
                Set.of());

        assertThat(problem.candidates()).extracting(c -> c.pair().tutorId()).containsExactly("w");
    }

    @Test
    void hoursTakenByOpenPlacementsAndAFullSchoolLeaveNoPair() {
        TutorSupply busy = new TutorSupply("busy", Map.of("wiskunde", "havo"), ZWOLLE[0], ZWOLLE[1], 20, 4, 2, true, 1);
        SchoolDemand full = new SchoolDemand("21CM00", ZWOLLE[0], ZWOLLE[1], Map.of("wiskunde", 80.0), 3, 1);

        assertThat(problem(List.of(busy), List.of(aSchoolNeedingMaths("22AB00", ZWOLLE, 50))).candidates()).isEmpty();
        assertThat(problem(List.of(aTutor("t", ZWOLLE, 20, true)), List.of(full)).candidates()).isEmpty();
    }

    @Test
    void aPinThatBreaksAHardConstraintIsRefusedWithTheReason() {
        assertThatThrownBy(() -> MatchingProblem.of(List.of(aTutor("t1", ZWOLLE, 5, true)),
                List.of(aSchoolNeedingMaths("22AB00", KAMPEN, 90)), MatchingWeights.DEFAULTS, null, null,
                Set.of(new Pair("t1", "22AB00", "wiskunde")), Set.of()))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("km away");
    }

    @Test
    void theSecondTutorAtASchoolCostsTheFairnessStepSoTheScoreExplainsIt() {
        MatchingProblem problem = problem(List.of(aTutor("a", ZWOLLE, 20, true), aTutor("b", ZWOLLE, 20, true)),
                List.of(aSchoolNeedingMaths("21CM00", ZWOLLE, 60)));

        Assignment both = Assignment.score(problem, List.of(new Pair("a", "21CM00", "wiskunde"),
                new Pair("b", "21CM00", "wiskunde")));

        assertThat(both.objectivePoints()).isEqualTo(60 + 60 - MatchingWeights.DEFAULTS.schoolFairnessStep());
        assertThat(both.proposals()).extracting(p -> p.score().schoolFairnessPoints())
                .containsExactlyInAnyOrder(0.0, MatchingWeights.DEFAULTS.schoolFairnessStep());
        assertThat(both.proposals().stream().mapToDouble(p -> p.score().totalPoints()).sum())
                .isEqualTo(both.objectivePoints());
    }

    @Test
    void aRunIsAcceptedOnceAndNotAfterItsInputsChanged() {
        MatchingProblem problem = problem(List.of(aTutor("a", ZWOLLE, 20, true)),
                List.of(aSchoolNeedingMaths("21CM00", ZWOLLE, 60)));
        Assignment assignment = Assignment.score(problem, List.of(new Pair("a", "21CM00", "wiskunde")));
        MatchingRun run = MatchingRun.solved("run-1", "AM36", problem, assignment, 3, "coordinator",
                Instant.EPOCH);
        MatchingProblem needChanged = problem(List.of(aTutor("a", ZWOLLE, 20, true)),
                List.of(new SchoolDemand("21CM00", ZWOLLE[0], ZWOLLE[1], Map.of("wiskunde", 20.0), 0, 2)));

        assertThatThrownBy(() -> run.accept(MatchingInputs.of(needChanged), Instant.EPOCH))
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("solve again");
        assertThat(run.accept(MatchingInputs.of(problem), Instant.EPOCH)).hasSize(1);
        assertThatThrownBy(() -> run.accept(MatchingInputs.of(problem), Instant.EPOCH))
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("accepted already");
    }

    private static TutorSupply aTutorHelpingOnlyOn(String id, DayOfWeek... days) {
        return new TutorSupply(id, Map.of("wiskunde", "havo"), ZWOLLE[0], ZWOLLE[1], 20, 4, 0, true, 1, Set.of(days));
    }

    private static SchoolDemand aSchoolHostingOnlyOn(String code, DayOfWeek... days) {
        return new SchoolDemand(code, ZWOLLE[0], ZWOLLE[1], Map.of("wiskunde", 60.0), 0, 1, Set.of(days), null);
    }

    private static SchoolDemand aSchoolHosting(String code, int capacity, int openPlacements) {
        return new SchoolDemand(code, ZWOLLE[0], ZWOLLE[1], Map.of("wiskunde", 60.0), openPlacements, 1, null,
                capacity);
    }

    @Test
    void aTutorAndASchoolWithoutAWeekdayInCommonAreNeverAPair() {
        MatchingProblem problem = problem(List.of(aTutorHelpingOnlyOn("monday", MONDAY)),
                List.of(aSchoolHostingOnlyOn("21CM00", WEDNESDAY)));

        assertThat(problem.candidates()).isEmpty();
        assertThat(problem.whyNotAllowed(new Pair("monday", "21CM00", "wiskunde"))).get().asString()
                .contains("no day in common").contains("monday").contains("wednesday");
        assertThatThrownBy(() -> MatchingProblem.of(List.of(aTutorHelpingOnlyOn("monday", MONDAY)),
                List.of(aSchoolHostingOnlyOn("21CM00", WEDNESDAY)), MatchingWeights.DEFAULTS, null, null,
                Set.of(new Pair("monday", "21CM00", "wiskunde")), Set.of()))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("no day in common");
    }

    @Test
    void theScoreShowsTheDaysTutorAndSchoolShareInWeekOrder() {
        MatchingProblem problem = problem(List.of(aTutorHelpingOnlyOn("t", FRIDAY, MONDAY, WEDNESDAY)),
                List.of(aSchoolHostingOnlyOn("21CM00", WEDNESDAY, TUESDAY, MONDAY),
                        aSchoolNeedingMaths("22AB00", ZWOLLE, 50)));

        Assignment both = Assignment.score(problem, List.of(new Pair("t", "21CM00", "wiskunde"),
                new Pair("t", "22AB00", "wiskunde")));

        assertThat(both.proposals()).extracting(p -> p.pair().schoolCode(), p -> p.score().sharedDays())
                .containsExactly(tuple("21CM00", List.of(MONDAY, WEDNESDAY)),
                        tuple("22AB00", List.of(MONDAY, WEDNESDAY, FRIDAY)));
    }

    @Test
    void aSchoolsOwnCapacityReplacesTheDefault() {
        assertThat(MatchingWeights.DEFAULTS.schoolCapacity()).isEqualTo(3);
        TutorSupply tutor = aTutor("t", ZWOLLE, 20, true);

        assertThat(problem(List.of(tutor), List.of(aSchoolHosting("21CM00", 1, 1))).candidates())
                .as("capacity 1, one tutor there already").isEmpty();
        assertThat(problem(List.of(tutor), List.of(aSchoolHosting("21CM00", 5, 3))).candidates())
                .as("capacity 5, three there already").hasSize(1);
        assertThat(problem(List.of(tutor), List.of(new SchoolDemand("21CM00", ZWOLLE[0], ZWOLLE[1],
                Map.of("wiskunde", 60.0), 3, 1))).candidates()).as("not said: the default of 3").isEmpty();
        MatchingProblem capacityOne = problem(List.of(tutor, aTutor("u", ZWOLLE, 20, true)),
                List.of(aSchoolHosting("21CM00", 1, 0)));
        assertThatThrownBy(() -> Assignment.score(capacityOne, List.of(new Pair("t", "21CM00", "wiskunde"),
                new Pair("u", "21CM00", "wiskunde")))).hasMessageContaining("over capacity");
    }
}
