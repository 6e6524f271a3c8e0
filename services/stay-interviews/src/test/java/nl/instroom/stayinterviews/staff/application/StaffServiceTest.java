package nl.instroom.stayinterviews.staff.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.instroom.chassis.audit.RecordedAuditTrail;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.security.Role;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.stay.StaffMemberRemoved;
import nl.instroom.events.stay.StayInterviewHeld;
import nl.instroom.stayinterviews.staff.domain.Ambition;
import nl.instroom.stayinterviews.staff.domain.Answers;
import nl.instroom.stayinterviews.staff.domain.GrowthAmbition;
import nl.instroom.stayinterviews.staff.domain.IntentToStay;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import org.junit.jupiter.api.Test;

/**
 * School HR's use cases on its staff against in-memory staff, audit trail and risk: no Spring, no store, no broker.
 * Interview data is open to the school's own HR only; what leaves the service is a pseudonymous reference and facts.
 */
class StaffServiceTest {

    private static final String SCHOOL = "21CM00";
    private static final String OTHER_SCHOOL = "30XY01";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private final RecordedAuditTrail audit = new RecordedAuditTrail(clock);
    private final InMemoryStaffMembers staff = new InMemoryStaffMembers();
    private final List<String> riskReassessedFor = new ArrayList<>();
    private final StaffChanges risk = riskReassessedFor::add;
    private final StaffService service = new StaffService(staff, new StaffRemoval(staff, risk, audit, clock), risk,
            audit, clock);

    private final CurrentUser hr = hrOf(SCHOOL);

    @Test
    void anInterviewWithAnAmbitionToShareTellsTheScoutsOnlyThePseudonymousReferenceAndReassessesTheRisk() {
        service.register(SCHOOL, aTeacher("T-0042"), hr);

        service.holdInterview(SCHOOL, "T-0042", anInterviewWantingToBecome(Ambition.MENTOR, true), hr);

        assertThat(staff.published()).hasSize(2);
        assertThat(staff.published().get(0)).isInstanceOfSatisfying(StayInterviewHeld.class,
                held -> assertThat(held.schoolCode()).isEqualTo(SCHOOL));
        assertThat(staff.published().get(1)).isEqualTo(
                new GrowthAmbitionShared(SCHOOL, StaffMember.id(SCHOOL, "T-0042"), "MENTOR", TODAY.minusDays(1)));
        assertThat(riskReassessedFor).containsExactly(SCHOOL);
        assertThat(audit.actionsOn(StaffMember.id(SCHOOL, "T-0042")))
                .containsExactly("REGISTERED_STAFF_MEMBER", "RECORDED_STAY_INTERVIEW");
    }

    @Test
    void anAmbitionTheEmployeeKeptToThemselvesLeavesNothingButTheInterviewsFact() {
        service.register(SCHOOL, aTeacher("T-0043"), hr);

        service.holdInterview(SCHOOL, "T-0043", anInterviewWantingToBecome(Ambition.SCHOOL_LEADER, false), hr);

        assertThat(staff.published()).singleElement().isInstanceOf(StayInterviewHeld.class);
    }

    @Test
    void removingAnEmployeeWhoseReferenceLeftTellsOthersToForgetItAndTheTrailForgetsThem() {
        service.register(SCHOOL, aTeacher("T-0044"), hr);
        service.holdInterview(SCHOOL, "T-0044", anInterviewWantingToBecome(Ambition.AMBASSADOR, true), hr);

        service.remove(SCHOOL, "T-0044", hr);

        String ref = StaffMember.id(SCHOOL, "T-0044");
        assertThat(staff.find(ref)).isEmpty();
        assertThat(staff.published()).last().isEqualTo(new StaffMemberRemoved(SCHOOL, ref, TODAY));
        assertThat(audit.actionsOn(ref)).isEmpty();
        assertThat(audit.actionsOn(SCHOOL)).containsExactly("REMOVED_STAFF_MEMBER");
    }

    @Test
    void anotherSchoolsHrAndTheRegionsCoordinatorFindNothingAndChangeNothing() {
        service.register(SCHOOL, aTeacher("T-0045"), hr);
        int entriesBefore = audit.entries().size();
        CurrentUser otherHr = hrOf(OTHER_SCHOOL);
        CurrentUser coordinator = new CurrentUser("coordinator", List.of(Role.COORDINATOR), "AM36", null);

        for (CurrentUser outsider : List.of(otherHr, coordinator)) {
            assertThatThrownBy(() -> service.withInterviews(SCHOOL, "T-0045", outsider))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.holdInterview(SCHOOL, "T-0045",
                    anInterviewWantingToBecome(Ambition.MENTOR, true), outsider)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.register(SCHOOL, aTeacher("T-0099"), outsider))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.remove(SCHOOL, "T-0045", outsider))
                    .isInstanceOf(NotFoundException.class);
        }

        assertThat(staff.atSchool(SCHOOL)).extracting(StaffMember::staffRef).containsExactly("T-0045");
        assertThat(staff.find(StaffMember.id(SCHOOL, "T-0045")).orElseThrow().interviews()).isEmpty();
        assertThat(staff.published()).isEmpty();
        assertThat(audit.entries()).hasSize(entriesBefore);
        assertThat(riskReassessedFor).isEmpty();
    }

    @Test
    void aNationalIdNumberAsReferenceOrAnInterviewInTheFutureIsRefusedAndChangesNothing() {
        assertThatThrownBy(() -> service.register(SCHOOL, aTeacher("123456782"), hr))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("national id");
        assertThat(staff.atSchool(SCHOOL)).isEmpty();

        service.register(SCHOOL, aTeacher("T-0046"), hr);
        StaffService.HoldInterview tomorrow = new StaffService.HoldInterview(TODAY.plusDays(1), "HR adviser",
                Answers.none(), 3, 3, IntentToStay.YES, List.of(), List.of(), null);
        assertThatThrownBy(() -> service.holdInterview(SCHOOL, "T-0046", tomorrow, hr))
                .isInstanceOf(InvalidRequest.class);
        assertThat(staff.find(StaffMember.id(SCHOOL, "T-0046")).orElseThrow().interviews()).isEmpty();
        assertThat(staff.published()).isEmpty();
        assertThat(riskReassessedFor).isEmpty();
    }

    private static StaffService.RegisterStaff aTeacher(String staffRef) {
        return new StaffService.RegisterStaff(staffRef, "docent", "wiskunde", new BigDecimal("0.8"), 6, null);
    }

    private static StaffService.HoldInterview anInterviewWantingToBecome(Ambition ambition, boolean scoutMayKnow) {
        return new StaffService.HoldInterview(TODAY.minusDays(1), "HR adviser", Answers.none(), 3, 4,
                IntentToStay.UNSURE, List.of(new GrowthAmbition(ambition, scoutMayKnow)), List.of(), null);
    }

    private static CurrentUser hrOf(String school) {
        return new CurrentUser("hr-" + school, List.of(Role.SCHOOL_HR), null, school);
    }
}
