package nl.instroom.careeradvice.routes.domain;

import nl.instroom.chassis.refusal.InvalidRequest;

/** A question or an answer the rules do not have (400). */
public class UnknownAnswer extends InvalidRequest {

    public UnknownAnswer(String message) {
        super(message);
    }
}
