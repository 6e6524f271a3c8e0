package nl.instroom.events.needmap;

import java.util.List;
import nl.instroom.events.InstroomEvent;

/**
 * A school's need index was recomputed and changed. Always the complete current state, so the last event of a
 * burst is all a consumer needs.
 */
public record SchoolNeedChanged(String schoolCode, String region, double needIndex, List<SubjectNeed> subjectNeeds,
        List<NeedComponent> components, long revision) implements InstroomEvent {

    public SchoolNeedChanged {
        subjectNeeds = List.copyOf(subjectNeeds);
        components = List.copyOf(components);
    }

    @Override
    public String aggregateId() {
        return schoolCode;
    }
}
