package nl.instroom.stayinterviews.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.stay.RiskBand;
import nl.instroom.events.stay.StaffMemberLeft;
import nl.instroom.events.stay.StayInterviewHeld;
import org.junit.jupiter.api.Test;

class StaffMemberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static StaffMember aTeacher() {
        return StaffMember.register("21CM00", "T-0412", "docent", "Wiskunde", new BigDecimal("0.8"), 6, null, TODAY);
    }

    static StayInterview anInterview(IntentToStay intent, int satisfaction, int workload,
            List<GrowthAmbition> ambitions) {
        return StayInterview.record("i-1", TODAY.minusDays(1), "Marieke Jansen (teamleider)",
                new Answers("De klas van 3 havo", "Differentiëren", "Het team", "Vorig voorjaar, de werkdruk",
                        "Minder vergaderen"), workload, satisfaction, intent, ambitions,
                List.of(new FollowUpAction("Mentorcursus aanvragen", "teamleider", TODAY.plusMonths(1), null)),
                "Wil graag meer verantwoordelijkheid", TODAY);
    }

    @Test
    void theRiskBandFollowsTheDocumentedRule() {
        assertThat(RiskRule.band(IntentToStay.NO, 5, 1)).as("leaving wins over everything").isEqualTo(RiskBand.HIGH);
        assertThat(RiskRule.band(IntentToStay.UNSURE, 5, 1)).isEqualTo(RiskBand.MEDIUM);
        assertThat(RiskRule.band(IntentToStay.YES, 2, 1)).as("low satisfaction").isEqualTo(RiskBand.MEDIUM);
        assertThat(RiskRule.band(IntentToStay.YES, 4, 4)).as("heavy workload").isEqualTo(RiskBand.MEDIUM);
        assertThat(RiskRule.band(IntentToStay.YES, 3, 3)).isEqualTo(RiskBand.LOW);
    }

    @Test
    void aHeldInterviewRegistersSchoolDateAndBandButNoPerson() {
        StaffMember teacher = aTeacher();

        teacher.holdInterview(anInterview(IntentToStay.UNSURE, 4, 2, List.of()));

        assertThat(teacher.registeredEvents()).containsExactly(
                new StayInterviewHeld("21CM00", TODAY.minusDays(1), RiskBand.MEDIUM));
        assertThat(teacher.lastStayInterviewOn()).isEqualTo(TODAY.minusDays(1));
    }

    @Test
    void aGrowthAmbitionLeavesOnlyWithTheEmployeesAgreement() {
        StaffMember teacher = aTeacher();

        teacher.holdInterview(anInterview(IntentToStay.YES, 4, 2, List.of(
                new GrowthAmbition(Ambition.MENTOR, true), new GrowthAmbition(Ambition.SCHOOL_LEADER, false))));

        assertThat(teacher.registeredEvents()).filteredOn(GrowthAmbitionShared.class::isInstance).containsExactly(
                new GrowthAmbitionShared("21CM00", "21CM00:T-0412", "MENTOR", TODAY.minusDays(1)));
        assertThat(teacher.ambitionShared()).isTrue();
    }

    @Test
    void aLeavingDateRegistersTheReferenceAndTheMonthOnlyOncePerDate() {
        StaffMember teacher = aTeacher();

        teacher.leavesOn(LocalDate.of(2027, 7, 31));
        teacher.leavesOn(LocalDate.of(2027, 7, 31));

        assertThat(teacher.registeredEvents()).as("the same date entered twice is one fact").containsExactly(
                new StaffMemberLeft("21CM00", "21CM00:T-0412", YearMonth.of(2027, 7)));

        StaffMember restored = StaffMember.restore("21CM00", "T-0412", "docent", "wiskunde", BigDecimal.ONE, 6, null,
                LocalDate.of(2027, 7, 31), false, List.of(), 3);
        restored.leavesOn(LocalDate.of(2027, 8, 1));
        assertThat(restored.registeredEvents()).as("a corrected date is published again")
                .containsExactly(new StaffMemberLeft("21CM00", "21CM00:T-0412", YearMonth.of(2027, 8)));
    }

    @Test
    void aNationalIdNumberIsNoStaffReference() {
        assertThatThrownBy(() -> StaffMember.register("21CM00", "123456782", "docent", null, BigDecimal.ONE, 1, null,
                TODAY)).isInstanceOf(InvalidRequest.class).hasMessageContaining("national id");
    }

    @Test
    void scoresOutsideOneToFiveAndFutureInterviewsAreRefused() {
        assertThatThrownBy(() -> anInterview(IntentToStay.YES, 6, 2, List.of()))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> StayInterview.record("i-2", TODAY.plusDays(1), "HR", null, 3, 3, IntentToStay.YES,
                List.of(), List.of(), null, TODAY)).isInstanceOf(InvalidRequest.class);
    }

    @Test
    void dueForAnInterviewOnceAYearAndNotAfterLeaving() {
        StaffMember never = aTeacher();
        StaffMember lastYear = StaffMember.register("21CM00", "T-1", "docent", null, BigDecimal.ONE, 3,
                TODAY.minusYears(1), TODAY);
        StaffMember recently = StaffMember.register("21CM00", "T-2", "docent", null, BigDecimal.ONE, 3,
                TODAY.minusMonths(3), TODAY);

        assertThat(never.dueForInterview(TODAY)).isTrue();
        assertThat(lastYear.dueForInterview(TODAY)).isTrue();
        assertThat(recently.dueForInterview(TODAY)).isFalse();

        never.leavesOn(TODAY.minusDays(1));
        assertThat(never.dueForInterview(TODAY)).isFalse();
    }

    @Test
    void overdueActionsAreThoseNotDoneByTheirDueDate() {
        StaffMember teacher = aTeacher();
        teacher.holdInterview(anInterview(IntentToStay.YES, 4, 2, List.of()));
        LocalDate afterDue = TODAY.plusMonths(1).plusDays(1);

        assertThat(teacher.interviews().get(0).hasOverdueActions(afterDue)).isTrue();

        teacher.completeAction("i-1", 0, TODAY);
        assertThat(teacher.interviews().get(0).hasOverdueActions(afterDue)).isFalse();
    }

    @Test
    void theRetentionPeriodRunsFromTheLeavingDate() {
        StaffMember teacher = aTeacher();
        assertThat(teacher.leftBefore(TODAY.minus(Period.ofYears(2)))).as("still employed").isFalse();

        teacher.leavesOn(TODAY.minusYears(2));
        assertThat(teacher.leftBefore(TODAY.minus(Period.ofYears(2)))).as("left two years ago today").isFalse();
        assertThat(teacher.leftBefore(TODAY.plusDays(1).minus(Period.ofYears(2)))).isTrue();
    }
}
