package nl.instroom.tutoring.matching.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.instroom.chassis.refusal.NotPossibleNow;

/**
 * One matching run: the question (region, subject, level, pins, exclusions, weights), the versions of its inputs,
 * and its result. It is kept as asked and answered; accepting it once turns its proposals into placements.
 */
public final class MatchingRun {

    public enum Status {
        SOLVED, ACCEPTED
    }

    private final String id;
    private final String region;
    private final String subject;
    private final String level;
    private final Set<Pair> pinned;
    private final Set<Pair> excluded;
    private final MatchingWeights weights;
    private final MatchingInputs inputs;
    private final List<Proposal> proposals;
    private final double objectivePoints;
    private final int allowedPairs;
    private final long solveMillis;
    private final String requestedBy;
    private final Instant solvedAt;
    private Status status;
    private Instant acceptedAt;

    private MatchingRun(String id, String region, String subject, String level, Set<Pair> pinned, Set<Pair> excluded,
            MatchingWeights weights, MatchingInputs inputs, List<Proposal> proposals, double objectivePoints,
            int allowedPairs, long solveMillis, String requestedBy, Instant solvedAt, Status status,
            Instant acceptedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.region = Objects.requireNonNull(region, "region");
        this.subject = subject;
        this.level = level;
        this.pinned = Set.copyOf(pinned);
        this.excluded = Set.copyOf(excluded);
        this.weights = Objects.requireNonNull(weights, "weights");
        this.inputs = Objects.requireNonNull(inputs, "inputs");
        this.proposals = List.copyOf(proposals);
        this.objectivePoints = objectivePoints;
        this.allowedPairs = allowedPairs;
        this.solveMillis = solveMillis;
        this.requestedBy = requestedBy;
        this.solvedAt = solvedAt;
        this.status = status;
        this.acceptedAt = acceptedAt;
    }

    public static MatchingRun solved(String id, String region, MatchingProblem problem, Assignment assignment,
            long solveMillis, String requestedBy, Instant now) {
        return new MatchingRun(id, region, problem.subject(), problem.level(), problem.pinned(), problem.excluded(),
                problem.weights(), MatchingInputs.of(problem), assignment.proposals(), assignment.objectivePoints(),
                problem.candidates().size(), solveMillis, requestedBy, now, Status.SOLVED, null);
    }

    public static MatchingRun restore(String id, String region, String subject, String level, Set<Pair> pinned,
            Set<Pair> excluded, MatchingWeights weights, MatchingInputs inputs, List<Proposal> proposals,
            double objectivePoints, int allowedPairs, long solveMillis, String requestedBy, Instant solvedAt,
            Status status, Instant acceptedAt) {
        return new MatchingRun(id, region, subject, level, pinned, excluded, weights, inputs, proposals,
                objectivePoints, allowedPairs, solveMillis, requestedBy, solvedAt, status, acceptedAt);
    }

    /**
     * Accepts the run's proposals, once, provided nothing they depend on changed since it was solved (a tutor's
     * consent or hours, a school's need, placements made meanwhile); otherwise the coordinator solves again.
     */
    public List<Proposal> accept(MatchingInputs now, Instant at) {
        if (status == Status.ACCEPTED) {
            throw new NotPossibleNow("This matching run was accepted already");
        }
        if (proposals.isEmpty()) {
            throw new NotPossibleNow("This matching run proposes nothing to accept");
        }
        for (Proposal proposal : proposals) {
            if (!inputs.sameFor(proposal.pair(), now)) {
                throw new NotPossibleNow("The inputs of this run changed since it was solved (tutor "
                        + proposal.pair().tutorId() + " or school " + proposal.pair().schoolCode()
                        + "); solve again");
            }
        }
        status = Status.ACCEPTED;
        acceptedAt = at;
        return proposals;
    }

    public String id() {
        return id;
    }

    public String region() {
        return region;
    }

    public String subject() {
        return subject;
    }

    public String level() {
        return level;
    }

    public Set<Pair> pinned() {
        return pinned;
    }

    public Set<Pair> excluded() {
        return excluded;
    }

    public MatchingWeights weights() {
        return weights;
    }

    public MatchingInputs inputs() {
        return inputs;
    }

    public List<Proposal> proposals() {
        return proposals;
    }

    public double objectivePoints() {
        return objectivePoints;
    }

    public int allowedPairs() {
        return allowedPairs;
    }

    public long solveMillis() {
        return solveMillis;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant solvedAt() {
        return solvedAt;
    }

    public Status status() {
        return status;
    }

    public Instant acceptedAt() {
        return acceptedAt;
    }
}
