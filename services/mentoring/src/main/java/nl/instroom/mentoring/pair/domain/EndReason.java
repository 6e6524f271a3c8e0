package nl.instroom.mentoring.pair.domain;

/** Why a pair ended before its time: the figures count each reason. */
public enum EndReason {
    /** One side withdrew from the programme. */
    WITHDRAWN,
    NO_TIME,
    NO_MATCH,
    CHANGED_JOBS,
    ILLNESS,
    OTHER
}
