package nl.instroom.careeradvice.cases.domain;

/** Where a career switcher is on their way into teaching, in order; {@link #LEFT} closes a case with a reason. */
public enum Phase {
    NEW, ORIENTING, PREPARING, IN_TRAINING, WORKING, LEFT
}
