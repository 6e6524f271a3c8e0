package nl.instroom.mentoring.pair.domain;

/** When feedback is asked: half-way through and at the end. */
public enum FeedbackMoment {
    MIDWAY,
    FINAL
}
