package nl.instroom.mentoring.matching.domain;

/** Why a pair may not be made, whatever it would score. */
public enum Exclusion {
    /** The executive's organisation is the leader's school board (or the other way round). */
    SAME_ORGANISATION,
    /** The leader named the executive's organisation as one not to be paired with. */
    LEADER_NOT_WITH,
    /** The executive named the leader's school board as one not to be paired with. */
    EXECUTIVE_NOT_WITH,
    /** The two were a pair in an earlier cohort. */
    EARLIER_PAIR,
    /** The programme coordinator excluded this pair. */
    EXCLUDED_BY_COORDINATOR
}
