package nl.instroom.tutoring.tutor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.tutoring.SubjectLevel;
import nl.instroom.events.tutoring.TutorRegistered;

/**
 * A pupil registered as a tutor. Pupils can be minors: under 16 a parent's consent must be in place before their data
 * is processed beyond asking for it — they are not announced ({@code TutorRegistered}) nor proposed, placed, started
 * or evaluated until a parent consented — and withdrawing it is always possible. A withdrawal leaves a durable mark
 * ({@link #withdrawalPendingSince()}) until every open placement that depended on it is cancelled, so a crash or a
 * conflict in between cannot leave one open (docs/matching.md, "Consent").
 */
public final class Tutor {

    public static final int AGE_OF_CONSENT = 16;

    private final String id;
    private final String name;
    private final String schoolAttended;
    private final int schoolYear;
    private final LocalDate dateOfBirth;
    private final List<SubjectLevel> subjects;
    private final Availability availability;
    private final String pc4;
    private final int maxTravelKm;
    private final String region;
    private final LocalDate registeredOn;
    private ParentalConsent consent;
    private boolean announced;
    private Instant withdrawalPendingSince;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private Tutor(String id, String name, String schoolAttended, int schoolYear, LocalDate dateOfBirth,
            List<SubjectLevel> subjects, Availability availability, String pc4, int maxTravelKm, String region,
            LocalDate registeredOn, ParentalConsent consent, boolean announced, Instant withdrawalPendingSince,
            long revision) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.schoolAttended = Objects.requireNonNull(schoolAttended, "schoolAttended");
        this.schoolYear = schoolYear;
        this.dateOfBirth = Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        this.subjects = List.copyOf(subjects);
        this.availability = Objects.requireNonNull(availability, "availability");
        this.pc4 = Objects.requireNonNull(pc4, "pc4");
        this.maxTravelKm = maxTravelKm;
        this.region = Objects.requireNonNull(region, "region");
        this.registeredOn = registeredOn;
        this.consent = consent;
        this.announced = announced;
        this.withdrawalPendingSince = withdrawalPendingSince;
        this.revision = revision;
        this.loadedRevision = revision;
    }

    /** Registers a pupil; rejects what cannot be a secondary-school pupil or a tutoring arrangement. */
    public static Tutor register(String id, String name, String schoolAttended, int schoolYear, LocalDate dateOfBirth,
            List<SubjectLevel> subjects, Availability availability, String pc4, int maxTravelKm, String region,
            LocalDate today) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new InvalidRequest("A tutor needs a name of at most 120 characters");
        }
        int age = Period.between(dateOfBirth, today).getYears();
        if (age < 12 || age > 21) {
            throw new InvalidRequest("A tutor is a pupil between 12 and 21 years old");
        }
        if (schoolYear < 1 || schoolYear > 6) {
            throw new InvalidRequest("School year (leerjaar) is 1 to 6");
        }
        if (subjects == null || subjects.isEmpty()) {
            throw new InvalidRequest("A tutor helps with at least one subject");
        }
        if (pc4 == null || !pc4.matches("[1-9][0-9]{3}")) {
            throw new InvalidRequest("The home area is a 4-digit postcode (PC4), never a full address");
        }
        if (maxTravelKm < 1 || maxTravelKm > 50) {
            throw new InvalidRequest("Maximum travel distance is 1 to 50 km");
        }
        Tutor tutor = new Tutor(id, name.trim(), schoolAttended, schoolYear, dateOfBirth, subjects, availability, pc4,
                maxTravelKm, region, today, null, false, null, 0);
        tutor.revision = 1;
        if (!tutor.needsParentalConsent(today)) {
            tutor.announce();
        }
        return tutor;
    }

    /**
     * @param registeredOn null for tutors registered before the date was kept (their retention clock starts later)
     * @param announced whether {@code TutorRegistered} went out
     * @param withdrawalPendingSince when a withdrawn consent's placements began to be cancelled, until all are
     */
    public static Tutor restore(String id, String name, String schoolAttended, int schoolYear, LocalDate dateOfBirth,
            List<SubjectLevel> subjects, Availability availability, String pc4, int maxTravelKm, String region,
            LocalDate registeredOn, ParentalConsent consent, boolean announced, Instant withdrawalPendingSince,
            long revision) {
        return new Tutor(id, name, schoolAttended, schoolYear, dateOfBirth, subjects, availability, pc4, maxTravelKm,
                region, registeredOn, consent, announced, withdrawalPendingSince, revision);
    }

    /** The tutor's supply leaves tutoring only once they may be placed: from 16, or with a parent's consent. */
    private void announce() {
        if (!announced) {
            announced = true;
            registered.add(new TutorRegistered(id, subjects, pc4, region, revision));
        }
    }

    public boolean needsParentalConsent(LocalDate today) {
        return Period.between(dateOfBirth, today).getYears() < AGE_OF_CONSENT;
    }

    /** Whether a placement of this tutor may be confirmed today: 16 or older, or a parent's consent in place. */
    public boolean mayBePlaced(LocalDate today) {
        return !needsParentalConsent(today) || consent != null;
    }

    /** Records a parent's consent; a pupil registered without it is announced now. */
    public void recordParentalConsent(ParentalConsent given) {
        consent = Objects.requireNonNull(given, "consent");
        revision++;
        announce();
    }

    /**
     * Withdraws consent; returns whether there was one. For a pupil under 16 it marks, in the same write, that the
     * open placements proposed until now must be cancelled; the caller cancels them and then clears the mark.
     */
    public boolean withdrawParentalConsent(LocalDate today, Instant now) {
        if (consent == null) {
            return false;
        }
        consent = null;
        revision++;
        if (needsParentalConsent(today)) {
            withdrawalPendingSince = now;
        }
        return true;
    }

    /** Whether {@code TutorRegistered} went out: only once the pupil may be placed. */
    public boolean announced() {
        return announced;
    }

    /** Since when a withdrawal's cancellations are unfinished; null when none is. */
    public Instant withdrawalPendingSince() {
        return withdrawalPendingSince;
    }

    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String schoolAttended() {
        return schoolAttended;
    }

    public int schoolYear() {
        return schoolYear;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public List<SubjectLevel> subjects() {
        return subjects;
    }

    public Availability availability() {
        return availability;
    }

    public String pc4() {
        return pc4;
    }

    public int maxTravelKm() {
        return maxTravelKm;
    }

    public String region() {
        return region;
    }

    /** The day the pupil was registered: where the retention period of their data starts if they are never placed. */
    public LocalDate registeredOn() {
        return registeredOn;
    }

    public ParentalConsent consent() {
        return consent;
    }

    public long revision() {
        return revision;
    }

    /** The revision this tutor had when loaded: 0 for a new one. Saving checks nobody changed it since. */
    public long loadedRevision() {
        return loadedRevision;
    }
}
