package nl.instroom.careeradvice.routes.domain;

import nl.instroom.chassis.refusal.NotPossibleNow;

/** An answer to a question that the earlier answers do not lead to (409). */
public class QuestionNotAsked extends NotPossibleNow {

    public QuestionNotAsked(String message) {
        super(message);
    }
}
