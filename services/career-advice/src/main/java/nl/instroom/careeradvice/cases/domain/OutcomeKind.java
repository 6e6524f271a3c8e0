package nl.instroom.careeradvice.cases.domain;

/** What came of the advice: the person started training, or works in education. */
public enum OutcomeKind {
    IN_TRAINING, WORKING
}
