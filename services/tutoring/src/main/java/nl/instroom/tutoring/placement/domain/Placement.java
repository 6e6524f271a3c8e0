package nl.instroom.tutoring.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.tutoring.PlacementCancelled;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.events.tutoring.PlacementConfirmed;
import nl.instroom.events.tutoring.PlacementProposed;
import nl.instroom.events.tutoring.PlacementStarted;

/**
 * A tutor at a school for a subject: proposed → confirmed → active → completed, or cancelled at any open point with
 * a reason code. A placement is confirmed only when the tutor may be placed (16 or older, or a parent's consent).
 */
public final class Placement {

    /** One step of the placement's history. */
    public record Step(PlacementStatus status, Instant at, String reasonCode) {
    }

    private final String id;
    private final String tutorId;
    private final String schoolCode;
    private final String subject;
    private final int hoursPerWeek;
    private final String region;
    private final String matchingRunId;
    private PlacementStatus status;
    private Evaluation evaluation;
    private final List<Step> history;
    private long revision;
    private final long loadedRevision;
    private final List<InstroomEvent> registered = new ArrayList<>();

    private Placement(String id, String tutorId, String schoolCode, String subject, int hoursPerWeek, String region,
            String matchingRunId, PlacementStatus status, Evaluation evaluation, List<Step> history, long revision) {
        this.id = Objects.requireNonNull(id);
        this.tutorId = Objects.requireNonNull(tutorId);
        this.schoolCode = Objects.requireNonNull(schoolCode);
        this.subject = Objects.requireNonNull(subject);
        this.hoursPerWeek = hoursPerWeek;
        this.region = Objects.requireNonNull(region);
        this.matchingRunId = matchingRunId;
        this.status = status;
        this.evaluation = evaluation;
        this.history = new ArrayList<>(history);
        this.revision = revision;
        this.loadedRevision = revision;
    }

    public static Placement propose(String id, String tutorId, String schoolCode, String subject, int hoursPerWeek,
            String region, String matchingRunId, Instant now) {
        if (hoursPerWeek < 1 || hoursPerWeek > 12) {
            throw new InvalidRequest("A placement is 1 to 12 hours per week");
        }
        Placement placement = new Placement(id, tutorId, schoolCode, subject, hoursPerWeek, region, matchingRunId,
                PlacementStatus.PROPOSED, null, List.of(new Step(PlacementStatus.PROPOSED, now, null)), 0);
        placement.revision = 1;
        placement.registered.add(new PlacementProposed(id, tutorId, schoolCode, subject, hoursPerWeek,
                matchingRunId == null ? "manual" : matchingRunId, 1));
        return placement;
    }

    public static Placement restore(String id, String tutorId, String schoolCode, String subject, int hoursPerWeek,
            String region, String matchingRunId, PlacementStatus status, Evaluation evaluation, List<Step> history,
            long revision) {
        return new Placement(id, tutorId, schoolCode, subject, hoursPerWeek, region, matchingRunId, status,
                evaluation, history, revision);
    }

    public void confirm(boolean tutorMayBePlaced, Instant now) {
        require(PlacementStatus.PROPOSED, "confirmed");
        if (!tutorMayBePlaced) {
            throw new NotPossibleNow("The tutor is under 16 and no parent's consent is recorded");
        }
        move(PlacementStatus.CONFIRMED, now, null);
        registered.add(new PlacementConfirmed(id, tutorId, schoolCode, subject, revision));
    }

    public void start(LocalDate startedOn, Instant now) {
        require(PlacementStatus.CONFIRMED, "started");
        move(PlacementStatus.ACTIVE, now, null);
        registered.add(new PlacementStarted(id, tutorId, schoolCode, subject, startedOn, revision));
    }

    public void complete(LocalDate completedOn, Evaluation schoolsEvaluation, Instant now) {
        require(PlacementStatus.ACTIVE, "completed");
        evaluation = Objects.requireNonNull(schoolsEvaluation, "evaluation");
        move(PlacementStatus.COMPLETED, now, null);
        registered.add(new PlacementCompleted(id, tutorId, schoolCode, subject, completedOn,
                evaluation.reliability(), evaluation.talentForTeaching(), revision));
    }

    public void cancel(CancellationReason reason, Instant now) {
        if (!status.open()) {
            throw new NotPossibleNow("Placement " + id + " is " + status + " and cannot be cancelled");
        }
        if (reason == null) {
            throw new InvalidRequest("A cancellation needs a reason");
        }
        move(PlacementStatus.CANCELLED, now, reason.name());
        registered.add(new PlacementCancelled(id, tutorId, schoolCode, subject, reason.name(), revision));
    }

    public boolean open() {
        return status.open();
    }

    /** When the placement was proposed (its first step); the distant past for one stored without a history. */
    public Instant proposedAt() {
        return history.isEmpty() ? Instant.EPOCH : history.get(0).at();
    }

    /** When the placement was completed or cancelled; empty while it is open. */
    public Optional<Instant> endedAt() {
        if (status.open() || history.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(history.get(history.size() - 1).at());
    }

    /** Whether the placement was completed before the moment: its evaluation's period has started by then. */
    public boolean completedBefore(Instant moment) {
        return status == PlacementStatus.COMPLETED && endedAt().map(at -> at.isBefore(moment)).orElse(false);
    }

    private void require(PlacementStatus expected, String action) {
        if (status != expected) {
            throw new NotPossibleNow("Placement " + id + " is " + status + " and cannot be " + action);
        }
    }

    private void move(PlacementStatus next, Instant now, String reasonCode) {
        status = next;
        revision++;
        history.add(new Step(next, now, reasonCode));
    }

    public List<InstroomEvent> registeredEvents() {
        return List.copyOf(registered);
    }

    public String id() {
        return id;
    }

    public String tutorId() {
        return tutorId;
    }

    public String schoolCode() {
        return schoolCode;
    }

    public String subject() {
        return subject;
    }

    public int hoursPerWeek() {
        return hoursPerWeek;
    }

    public String region() {
        return region;
    }

    public String matchingRunId() {
        return matchingRunId;
    }

    public PlacementStatus status() {
        return status;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    public List<Step> history() {
        return List.copyOf(history);
    }

    public long revision() {
        return revision;
    }

    /** The revision this placement had when loaded: 0 for a new one. Saving checks nobody changed it since. */
    public long loadedRevision() {
        return loadedRevision;
    }
}
