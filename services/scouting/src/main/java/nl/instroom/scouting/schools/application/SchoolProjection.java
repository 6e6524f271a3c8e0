package nl.instroom.scouting.schools.application;

import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;
import java.util.List;
import nl.instroom.scouting.schools.domain.SchoolChange;
import nl.instroom.scouting.schools.domain.SchoolViews;
import org.springframework.stereotype.Service;

/**
 * Applies need-mapping's school and need events to scouting's view: a suggestion's region comes from its school,
 * and ambassador coverage is measured against the schools' need.
 */
@Service
public class SchoolProjection {

    private final SchoolViews views;

    SchoolProjection(SchoolViews views) {
        this.views = views;
    }

    /** Applies a batch of events; returns per event whether it changed anything (false for duplicates, stale). */
    public List<Boolean> apply(List<ReceivedEvent<InstroomEvent>> events) {
        return views.apply(events.stream().map(SchoolProjection::change).toList());
    }

    private static SchoolChange change(ReceivedEvent<InstroomEvent> received) {
        InstroomEvent event = received.data();
        if (event instanceof SchoolRegistered school) {
            return new SchoolChange.SchoolKnown(received.id(), school.vestigingscode(), school.name(),
                    school.region(), school.revision());
        }
        if (event instanceof SchoolUpdated school) {
            return new SchoolChange.SchoolKnown(received.id(), school.vestigingscode(), school.name(),
                    school.region(), school.revision());
        }
        if (event instanceof SchoolNeedChanged need) {
            return new SchoolChange.NeedChanged(received.id(), need.schoolCode(), need.region(), need.rawScore(),
                    need.revision());
        }
        return null;
    }
}
