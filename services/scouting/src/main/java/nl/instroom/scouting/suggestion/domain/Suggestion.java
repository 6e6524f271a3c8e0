package nl.instroom.scouting.suggestion.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.scouting.PersonKind;
import nl.instroom.events.scouting.TalentKind;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.events.tutoring.PlacementCompleted;

/**
 * A person another service's event points at, waiting for the scout to accept it (it becomes a flag) or dismiss
 * it — once. Its id is random: an id made from the person's reference (a hash of school, staff reference and
 * ambition, say) can be reversed by trying short references and outlives an erasure. What makes it one suggestion
 * however often and under whatever event id it arrives is its {@link #fact()} — the same placement, or the same
 * ambition shared by the same staff member at the same school — which the store keeps only as a keyed digest.
 */
public final class Suggestion {

    /** The school's talent-for-teaching score (1–5) from which a completed placement is worth a look. */
    public static final int MIN_TALENT_FOR_TEACHING = 4;

    /** What the suggestion is based on. */
    public enum Source {
        PLACEMENT, GROWTH_AMBITION
    }

    private final String id;
    private final String fact;
    private final Source source;
    private final PersonKind personKind;
    private final String personRef;
    private final String schoolCode;
    private final TalentKind suggestedKind;
    private final String subject;
    private final Integer talentForTeaching;
    private final Integer reliability;
    private final String ambition;
    private final LocalDate occurredOn;
    private final Instant receivedAt;
    private SuggestionStatus status;
    private String talentId;
    private LocalDate decidedOn;

    private Suggestion(String id, String fact, Source source, PersonKind personKind, String personRef, String schoolCode,
            TalentKind suggestedKind, String subject, Integer talentForTeaching, Integer reliability, String ambition,
            LocalDate occurredOn, Instant receivedAt, SuggestionStatus status, String talentId, LocalDate decidedOn) {
        this.id = Objects.requireNonNull(id);
        this.fact = fact;
        this.source = Objects.requireNonNull(source);
        this.personKind = Objects.requireNonNull(personKind);
        this.personRef = Objects.requireNonNull(personRef);
        this.schoolCode = Objects.requireNonNull(schoolCode);
        this.suggestedKind = Objects.requireNonNull(suggestedKind);
        this.subject = subject;
        this.talentForTeaching = talentForTeaching;
        this.reliability = reliability;
        this.ambition = ambition;
        this.occurredOn = occurredOn;
        this.receivedAt = receivedAt;
        this.status = Objects.requireNonNull(status);
        this.talentId = talentId;
        this.decidedOn = decidedOn;
    }

    /** A completed placement the school scored high on talent for teaching; nothing for a lower score. */
    public static Optional<Suggestion> from(PlacementCompleted placement, Instant now) {
        if (placement.talentForTeaching() < MIN_TALENT_FOR_TEACHING) {
            return Optional.empty();
        }
        return Optional.of(new Suggestion(UUID.randomUUID().toString(), "placement:" + placement.placementId(),
                Source.PLACEMENT,
                PersonKind.TUTOR, placement.tutorId(), placement.schoolCode(), TalentKind.POTENTIAL_TEACHER,
                placement.subject(), placement.talentForTeaching(), placement.reliability(), null,
                placement.completedOn(), now, SuggestionStatus.OPEN, null, null));
    }

    /** A staff member's growth ambition, shared with the scout by their agreement. */
    public static Suggestion from(GrowthAmbitionShared shared, Instant now) {
        String ambition = shared.ambition() == null ? "OTHER" : shared.ambition().trim().toUpperCase(Locale.ROOT);
        return new Suggestion(UUID.randomUUID().toString(),
                "ambition:" + shared.schoolCode() + "/" + shared.staffRef() + "/" + ambition, Source.GROWTH_AMBITION, PersonKind.STAFF, shared.staffRef(), shared.schoolCode(),
                kindFor(ambition), null, null, null, ambition, shared.sharedOn(), now, SuggestionStatus.OPEN, null,
                null);
    }

    /** The talent a growth ambition points at; the scout may choose another when accepting. */
    static TalentKind kindFor(String ambition) {
        switch (ambition) {
            case "AMBASSADOR":
                return TalentKind.AMBASSADOR;
            case "SCHOOL_LEADER":
                return TalentKind.HIGH_POTENTIAL;
            case "MENTOR":
                return TalentKind.ROLE_MODEL;
            default:
                return TalentKind.POTENTIAL_TEACHER;
        }
    }

    public static Suggestion restore(String id, Source source, PersonKind personKind, String personRef,
            String schoolCode, TalentKind suggestedKind, String subject, Integer talentForTeaching,
            Integer reliability, String ambition, LocalDate occurredOn, Instant receivedAt, SuggestionStatus status,
            String talentId, LocalDate decidedOn) {
        return new Suggestion(id, null, source, personKind, personRef, schoolCode, suggestedKind, subject,
                talentForTeaching, reliability, ambition, occurredOn, receivedAt, status, talentId, decidedOn);
    }

    /** Checks that the scout may still decide: a suggestion is decided once. */
    public void requireOpen() {
        if (status != SuggestionStatus.OPEN) {
            throw new NotPossibleNow("Suggestion " + id + " is " + status + " and was decided already");
        }
    }

    public void accept(String flaggedTalentId, LocalDate today) {
        requireOpen();
        status = SuggestionStatus.ACCEPTED;
        talentId = Objects.requireNonNull(flaggedTalentId);
        decidedOn = today;
    }

    public void dismiss(LocalDate today) {
        requireOpen();
        status = SuggestionStatus.DISMISSED;
        decidedOn = today;
    }

    public String id() {
        return id;
    }

    /**
     * What the suggestion is about, as text that names the person — for the store to recognise a redelivery by (as
     * a keyed digest, never as such); null for a suggestion read back from the store.
     */
    public String fact() {
        return fact;
    }

    public Source source() {
        return source;
    }

    public PersonKind personKind() {
        return personKind;
    }

    public String personRef() {
        return personRef;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public TalentKind suggestedKind() {
        return suggestedKind;
    }

    public String subject() {
        return subject;
    }

    public Integer talentForTeaching() {
        return talentForTeaching;
    }

    public Integer reliability() {
        return reliability;
    }

    public String ambition() {
        return ambition;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public SuggestionStatus status() {
        return status;
    }

    public String talentId() {
        return talentId;
    }

    public LocalDate decidedOn() {
        return decidedOn;
    }
}
