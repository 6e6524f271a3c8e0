package nl.instroom.stayinterviews.staff.domain;

/** Kinds of growth an employee may want; codes, so that an ambition can be shared without free text. */
public enum Ambition {
    MENTOR, AMBASSADOR, SCHOOL_LEADER, OTHER_SUBJECT, OTHER
}
