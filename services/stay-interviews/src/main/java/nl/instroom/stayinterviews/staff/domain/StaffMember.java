package nl.instroom.stayinterviews.staff.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.stay.StaffMemberLeft;
import nl.instroom.events.stay.StayInterviewHeld;

/**
 * An employee of one school under the school's own pseudonymous reference (never a national id number), with the
 * stay interviews held with them. Its id — {@code <schoolCode>:<staffRef>} — is the pseudonymous reference the
 * rest of Instroom sees, and only when the employee agreed to share a growth ambition.
 */
public final class StaffMember {

    /** One interview a year: a member whose last one is a year old (or who never had one) is due. */
    public static final Period INTERVIEW_CYCLE = Period.ofYears(1);

    private static final String REF = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    private static final String NATIONAL_ID = "[0-9]{8,9}";

    private final String schoolCode;
    private final String staffRef;
    private final String role;
    private final String subject;
    private final BigDecimal fte;
    private final int yearsInService;
    private LocalDate lastStayInterviewOn;
    private LocalDate leavesOn;
    private boolean ambitionShared;
    private final List<StayInterview> interviews;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private StaffMember(String schoolCode, String staffRef, String role, String subject, BigDecimal fte,
            int yearsInService, LocalDate lastStayInterviewOn, LocalDate leavesOn, boolean ambitionShared,
            List<StayInterview> interviews, long revision) {
        this.schoolCode = Objects.requireNonNull(schoolCode, "schoolCode");
        this.staffRef = Objects.requireNonNull(staffRef, "staffRef");
        this.role = role;
        this.subject = subject;
        this.fte = fte;
        this.yearsInService = yearsInService;
        this.lastStayInterviewOn = lastStayInterviewOn;
        this.leavesOn = leavesOn;
        this.ambitionShared = ambitionShared;
        this.interviews = new ArrayList<>(interviews);
        this.revision = revision;
        this.loadedRevision = revision;
    }

    public static String id(String schoolCode, String staffRef) {
        return schoolCode + ":" + staffRef;
    }

    /** HR registers an employee; refuses what looks like a national id number (BSN) as the reference. */
    public static StaffMember register(String schoolCode, String staffRef, String role, String subject,
            BigDecimal fte, int yearsInService, LocalDate lastStayInterviewOn, LocalDate today) {
        if (schoolCode == null || !schoolCode.matches("[0-9]{2}[A-Z]{2}[0-9]{2}")) {
            throw new InvalidRequest("A school is named by its vestigingscode, e.g. 21CM00");
        }
        if (staffRef == null || !staffRef.matches(REF)) {
            throw new InvalidRequest("The staff reference is the school's own code: letters, digits, "
                    + "'.', '_' or '-', at most 40");
        }
        if (staffRef.matches(NATIONAL_ID)) {
            throw new InvalidRequest("The staff reference must not be a national id number (BSN): use "
                    + "a reference the school controls");
        }
        if (role == null || role.isBlank() || role.length() > 60) {
            throw new InvalidRequest("A staff member has a role of at most 60 characters");
        }
        if (subject != null && subject.length() > 60) {
            throw new InvalidRequest("A subject has at most 60 characters");
        }
        if (fte == null || fte.signum() <= 0 || fte.compareTo(new BigDecimal("1.2")) > 0) {
            throw new InvalidRequest("FTE is more than 0 and at most 1.2");
        }
        if (yearsInService < 0 || yearsInService > 60) {
            throw new InvalidRequest("Years in service are 0 to 60");
        }
        if (lastStayInterviewOn != null && lastStayInterviewOn.isAfter(today)) {
            throw new InvalidRequest("The last stay interview cannot be in the future");
        }
        StaffMember member = new StaffMember(schoolCode, staffRef, role.trim(), subject == null || subject.isBlank()
                ? null : subject.trim().toLowerCase(java.util.Locale.ROOT), fte, yearsInService, lastStayInterviewOn,
                null, false, List.of(), 0);
        member.revision = 1;
        return member;
    }

    public static StaffMember restore(String schoolCode, String staffRef, String role, String subject, BigDecimal fte,
            int yearsInService, LocalDate lastStayInterviewOn, LocalDate leavesOn, boolean ambitionShared,
            List<StayInterview> interviews, long revision) {
        return new StaffMember(schoolCode, staffRef, role, subject, fte, yearsInService, lastStayInterviewOn,
                leavesOn, ambitionShared, interviews, revision);
    }

    /**
     * Adds a held interview. Registers that it was held (school, date, band — no person) and, per ambition the
     * employee agreed to share with a talent scout, that ambition under the pseudonymous reference.
     */
    public void holdInterview(StayInterview interview) {
        if (leavesOn != null && interview.heldOn().isAfter(leavesOn)) {
            throw new NotPossibleNow("Staff member " + staffRef + " has left; no stay interview after that");
        }
        if (interviews.stream().anyMatch(held -> held.id().equals(interview.id()))) {
            throw new NotPossibleNow("Interview " + interview.id() + " was already recorded");
        }
        interviews.add(interview);
        if (lastStayInterviewOn == null || interview.heldOn().isAfter(lastStayInterviewOn)) {
            lastStayInterviewOn = interview.heldOn();
        }
        revision++;
        registered.add(new StayInterviewHeld(schoolCode, interview.heldOn(), interview.riskBand()));
        for (GrowthAmbition ambition : interview.ambitions()) {
            if (ambition.scoutMayKnow()) {
                ambitionShared = true;
                registered.add(new GrowthAmbitionShared(schoolCode, id(), ambition.ambition().name(),
                        interview.heldOn()));
            }
        }
    }

    public void completeAction(String interviewId, int index, LocalDate on) {
        for (int i = 0; i < interviews.size(); i++) {
            if (interviews.get(i).id().equals(interviewId)) {
                interviews.set(i, interviews.get(i).withActionDone(index, on));
                revision++;
                return;
            }
        }
        throw new InvalidRequest("Staff member " + staffRef + " has no interview " + interviewId);
    }

    /**
     * Records the day the employee leaves (or left): from then the retention period of their interviews runs. A new
     * or changed date registers {@link StaffMemberLeft} — the reference and the month only — for mentoring, which
     * keeps it only when a school leader gave this reference with their consent (docs/mentoring.md); stay-interviews
     * does not know who takes part in mentoring, and must not, so every leaving date is published. The same date
     * entered again registers nothing.
     */
    public void leavesOn(LocalDate day) {
        if (day == null) {
            throw new InvalidRequest("A leaving date is needed");
        }
        boolean changed = !day.equals(leavesOn);
        leavesOn = day;
        revision++;
        if (changed) {
            registered.add(new StaffMemberLeft(schoolCode, id(), YearMonth.from(day)));
        }
    }

    /** The newest interview, which is the one the school's retention risk counts. */
    public Optional<StayInterview> latestInterview() {
        return interviews.stream().max(Comparator.comparing(StayInterview::heldOn));
    }

    public boolean hasLeftBy(LocalDate day) {
        return leavesOn != null && !leavesOn.isAfter(day);
    }

    public boolean dueForInterview(LocalDate today) {
        return !hasLeftBy(today)
                && (lastStayInterviewOn == null || !lastStayInterviewOn.plus(INTERVIEW_CYCLE).isAfter(today));
    }

    /**
     * Whether the employee left before the day: with the day a retention period before today, whether that period
     * has passed since they left, so nothing about them may be kept.
     */
    public boolean leftBefore(LocalDate day) {
        return leavesOn != null && leavesOn.isBefore(day);
    }

    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }

    /** The pseudonymous reference the rest of Instroom may know: {@code <schoolCode>:<staffRef>}. */
    public String id() {
        return id(schoolCode, staffRef);
    }

    public String schoolCode() {
        return schoolCode;
    }

    public String staffRef() {
        return staffRef;
    }

    public String role() {
        return role;
    }

    public String subject() {
        return subject;
    }

    public BigDecimal fte() {
        return fte;
    }

    public int yearsInService() {
        return yearsInService;
    }

    public LocalDate lastStayInterviewOn() {
        return lastStayInterviewOn;
    }

    public LocalDate leavesOn() {
        return leavesOn;
    }

    /** Whether this employee's reference ever left the service (with a shared growth ambition). */
    public boolean ambitionShared() {
        return ambitionShared;
    }

    public List<StayInterview> interviews() {
        return List.copyOf(interviews);
    }

    public long revision() {
        return revision;
    }

    public long loadedRevision() {
        return loadedRevision;
    }
}
