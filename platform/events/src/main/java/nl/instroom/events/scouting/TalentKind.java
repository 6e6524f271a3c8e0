package nl.instroom.events.scouting;

/** What a talent scout sees in a person. */
public enum TalentKind {
    POTENTIAL_TEACHER, ROLE_MODEL, AMBASSADOR, HIGH_POTENTIAL
}
