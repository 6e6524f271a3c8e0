package nl.instroom.events;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.mentoring.MeetingLogged;
import nl.instroom.events.mentoring.PairActivated;
import nl.instroom.events.mentoring.PairEnded;
import nl.instroom.events.mentoring.PairMatched;
import nl.instroom.events.mentoring.PairWentQuiet;
import nl.instroom.events.needmap.NeedComponent;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;
import nl.instroom.events.needmap.SubjectNeed;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.events.needmap.VacancyWithdrawn;
import nl.instroom.events.privacy.PersonalDataPurged;
import nl.instroom.events.privacy.SubjectErased;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.events.scouting.AmbassadorNominated;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentFlagged;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.events.scouting.TalentStatusChanged;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.stay.RetentionRiskAssessed;
import nl.instroom.events.stay.RiskBand;
import nl.instroom.events.stay.StaffMemberLeft;
import nl.instroom.events.stay.StaffMemberRemoved;
import nl.instroom.events.stay.StayInterviewHeld;
import nl.instroom.events.tutoring.PlacementCancelled;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.events.tutoring.PlacementConfirmed;
import nl.instroom.events.tutoring.PlacementProposed;
import nl.instroom.events.tutoring.PlacementStarted;
import nl.instroom.events.tutoring.SubjectLevel;
import nl.instroom.events.tutoring.TutorRegistered;

/** One realistic instance of every published event type, as a producer would write it. */
final class SampleEvents {

    private static final String SCHOOL = "21CM00";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    static List<InstroomEvent> all() {
        return List.of(
                new SchoolRegistered(SCHOOL, "De Springplank", Sector.PO, "ZWOLLE", "GM0193", "8021 AB", 52.52, 6.09,
                        312, "AM36", 1),
                new SchoolUpdated(SCHOOL, "De Springplank", Sector.PO, "ZWOLLE", "GM0193", "8021AB", 52.52, 6.09, null,
                        "AM36", List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), 2, 2),
                new VacancyOpened("v-1", SCHOOL, "wiskunde", new BigDecimal("0.8"), 32, DAY, Urgency.HIGH, 1),
                new VacancyFilled("v-1", SCHOOL, "wiskunde", new BigDecimal("0.8"), DAY, 2),
                new VacancyWithdrawn("v-2", SCHOOL, "duits", BigDecimal.ONE, DAY, "BUDGET", 2),
                new SchoolNeedChanged(SCHOOL, "AM36", 1.22,
                        List.of(new SubjectNeed("wiskunde", 1.0, new BigDecimal("0.8"))),
                        List.of(new NeedComponent("openFte", 0.8, 0.4)), 3),
                new TutorRegistered("t-1", List.of(new SubjectLevel("wiskunde", "havo")), "8011", "AM36", 1),
                new PlacementProposed("p-1", "t-1", SCHOOL, "wiskunde", 2, "run-1", 1),
                new PlacementConfirmed("p-1", "t-1", SCHOOL, "wiskunde", 2),
                new PlacementStarted("p-1", "t-1", SCHOOL, "wiskunde", DAY, 3),
                new PlacementCompleted("p-1", "t-1", SCHOOL, "wiskunde", DAY, 4, 5, 4),
                new PlacementCancelled("p-2", "t-1", SCHOOL, "wiskunde", "CONSENT_WITHDRAWN", 2),
                new StayInterviewHeld(SCHOOL, DAY, RiskBand.HIGH),
                new RetentionRiskAssessed(SCHOOL, new BigDecimal("1.6"), 12, DAY, 5),
                new GrowthAmbitionShared(SCHOOL, "s-17", "AMBASSADOR", DAY),
                new StaffMemberRemoved(SCHOOL, "s-17", DAY),
                new StaffMemberLeft(SCHOOL, SCHOOL + ":s-17", java.time.YearMonth.from(DAY)),
                new TalentFlagged("tal-1", PersonKind.TUTOR, "t-1", TalentKind.POTENTIAL_TEACHER, "AM36", 1),
                new TalentStatusChanged("tal-1", TalentStage.FLAGGED, TalentStage.APPROACHED, DAY, 2),
                new AmbassadorNominated("tal-1", "s-17", SCHOOL, "AM36", 3),
                new nl.instroom.events.advice.CandidateReferred("7f0c2a52-5d1e-4b8e-9d55-0f3f1c7a9b21", "AM36",
                        nl.instroom.events.Sector.VO, "wiskunde", DAY, 4),
                new nl.instroom.events.advice.CandidateProgressed("7f0c2a52-5d1e-4b8e-9d55-0f3f1c7a9b21", "AM36",
                        nl.instroom.events.Sector.VO, "wiskunde", "WORKING", java.time.YearMonth.from(DAY),
                        java.time.YearMonth.from(DAY).plusMonths(14), 9),
                new SubjectErasureRequested("er-1", SubjectKind.TUTOR, "t-1"),
                new SubjectErased("er-1", "tutoring", SubjectKind.TUTOR, 3),
                new PersonalDataPurged("pu-1", "tutoring", "tutor", "P1Y", java.time.Instant.parse(
                        "2025-11-23T02:15:00Z"), 2, List.of("t-1", "t-2")),
                new PairMatched("pair-1", "cohort-1", "participant-1", "participant-2", 75, DAY, 1),
                new PairActivated("pair-1", "cohort-1", "participant-1", "participant-2", DAY, 4),
                new MeetingLogged("pair-1", "cohort-1", DAY, 90, "IN_PERSON", 1, 5),
                new PairWentQuiet("pair-1", "cohort-1", DAY, 3, DAY.plusWeeks(3), 6),
                new PairEnded("pair-1", "cohort-1", "participant-1", "participant-2", "ENDED_EARLY", "NO_TIME", 1,
                        DAY.plusWeeks(4), 7));
    }

    private SampleEvents() {
    }
}
