package nl.instroom.needmapping.vacancy.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.events.needmap.VacancyWithdrawn;
import nl.instroom.needmapping.school.domain.Vestigingscode;

/**
 * A vacancy a school has for a subject or role. Every change raises the revision by one and registers the event
 * it causes; the caller stores state and events together and publishes nothing itself.
 */
public final class Vacancy {

    private static final BigDecimal MAX_FTE = new BigDecimal("1.2");
    /** The longest subject or role name a vacancy takes. */
    public static final int MAX_SUBJECT_LENGTH = 80;
    /**
     * How far back an opening may be dated: enough for a school's records of the past two school years, and no
     * further, because a vacancy's age raises its school's need (the age factor stops growing after 12 months, so
     * an older date adds no weight, only doubt).
     */
    public static final int MAX_MONTHS_BACK = 24;

    private final String id;
    private final String schoolCode;
    private final String subject;
    private final BigDecimal fte;
    private final int hoursPerWeek;
    private final LocalDate startDate;
    private final Urgency urgency;
    private final LocalDate openedOn;
    private VacancyStatus status;
    private LocalDate closedOn;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private Vacancy(String id, String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
            LocalDate startDate, Urgency urgency, LocalDate openedOn, VacancyStatus status, LocalDate closedOn,
            long revision) {
        this.id = Objects.requireNonNull(id, "id");
        this.schoolCode = Vestigingscode.canonical(schoolCode);
        this.subject = Objects.requireNonNull(subject, "subject");
        this.fte = Objects.requireNonNull(fte, "fte");
        this.hoursPerWeek = hoursPerWeek;
        this.startDate = Objects.requireNonNull(startDate, "startDate");
        this.urgency = Objects.requireNonNull(urgency, "urgency");
        this.openedOn = Objects.requireNonNull(openedOn, "openedOn");
        this.status = Objects.requireNonNull(status, "status");
        this.closedOn = closedOn;
        this.revision = revision;
        this.loadedRevision = revision;
    }

    /** Opens a vacancy today; rejects a size no school can have. */
    public static Vacancy open(String id, String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
            LocalDate startDate, Urgency urgency, LocalDate today) {
        return open(id, schoolCode, subject, fte, hoursPerWeek, startDate, urgency, today, today);
    }

    /**
     * Opens a vacancy as of {@code openedOn} — today, or a day of the past when a school's existing records are
     * entered — which is what its age, and so its weight in the need index, counts from. Rejects a size no school
     * can have, and an opening in the future or more than {@link #MAX_MONTHS_BACK} months ago.
     */
    public static Vacancy open(String id, String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
            LocalDate startDate, Urgency urgency, LocalDate openedOn, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (openedOn == null) {
            openedOn = today;
        }
        if (openedOn.isAfter(today)) {
            throw new InvalidRequest("A vacancy cannot be opened in the future: openedOn " + openedOn
                    + " is after today (" + today + ")");
        }
        if (openedOn.isBefore(today.minusMonths(MAX_MONTHS_BACK))) {
            throw new InvalidRequest("openedOn may lie at most " + MAX_MONTHS_BACK + " months back (not before "
                    + today.minusMonths(MAX_MONTHS_BACK) + ")");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidRequest("A vacancy needs a subject or role");
        }
        if (subject.trim().length() > MAX_SUBJECT_LENGTH) {
            throw new InvalidRequest("A subject or role has at most " + MAX_SUBJECT_LENGTH + " characters");
        }
        if (fte == null || fte.signum() <= 0 || fte.compareTo(MAX_FTE) > 0) {
            throw new InvalidRequest("FTE must be more than 0 and at most " + MAX_FTE);
        }
        if (hoursPerWeek < 1 || hoursPerWeek > 48) {
            throw new InvalidRequest("Hours per week must be between 1 and 48");
        }
        Vacancy vacancy = new Vacancy(id, schoolCode, subject.trim(), fte, hoursPerWeek, startDate, urgency,
                openedOn, VacancyStatus.OPEN, null, 0);
        vacancy.revision = 1;
        vacancy.registered.add(new VacancyOpened(vacancy.id, vacancy.schoolCode, vacancy.subject, fte, hoursPerWeek,
                startDate, urgency, vacancy.revision));
        return vacancy;
    }

    /** Rebuilds a vacancy from storage; registers nothing. */
    public static Vacancy restore(String id, String schoolCode, String subject, BigDecimal fte, int hoursPerWeek,
            LocalDate startDate, Urgency urgency, LocalDate openedOn, VacancyStatus status, LocalDate closedOn,
            long revision) {
        return new Vacancy(id, schoolCode, subject, fte, hoursPerWeek, startDate, urgency, openedOn, status, closedOn,
                revision);
    }

    /** Fills the vacancy today. */
    public void fill(LocalDate today) {
        fill(today, today);
    }

    /**
     * Fills the vacancy as of {@code filledOn}: today, or a day of the past (a school's records entered late), never
     * before it opened nor in the future.
     */
    public void fill(LocalDate filledOn, LocalDate today) {
        requireOpen("filled");
        filledOn = closingDay("filledOn", filledOn, today);
        status = VacancyStatus.FILLED;
        closedOn = filledOn;
        revision++;
        registered.add(new VacancyFilled(id, schoolCode, subject, fte, filledOn, revision));
    }

    /** Withdraws the vacancy today. */
    public void withdraw(LocalDate today, String reasonCode) {
        withdraw(today, reasonCode, today);
    }

    /** Withdraws the vacancy as of {@code withdrawnOn}, with the same rule for the day as {@link #fill}. */
    public void withdraw(LocalDate withdrawnOn, String reasonCode, LocalDate today) {
        requireOpen("withdrawn");
        if (reasonCode == null || !reasonCode.matches("[A-Z_]{2,40}")) {
            throw new InvalidRequest("A withdrawal needs a reason code such as BUDGET or INTERNAL_MOVE");
        }
        withdrawnOn = closingDay("withdrawnOn", withdrawnOn, today);
        status = VacancyStatus.WITHDRAWN;
        closedOn = withdrawnOn;
        revision++;
        registered.add(new VacancyWithdrawn(id, schoolCode, subject, fte, withdrawnOn, reasonCode, revision));
    }

    /** The day a vacancy closes: today when none is given; never before it opened, never after today. */
    private LocalDate closingDay(String field, LocalDate day, LocalDate today) {
        Objects.requireNonNull(today, "today");
        LocalDate closed = day == null ? today : day;
        if (closed.isAfter(today)) {
            throw new InvalidRequest(field + " " + closed + " lies in the future (today is " + today + ")");
        }
        if (closed.isBefore(openedOn)) {
            throw new InvalidRequest(field + " " + closed + " lies before the vacancy opened (" + openedOn + ")");
        }
        return closed;
    }

    private void requireOpen(String action) {
        if (status != VacancyStatus.OPEN) {
            throw new NotPossibleNow("Vacancy " + id + " is " + status + " and cannot be " + action);
        }
    }

    /** The events caused since this object was created or restored, oldest first. */
    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }

    public String id() {
        return id;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public String subject() {
        return subject;
    }

    public BigDecimal fte() {
        return fte;
    }

    public int hoursPerWeek() {
        return hoursPerWeek;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public Urgency urgency() {
        return urgency;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public VacancyStatus status() {
        return status;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public long revision() {
        return revision;
    }

    /** The revision this vacancy had when loaded: 0 for a new one. Saving checks nobody changed it since. */
    public long loadedRevision() {
        return loadedRevision;
    }
}
