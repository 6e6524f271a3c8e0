package nl.instroom.events.scouting;

import nl.instroom.events.InstroomEvent;

/** A talent scout flagged a person as a potential talent. The rationale stays in scouting. */
public record TalentFlagged(String talentId, PersonKind personKind, String personRef, TalentKind kind,
        String region, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return talentId;
    }
}
