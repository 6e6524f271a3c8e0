package nl.instroom.events.privacy;

/** Which kind of pseudonymous reference names the person to be erased. */
public enum SubjectKind {
    TUTOR, STAFF, EXTERNAL
}
