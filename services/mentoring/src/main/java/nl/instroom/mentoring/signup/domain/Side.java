package nl.instroom.mentoring.signup.domain;

/** Which side of a cross-mentoring pair a participant is on. */
public enum Side {
    /** A school director or other leader of a school, from education. */
    SCHOOL_LEADER,
    /** A senior executive of a company or organisation outside education. */
    EXECUTIVE
}
