package nl.instroom.mentoring.signup.domain;

/** When a school leader can meet: the questionnaire asks for parts of the working week. */
public enum DayPart {
    MORNING,
    AFTERNOON,
    EVENING
}
