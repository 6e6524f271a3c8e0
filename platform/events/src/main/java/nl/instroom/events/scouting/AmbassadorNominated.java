package nl.instroom.events.scouting;

import nl.instroom.events.InstroomEvent;

/** A talent became an ambassador for teaching at a school. */
public record AmbassadorNominated(String talentId, String personRef, String schoolCode, String region,
        long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return talentId;
    }
}
