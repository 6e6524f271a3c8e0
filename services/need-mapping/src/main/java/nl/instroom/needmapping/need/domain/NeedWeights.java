package nl.instroom.needmapping.need.domain;

import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * How much each component of the need index counts. Defaults: an open FTE counts 1; ten lesson hours lost per week
 * per 100 pupils count as much as one open FTE (0.1 each); an expected departure counts 0.8 of an open FTE (it may
 * not happen); an active tutor placement takes 0.2 off (support, not a teacher).
 */
public record NeedWeights(double openFte, double lessonsLost, double expectedDepartures, double tutoringSupport) {

    public NeedWeights {
        if (openFte < 0 || lessonsLost < 0 || expectedDepartures < 0 || tutoringSupport < 0) {
            throw new InvalidRequest("Weights cannot be negative");
        }
    }

    public static NeedWeights defaults() {
        return new NeedWeights(1.0, 0.1, 0.8, 0.2);
    }
}
