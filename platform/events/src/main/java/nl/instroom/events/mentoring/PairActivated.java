package nl.instroom.events.mentoring;

import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/** Both sides accepted and still take part: the pair started meeting. */
public record PairActivated(String pairId, String cohortId, String leaderRef, String executiveRef, LocalDate activatedOn, long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return pairId;
    }

    /** Both participants, by the references mentoring gave them (erasure requests name them as EXTERNAL). */
    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.EXTERNAL, leaderRef), new PersonRef(SubjectKind.EXTERNAL,
                executiveRef));
    }
}
