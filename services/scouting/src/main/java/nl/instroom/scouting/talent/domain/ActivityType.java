package nl.instroom.scouting.talent.domain;

/** What an ambassador for teaching does. */
public enum ActivityType {
    GUEST_LESSON, OPEN_DAY, MENTORING_TUTOR
}
