package nl.instroom.mentoring.signup.domain;

/**
 * What a pair works on: school leaders name the themes they want to work on (each with an importance), executives
 * the themes they bring. Both sides coach each other; the list is the questionnaire's.
 */
public enum Theme {
    LEADERSHIP,
    CHANGE_MANAGEMENT,
    STRATEGY,
    RECRUITMENT_AND_RETENTION,
    TALENT_DEVELOPMENT,
    INNOVATION,
    DIGITALISATION,
    FINANCE,
    COMMUNICATION,
    WELLBEING,
    DIVERSITY_AND_INCLUSION,
    STAKEHOLDER_MANAGEMENT
}
