package nl.instroom.mentoring.pair.domain;

/** How a pair met. */
public enum MeetingMode {
    IN_PERSON,
    ONLINE,
    PHONE
}
