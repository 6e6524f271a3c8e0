package nl.instroom.tutoring.matching.domain;

/** A pair the matching proposes, with its score broken down, and whether the coordinator pinned it. */
public record Proposal(Pair pair, ScoreBreakdown score, boolean pinned) {
}
