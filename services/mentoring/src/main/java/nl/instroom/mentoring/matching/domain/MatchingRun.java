package nl.instroom.mentoring.matching.domain;

import java.time.Instant;
import java.util.List;
import nl.instroom.chassis.refusal.NotPossibleNow;

/**
 * One run of matching for a cohort: the weights it used, the pairs the solver proposed with each pair's score
 * explained, the objective and whether it is proven optimal. The coordinator reviews it (and may pin or exclude
 * pairs and run again); confirming it turns its pairs into proposals to both sides. Only one run of a cohort is ever
 * confirmed.
 */
public final class MatchingRun {

    /** Where a run stands. */
    public enum Status {
        PROPOSED,
        CONFIRMED
    }

    private final String id;
    private final String cohortId;
    private final Instant ranAt;
    private final MatchingWeights weights;
    private final Matching.Proposal proposal;
    private Status status;
    private long revision;
    private final long loadedRevision;

    private MatchingRun(String id, String cohortId, Instant ranAt, MatchingWeights weights,
            Matching.Proposal proposal, Status status, long revision) {
        this.id = id;
        this.cohortId = cohortId;
        this.ranAt = ranAt;
        this.weights = weights;
        this.proposal = proposal;
        this.status = status;
        this.revision = revision;
        this.loadedRevision = revision;
    }

    public static MatchingRun of(String id, String cohortId, Instant ranAt, MatchingWeights weights,
            Matching.Proposal proposal) {
        MatchingRun run = new MatchingRun(id, cohortId, ranAt, weights, proposal, Status.PROPOSED, 0);
        // Loaded at revision 0 (new), written as revision 1.
        run.revision = 1;
        return run;
    }

    public static MatchingRun restore(String id, String cohortId, Instant ranAt, MatchingWeights weights,
            Matching.Proposal proposal, Status status, long revision) {
        return new MatchingRun(id, cohortId, ranAt, weights, proposal, status, revision);
    }

    /** The coordinator accepts the run's pairs; they go to both sides as proposals. */
    public void confirm() {
        if (status == Status.CONFIRMED) {
            throw new NotPossibleNow("This matching run was confirmed already");
        }
        status = Status.CONFIRMED;
        revision++;
    }

    public String id() {
        return id;
    }

    public String cohortId() {
        return cohortId;
    }

    public Instant ranAt() {
        return ranAt;
    }

    public MatchingWeights weights() {
        return weights;
    }

    public Matching.Proposal proposal() {
        return proposal;
    }

    public List<Matching.ProposedPair> pairs() {
        return proposal.pairs();
    }

    public Status status() {
        return status;
    }

    public long revision() {
        return revision;
    }

    public long loadedRevision() {
        return loadedRevision;
    }
}
