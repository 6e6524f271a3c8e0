package nl.instroom.events.needmap;

import java.util.List;
import nl.instroom.events.InstroomEvent;

/**
 * A school's need was scored again and changed. Always the complete current state, so the last event of a burst is
 * all a consumer needs.
 *
 * <p>Version 2 carries the school's own score ({@code rawScore}, comparable between schools and regions), not an
 * index normalised within its region: that index moved whenever the region's neediest school changed, so one
 * school's change meant republishing every school of the region. Consumers derive the index where they need it,
 * over the schools they know, with {@link NeedIndex#withinRegion}.
 */
public record SchoolNeedChanged(String schoolCode, String region, double rawScore, List<SubjectNeed> subjectNeeds,
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
