package nl.instroom.careeradvice.cases.domain;

/** Why a case left the desk: the list advisers choose from (no free text, so the figures can count them). */
public enum ClosingReason {
    /** Works as a teacher: the desk's aim reached. */
    WORKING_IN_EDUCATION,
    /** Started a route and needs the desk no more. */
    CONTINUES_ON_OWN,
    /** Chose another career after all. */
    CHOSE_OTHER_CAREER,
    /** Does not meet a route's conditions, and none fits yet. */
    NOT_ELIGIBLE,
    /** The costs or the loss of income during training. */
    FINANCES,
    /** Personal circumstances (health, family, moving). */
    PERSONAL_CIRCUMSTANCES,
    /** No answer to the desk's contacts. */
    NO_RESPONSE,
    /** The person asked to stop. */
    ON_REQUEST,
    OTHER
}
