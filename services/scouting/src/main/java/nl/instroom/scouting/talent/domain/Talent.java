package nl.instroom.scouting.talent.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.scouting.AmbassadorNominated;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentFlagged;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.scouting.TalentStage;
import nl.instroom.events.scouting.TalentStatusChanged;

/**
 * A person a talent scout follows up: flagged → approached → interested → enrolled (teacher training, or became an
 * ambassador), or declined / withdrawn on the way. Each step keeps the date it happened, so the funnel can be
 * counted for any period; the scout's rationale stays here and never leaves the service.
 */
public final class Talent {

    /** One step of the pipeline and the day it happened. */
    public record Step(TalentStage stage, LocalDate on) {
    }

    /** The talent became an ambassador for teaching at a school; {@code until} is set when that ended. */
    public record Ambassadorship(String schoolCode, LocalDate since, LocalDate until) {

        public boolean active() {
            return until == null;
        }
    }

    /** Something an ambassador did, at a school. */
    public record Activity(ActivityType type, LocalDate on, String schoolCode) {
    }

    public static final String ERASED = "erased";
    public static final int MAX_RATIONALE = 2000;
    public static final int MAX_ACTIVITIES = 500;
    private static final String REFERENCE = "[A-Za-z0-9._:-]{1,80}";
    private static final String SCHOOL_CODE = "[0-9]{2}[A-Z]{2}[0-9]{2}";

    private static final Map<TalentStage, Set<TalentStage>> NEXT = new EnumMap<>(TalentStage.class);

    static {
        NEXT.put(TalentStage.FLAGGED, EnumSet.of(TalentStage.APPROACHED, TalentStage.WITHDRAWN));
        NEXT.put(TalentStage.APPROACHED, EnumSet.of(TalentStage.INTERESTED, TalentStage.DECLINED,
                TalentStage.WITHDRAWN));
        NEXT.put(TalentStage.INTERESTED, EnumSet.of(TalentStage.ENROLLED, TalentStage.DECLINED,
                TalentStage.WITHDRAWN));
        NEXT.put(TalentStage.ENROLLED, EnumSet.noneOf(TalentStage.class));
        NEXT.put(TalentStage.DECLINED, EnumSet.noneOf(TalentStage.class));
        NEXT.put(TalentStage.WITHDRAWN, EnumSet.noneOf(TalentStage.class));
    }

    private final String id;
    private final PersonKind personKind;
    private final String personRef;
    private final TalentKind kind;
    private final String region;
    private final String schoolCode;
    private final String rationale;
    private final String suggestionId;
    private TalentStage stage;
    private final List<Step> history;
    private LocalDate nextStepOn;
    private Ambassadorship ambassadorship;
    private final List<Activity> activities;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private Talent(String id, PersonKind personKind, String personRef, TalentKind kind, String region,
            String schoolCode, String rationale, String suggestionId, TalentStage stage, List<Step> history,
            LocalDate nextStepOn, Ambassadorship ambassadorship, List<Activity> activities, long revision) {
        this.id = Objects.requireNonNull(id, "id");
        this.personKind = Objects.requireNonNull(personKind, "personKind");
        this.personRef = Objects.requireNonNull(personRef, "personRef");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.region = Objects.requireNonNull(region, "region");
        this.schoolCode = schoolCode;
        this.rationale = rationale;
        this.suggestionId = suggestionId;
        this.stage = Objects.requireNonNull(stage, "stage");
        this.history = new ArrayList<>(history);
        this.nextStepOn = nextStepOn;
        this.ambassadorship = ambassadorship;
        this.activities = new ArrayList<>(activities);
        this.revision = revision;
        this.loadedRevision = revision;
    }

    /**
     * A scout flags a person. The rationale is required: a flag nobody can explain later is not worth following.
     *
     * @param schoolCode the school the person is linked to (where the tutor tutored, where staff works), if any
     * @param suggestionId the suggestion this flag came from, if any
     */
    public static Talent flag(String id, PersonKind personKind, String personRef, TalentKind kind, String region,
            String schoolCode, String rationale, LocalDate flaggedOn, LocalDate nextStepOn, String suggestionId,
            LocalDate today) {
        if (personKind == null || kind == null) {
            throw new InvalidRequest("A talent needs a person kind and a talent kind");
        }
        if (personRef == null || !personRef.matches(REFERENCE) || ERASED.equals(personRef)) {
            throw new InvalidRequest("A person is named by a pseudonymous reference (letters, digits, "
                    + "'.', '_', ':' or '-', at most 80), never by name");
        }
        if (region == null || region.isBlank()) {
            throw new InvalidRequest("A talent is followed up in a region");
        }
        if (schoolCode != null && !schoolCode.matches(SCHOOL_CODE)) {
            throw new InvalidRequest("A school is named by its vestigingscode, e.g. 21CM00");
        }
        if (rationale == null || rationale.isBlank() || rationale.length() > MAX_RATIONALE) {
            throw new InvalidRequest("A flag needs a rationale of at most " + MAX_RATIONALE
                    + " characters");
        }
        LocalDate on = flaggedOn == null ? today : flaggedOn;
        if (on.isAfter(today)) {
            throw new InvalidRequest("A flag is dated today or earlier");
        }
        requireNextStepAfter(nextStepOn, on);
        Talent talent = new Talent(id, personKind, personRef, kind, region, schoolCode, rationale.trim(),
                suggestionId, TalentStage.FLAGGED, List.of(new Step(TalentStage.FLAGGED, on)), nextStepOn, null,
                List.of(), 0);
        talent.revision = 1;
        talent.registered.add(new TalentFlagged(id, personKind, personRef, kind, region, 1));
        return talent;
    }

    public static Talent restore(String id, PersonKind personKind, String personRef, TalentKind kind, String region,
            String schoolCode, String rationale, String suggestionId, TalentStage stage, List<Step> history,
            LocalDate nextStepOn, Ambassadorship ambassadorship, List<Activity> activities, long revision) {
        return new Talent(id, personKind, personRef, kind, region, schoolCode, rationale, suggestionId, stage,
                history, nextStepOn, ambassadorship, activities, revision);
    }

    /** Whether the pipeline allows going from one stage straight to the other. */
    public static boolean allowed(TalentStage from, TalentStage to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * Moves the talent to the next stage, dated when it happened (not in the future, not before the last step).
     * A closing stage (enrolled, declined, withdrawn) has no next step.
     */
    public void moveTo(TalentStage to, LocalDate on, LocalDate nextStep, LocalDate today) {
        if (to == null || on == null) {
            throw new InvalidRequest("A stage change needs the new stage and the day it happened");
        }
        if (!allowed(stage, to)) {
            throw new NotPossibleNow("Talent " + id + " is " + stage + " and cannot become " + to
                    + (NEXT.get(stage).isEmpty() ? " (closed)" : "; next can be " + NEXT.get(stage)));
        }
        if (on.isAfter(today)) {
            throw new InvalidRequest("A stage change is dated today or earlier");
        }
        if (on.isBefore(lastStep().on())) {
            throw new InvalidRequest("A stage change cannot be dated before the previous step ("
                    + lastStep().on() + ")");
        }
        boolean closing = NEXT.get(to).isEmpty();
        if (closing && nextStep != null) {
            throw new InvalidRequest(to + " closes the pipeline: there is no next step");
        }
        requireNextStepAfter(nextStep, on);
        TalentStage from = stage;
        stage = to;
        nextStepOn = nextStep;
        history.add(new Step(to, on));
        revision++;
        registered.add(new TalentStatusChanged(id, from, to, on, revision));
    }

    /** Plans (or clears, with null) the day of the next follow-up. */
    public void planNextStep(LocalDate on) {
        if (closed() && on != null) {
            throw new NotPossibleNow("Talent " + id + " is " + stage + ": there is no next step");
        }
        requireNextStepAfter(on, lastStep().on());
        nextStepOn = on;
        revision++;
    }

    /**
     * The talent becomes an ambassador for teaching at a school. Someone interested is thereby enrolled (becoming
     * an ambassador is one of the ways in); someone already enrolled keeps their stage.
     */
    public void nominateAmbassador(String atSchool, LocalDate since, LocalDate today) {
        if (atSchool == null || !atSchool.matches(SCHOOL_CODE)) {
            throw new InvalidRequest("An ambassador is an ambassador at a school (vestigingscode)");
        }
        if (since == null || since.isAfter(today)) {
            throw new InvalidRequest("An ambassadorship starts today or earlier");
        }
        if (ambassadorship != null && ambassadorship.active()) {
            throw new NotPossibleNow("Talent " + id + " is already an ambassador at "
                    + ambassadorship.schoolCode());
        }
        if (stage != TalentStage.INTERESTED && stage != TalentStage.ENROLLED) {
            throw new NotPossibleNow("Talent " + id + " is " + stage
                    + "; only someone interested or enrolled becomes an ambassador");
        }
        if (stage == TalentStage.INTERESTED) {
            moveTo(TalentStage.ENROLLED, since, null, today);
        } else {
            revision++;
        }
        ambassadorship = new Ambassadorship(atSchool, since, null);
        registered.add(new AmbassadorNominated(id, personRef, atSchool, region, revision));
    }

    public void endAmbassadorship(LocalDate on, LocalDate today) {
        if (ambassadorship == null || !ambassadorship.active()) {
            throw new NotPossibleNow("Talent " + id + " is not an active ambassador");
        }
        if (on == null || on.isAfter(today) || on.isBefore(ambassadorship.since())) {
            throw new InvalidRequest("An ambassadorship ends between its start and today");
        }
        ambassadorship = new Ambassadorship(ambassadorship.schoolCode(), ambassadorship.since(), on);
        revision++;
    }

    /** Records what an active ambassador did; at their own school unless another is named. */
    public void recordActivity(ActivityType type, LocalDate on, String atSchool) {
        if (ambassadorship == null || !ambassadorship.active()) {
            throw new NotPossibleNow("Talent " + id + " is not an active ambassador");
        }
        if (type == null || on == null) {
            throw new InvalidRequest("An activity needs a type and a day");
        }
        if (on.isBefore(ambassadorship.since())) {
            throw new InvalidRequest("An activity cannot be before the ambassadorship began");
        }
        if (atSchool != null && !atSchool.matches(SCHOOL_CODE)) {
            throw new InvalidRequest("A school is named by its vestigingscode, e.g. 21CM00");
        }
        if (activities.size() >= MAX_ACTIVITIES) {
            throw new NotPossibleNow("Talent " + id + " has the maximum of " + MAX_ACTIVITIES
                    + " activities recorded");
        }
        activities.add(new Activity(type, on, atSchool == null ? ambassadorship.schoolCode() : atSchool));
        revision++;
    }

    /** Whether the talent ever reached this stage (the pipeline has one path, so the history says it). */
    public boolean reached(TalentStage wanted) {
        return history.stream().anyMatch(step -> step.stage() == wanted);
    }

    public boolean closed() {
        return NEXT.get(stage).isEmpty();
    }

    public boolean activeAmbassador() {
        return ambassadorship != null && ambassadorship.active();
    }

    /**
     * The day the talent's follow-up ended — the pipeline closed and any ambassadorship ended, counting the last
     * activity — where the retention periods of the scout's notes about the person start; empty while either goes on.
     */
    public Optional<LocalDate> inactiveSince() {
        if (!closed() || activeAmbassador()) {
            return Optional.empty();
        }
        LocalDate last = lastStep().on();
        if (ambassadorship != null && ambassadorship.until() != null && ambassadorship.until().isAfter(last)) {
            last = ambassadorship.until();
        }
        for (Activity activity : activities) {
            if (activity.on().isAfter(last)) {
                last = activity.on();
            }
        }
        return Optional.of(last);
    }

    /** Whether the person's reference was removed (erasure or retention); stages and dates stay for the funnel. */
    public boolean anonymised() {
        return ERASED.equals(personRef);
    }

    public LocalDate flaggedOn() {
        return history.get(0).on();
    }

    private Step lastStep() {
        return history.get(history.size() - 1);
    }

    private static void requireNextStepAfter(LocalDate nextStep, LocalDate stepOn) {
        if (nextStep != null && nextStep.isBefore(stepOn)) {
            throw new InvalidRequest("The next step cannot be planned before " + stepOn);
        }
    }

    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }

    public String id() {
        return id;
    }

    public PersonKind personKind() {
        return personKind;
    }

    public String personRef() {
        return personRef;
    }

    public TalentKind kind() {
        return kind;
    }

    public String region() {
        return region;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public String rationale() {
        return rationale;
    }

    public String suggestionId() {
        return suggestionId;
    }

    public TalentStage stage() {
        return stage;
    }

    public List<Step> history() {
        return List.copyOf(history);
    }

    public LocalDate nextStepOn() {
        return nextStepOn;
    }

    public Ambassadorship ambassadorship() {
        return ambassadorship;
    }

    public List<Activity> activities() {
        return List.copyOf(activities);
    }

    public long revision() {
        return revision;
    }

    /** The revision this talent had when loaded: 0 for a new one. Saving checks nobody changed it since. */
    public long loadedRevision() {
        return loadedRevision;
    }
}
