package nl.instroom.events.scouting;

/** Whose pseudonymous reference a talent refers to: a tutor's, a staff member's or an external contact's. */
public enum PersonKind {
    TUTOR, STAFF, EXTERNAL
}
