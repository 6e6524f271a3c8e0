package nl.instroom.careeradvice.cases.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Sector;
import nl.instroom.events.advice.CandidateProgressed;
import nl.instroom.events.advice.CandidateReferred;

/**
 * One person's case at the desk: the minimum to advise them (name, e-mail address, what they want to know), their
 * explicit consent and the retention period they chose, the appointments they booked, and the adviser's log —
 * contacts, phases, outcomes and referrals. The e-mail address is recognised again by a keyed digest
 * ({@code emailDigest}), so a returning person finds their case without the address being searchable.
 *
 * <p>What leaves the service is the case's pseudonymous id with facts: a referral's region, sector and subject, and
 * the later stages (in training, working) the referred person reached, by month. Who the person is reaches a
 * region's coordinator only through the {@link Introduction} the person agreed to, served by this service alone.
 */
public final class AdviceCase {

    /** The retention periods a person may choose, in months. */
    public static final List<Integer> RETENTION_MONTHS = List.of(6, 12, 24);
    public static final int SUMMARY_LIMIT = 4000;

    /** One request for a conversation: when, what about, and from which route finder answers. */
    public record Request(Instant at, String question, String slotId, Map<String, String> routeAnswers) {

        public Request {
            routeAnswers = routeAnswers == null ? Map.of() : Map.copyOf(routeAnswers);
        }
    }

    /** A logged contact; the summary is free text and sealed at rest. */
    public record Contact(String id, ContactKind kind, LocalDate on, int minutes, String summary, String advisorRef) {
    }

    /** A move from one phase to another, with the closing reason when it left. */
    public record PhaseChange(Phase from, Phase to, LocalDate on, ClosingReason reason, String by) {
    }

    /** What came of the advice: in training (route, institution) or working (school, region). */
    public record Outcome(OutcomeKind kind, LocalDate on, String routeId, String institution, String schoolCode,
            String region) {
    }

    /** A referral to a region with great need for the person's sector and subject. */
    public record Referral(String region, Sector sector, String subject, LocalDate on, String by) {
    }

    /** Where and what the person wants to teach, as the adviser records it: the basis of need and referral. */
    public record Profile(Sector sector, String subject, String pc4) {
    }

    /**
     * The person's agreement to be introduced to the coordinator of a region they were referred to, as the adviser
     * recorded it: the day they agreed and only what they agreed to share (a first name, a contact address, or both;
     * sealed at rest like the rest of the person). Withdrawing keeps the two days and drops what was shared, so the
     * coordinator sees the person as pseudonymous again and nothing of them is kept for nobody.
     */
    public record Introduction(String region, LocalDate agreedOn, String firstName, String contactEmail,
            String recordedBy, LocalDate withdrawnOn) {

        public boolean active() {
            return withdrawnOn == null;
        }
    }

    private final String id;
    private final String emailDigest;
    private String name;
    private String email;
    private final Instant consentGivenAt;
    private int retentionMonths;
    private Instant lastActivity;
    private Phase phase;
    private Profile profile;
    private String advisorRef;
    private final List<Request> requests;
    private final List<Contact> contacts;
    private final List<PhaseChange> phases;
    private final List<Outcome> outcomes;
    private final List<Referral> referrals;
    private Introduction introduction;
    private final long loadedRevision;
    private long revision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private AdviceCase(String id, String emailDigest, String name, String email, Instant consentGivenAt,
            int retentionMonths, Instant lastActivity, Phase phase, Profile profile, String advisorRef,
            List<Request> requests, List<Contact> contacts, List<PhaseChange> phases, List<Outcome> outcomes,
            List<Referral> referrals, Introduction introduction, long revision) {
        this.id = id;
        this.emailDigest = emailDigest;
        this.name = name;
        this.email = email;
        this.consentGivenAt = consentGivenAt;
        this.retentionMonths = retentionMonths;
        this.lastActivity = lastActivity;
        this.phase = phase;
        this.profile = profile;
        this.advisorRef = advisorRef;
        this.requests = new ArrayList<>(requests);
        this.contacts = new ArrayList<>(contacts);
        this.phases = new ArrayList<>(phases);
        this.outcomes = new ArrayList<>(outcomes);
        this.referrals = new ArrayList<>(referrals);
        this.introduction = introduction;
        this.loadedRevision = revision;
        this.revision = revision;
    }

    /**
     * Opens a case for a first request. Consent must be given explicitly and a retention period chosen from
     * {@link #RETENTION_MONTHS}.
     */
    public static AdviceCase open(String id, String emailDigest, String name, String email, boolean consent,
            int retentionMonths, Request request, Profile profile, String advisorRef, Instant now) {
        requireConsentAndRetention(consent, retentionMonths);
        AdviceCase advice = new AdviceCase(id, emailDigest, name.strip(), email.strip(), now, retentionMonths, now,
                Phase.NEW, profile == null ? new Profile(null, null, null) : profile, advisorRef, List.of(request),
                List.of(), List.of(), List.of(), List.of(), null, 0);
        advice.revision = 1;
        return advice;
    }

    public static AdviceCase restore(String id, String emailDigest, String name, String email,
            Instant consentGivenAt, int retentionMonths, Instant lastActivity, Phase phase, Profile profile,
            String advisorRef, List<Request> requests, List<Contact> contacts, List<PhaseChange> phases,
            List<Outcome> outcomes, List<Referral> referrals, Introduction introduction, long revision) {
        return new AdviceCase(id, emailDigest, name, email, consentGivenAt, retentionMonths, lastActivity, phase,
                profile, advisorRef, requests, contacts, phases, outcomes, referrals, introduction, revision);
    }

    /**
     * A returning person asks again: the request joins their case, the retention period is the one chosen now, and a
     * case that had left is opened again. The name stays as first given (an adviser can see both in the request).
     */
    public void askAgain(boolean consent, int retentionMonths, Request request, Profile profile, String advisor,
            Instant now) {
        requireConsentAndRetention(consent, retentionMonths);
        this.retentionMonths = retentionMonths;
        requests.add(request);
        if (profile != null) {
            this.profile = merge(this.profile, profile);
        }
        if (phase == Phase.LEFT) {
            phases.add(new PhaseChange(Phase.LEFT, Phase.NEW, day(now), null, "requester"));
            phase = Phase.NEW;
        }
        if (advisorRef == null) {
            advisorRef = advisor;
        }
        changed(now);
    }

    public Contact logContact(ContactKind kind, LocalDate on, int minutes, String summary, String advisor,
            Instant now) {
        if (kind == null || on == null) {
            throw new InvalidRequest("A contact needs its kind and day");
        }
        if (minutes < 1 || minutes > 480) {
            throw new InvalidRequest("A contact lasts 1 to 480 minutes");
        }
        if (summary != null && summary.length() > SUMMARY_LIMIT) {
            throw new InvalidRequest("A summary has at most " + SUMMARY_LIMIT + " characters");
        }
        Contact contact = new Contact(UUID.randomUUID().toString(), kind, on, minutes,
                summary == null || summary.isBlank() ? null : summary.strip(), advisor);
        contacts.add(contact);
        changed(now);
        return contact;
    }

    /**
     * Moves the case on: only forward through the phases, or to {@link Phase#LEFT} — which needs a reason from the
     * list, and which nothing but a new request of the person leaves again.
     */
    public void moveTo(Phase to, ClosingReason reason, String advisor, Instant now) {
        if (to == null) {
            throw new InvalidRequest("Name the phase");
        }
        if (to == Phase.LEFT && reason == null) {
            throw new InvalidRequest("A case leaves with a reason from the list");
        }
        if (to != Phase.LEFT && reason != null) {
            throw new InvalidRequest("Only leaving takes a reason");
        }
        if (phase == Phase.LEFT) {
            throw new NotPossibleNow("This case has left; a new request of the person opens it again");
        }
        if (to.ordinal() <= phase.ordinal()) {
            throw new NotPossibleNow("The case is " + phase + " already; phases only move forward");
        }
        Phase before = furthestPhase();
        phases.add(new PhaseChange(phase, to, day(now), reason, advisor));
        phase = to;
        changed(now);
        tellProgressIfFurther(before);
    }

    /** Records an outcome; the phase follows it (forward only). */
    public void recordOutcome(Outcome outcome, String advisor, Instant now) {
        if (outcome.kind() == null || outcome.on() == null) {
            throw new InvalidRequest("An outcome needs its kind and day");
        }
        if (outcome.kind() == OutcomeKind.IN_TRAINING && (blank(outcome.routeId()) || blank(outcome.institution()))) {
            throw new InvalidRequest("In training: name the route and the institution");
        }
        if (outcome.kind() == OutcomeKind.WORKING && blank(outcome.region()) && blank(outcome.schoolCode())) {
            throw new InvalidRequest("Working: name the school or the region");
        }
        if (phase == Phase.LEFT) {
            throw new NotPossibleNow("This case has left; a new request of the person opens it again");
        }
        Phase before = furthestPhase();
        outcomes.add(outcome);
        Phase follows = outcome.kind() == OutcomeKind.IN_TRAINING ? Phase.IN_TRAINING : Phase.WORKING;
        if (follows.ordinal() > phase.ordinal()) {
            phases.add(new PhaseChange(phase, follows, outcome.on(), null, advisor));
            phase = follows;
        }
        changed(now);
        tellProgressIfFurther(before);
    }

    public void describe(Profile profile, Instant now) {
        this.profile = profile;
        changed(now);
    }

    /**
     * Refers the person to a region: the case must say what they want to teach (the sector; the subject too for vo
     * and mbo), and it registers {@link CandidateReferred} with the case's id and those facts only.
     */
    public Referral refer(String region, String advisor, Instant now) {
        if (phase == Phase.LEFT) {
            throw new NotPossibleNow("This case has left; a new request of the person opens it again");
        }
        if (profile == null || profile.sector() == null) {
            throw new NotPossibleNow("Record the sector the person wants to teach in first");
        }
        boolean bySubject = profile.sector() == Sector.VO || profile.sector() == Sector.MBO;
        if (bySubject && blank(profile.subject())) {
            throw new NotPossibleNow("Record the subject the person wants to teach first");
        }
        Referral referral = new Referral(region, profile.sector(), bySubject ? profile.subject() : null, day(now),
                advisor);
        referrals.add(referral);
        changed(now);
        registered.add(new CandidateReferred(id, region, referral.sector(), referral.subject(), referral.on(),
                revision));
        if (furthestPhase().ordinal() >= Phase.IN_TRAINING.ordinal()) {
            // Referred after training started: the region learns the stage too. A second change of its own, so that
            // the stage's revision is newer than the referral's (consumers keep one document per case and region,
            // guarded by the revision, and would drop a second event of the same revision).
            changed(now);
            registered.add(progress(referral));
        }
        return referral;
    }

    /**
     * Records the person's explicit agreement to be introduced to the coordinator of a region they were referred to,
     * with the day they agreed and only what they agreed to share. A new agreement replaces the one before.
     */
    public Introduction agreeToIntroduction(String region, LocalDate agreedOn, String firstName,
            String contactEmail, String advisor, Instant now) {
        if (agreedOn == null) {
            throw new InvalidRequest("Give the day the person agreed to be introduced");
        }
        if (agreedOn.isAfter(day(now))) {
            throw new InvalidRequest("The person cannot have agreed on a day still to come");
        }
        if (consentGivenAt != null && agreedOn.isBefore(day(consentGivenAt))) {
            throw new InvalidRequest("The person agreed before their case was opened: check the day");
        }
        if (blank(firstName) && blank(contactEmail)) {
            throw new InvalidRequest("Share at least a first name or a contact e-mail address");
        }
        if (phase == Phase.LEFT) {
            throw new NotPossibleNow("This case has left; a new request of the person opens it again");
        }
        if (referrals.stream().noneMatch(referral -> referral.region().equals(region))) {
            throw new NotPossibleNow("Refer the person to " + region + " first: only a region they were referred to "
                    + "can be introduced to them");
        }
        introduction = new Introduction(region, agreedOn, blank(firstName) ? null : firstName.strip(),
                blank(contactEmail) ? null : contactEmail.strip().toLowerCase(Locale.ROOT), advisor, null);
        changed(now);
        return introduction;
    }

    /** The person withdrew their agreement: what they shared is dropped, the coordinator sees them pseudonymous. */
    public Introduction withdrawIntroduction(Instant now) {
        if (introduction == null || !introduction.active()) {
            throw new NotPossibleNow("The person has not agreed to be introduced");
        }
        introduction = new Introduction(introduction.region(), introduction.agreedOn(), null, null,
                introduction.recordedBy(), day(now));
        changed(now);
        return introduction;
    }

    /**
     * After a change that may have moved the case on: when it reached in training or working for the first time and
     * was referred, the region of its latest referral learns the stage ({@link CandidateProgressed}). A case that
     * left and came back tells no stage twice (the furthest phase does not move).
     */
    private void tellProgressIfFurther(Phase before) {
        Phase now = furthestPhase();
        if (now.ordinal() > before.ordinal() && now.ordinal() >= Phase.IN_TRAINING.ordinal()
                && !referrals.isEmpty()) {
            registered.add(progress(referrals.get(referrals.size() - 1)));
        }
    }

    private CandidateProgressed progress(Referral referral) {
        YearMonth inTraining = null;
        YearMonth working = null;
        for (PhaseChange change : phases) {
            if (change.to() == Phase.LEFT || change.to().ordinal() < Phase.IN_TRAINING.ordinal()) {
                continue;
            }
            if (inTraining == null) {
                inTraining = YearMonth.from(change.on());
            }
            if (working == null && change.to() == Phase.WORKING) {
                working = YearMonth.from(change.on());
            }
        }
        return new CandidateProgressed(id, referral.region(), referral.sector(), referral.subject(),
                working != null ? CandidateProgressed.WORKING : CandidateProgressed.IN_TRAINING, inTraining, working,
                revision);
    }

    /**
     * The furthest phase the case has reached on its way (never {@link Phase#LEFT}): a case that left, or that left
     * and was opened again, still counts as having got that far.
     */
    public Phase furthestPhase() {
        Phase furthest = phase == Phase.LEFT ? Phase.NEW : phase;
        for (PhaseChange change : phases) {
            for (Phase passed : new Phase[] {change.from(), change.to()}) {
                if (passed != Phase.LEFT && passed.ordinal() > furthest.ordinal()) {
                    furthest = passed;
                }
            }
        }
        return furthest;
    }

    /** Whether a contact was logged for a day of that month. */
    public boolean hadContactIn(YearMonth month) {
        return contacts.stream().anyMatch(contact -> YearMonth.from(contact.on()).equals(month));
    }

    /** Until when the case is kept: the chosen period after the last activity. */
    public Instant keepUntil() {
        return lastActivity.atZone(ZoneOffset.UTC).plusMonths(retentionMonths).toInstant();
    }

    private void changed(Instant now) {
        lastActivity = now;
        revision++;
    }

    private static Profile merge(Profile old, Profile given) {
        if (old == null) {
            return given;
        }
        return new Profile(given.sector() != null ? given.sector() : old.sector(),
                given.subject() != null ? given.subject() : old.subject(),
                given.pc4() != null ? given.pc4() : old.pc4());
    }

    private static void requireConsentAndRetention(boolean consent, int retentionMonths) {
        if (!consent) {
            throw new InvalidRequest("We can only keep your request with your explicit consent");
        }
        if (!RETENTION_MONTHS.contains(retentionMonths)) {
            throw new InvalidRequest("Choose how long we keep your data: 6, 12 or 24 months");
        }
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    public String id() {
        return id;
    }

    public String emailDigest() {
        return emailDigest;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public Instant consentGivenAt() {
        return consentGivenAt;
    }

    public int retentionMonths() {
        return retentionMonths;
    }

    public Instant lastActivity() {
        return lastActivity;
    }

    public Phase phase() {
        return phase;
    }

    public Profile profile() {
        return profile;
    }

    public String advisorRef() {
        return advisorRef;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Contact> contacts() {
        return List.copyOf(contacts);
    }

    public List<PhaseChange> phases() {
        return List.copyOf(phases);
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public List<Referral> referrals() {
        return List.copyOf(referrals);
    }

    public Introduction introduction() {
        return introduction;
    }

    public long loadedRevision() {
        return loadedRevision;
    }

    public long revision() {
        return revision;
    }

    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }
}
