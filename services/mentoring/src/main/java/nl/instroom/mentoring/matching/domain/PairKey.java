package nl.instroom.mentoring.matching.domain;

/** A possible pair by its two sign-ups: a school leader's and an executive's. */
public record PairKey(String leader, String executive) {
}
