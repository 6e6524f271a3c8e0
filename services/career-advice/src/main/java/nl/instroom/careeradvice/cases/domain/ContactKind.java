package nl.instroom.careeradvice.cases.domain;

/** How an adviser was in contact with a person. */
public enum ContactKind {
    PHONE, VIDEO, MEETING, EMAIL, EVENT
}
