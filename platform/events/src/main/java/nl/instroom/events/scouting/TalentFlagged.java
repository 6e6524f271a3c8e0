package nl.instroom.events.scouting;

import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/** A talent scout flagged a person as a potential talent. The rationale stays in scouting. */
public record TalentFlagged(String talentId, PersonKind personKind, String personRef, TalentKind kind,
        String region, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return talentId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.valueOf(personKind.name()), personRef));
    }
}
