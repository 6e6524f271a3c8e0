package nl.instroom.tutoring.needs.application;

import java.time.DayOfWeek;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;
import nl.instroom.tutoring.needs.domain.SchoolNeedChange;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import org.springframework.stereotype.Service;

/**
 * Applies need-mapping's school and need events to tutoring's read model, so matching never has to ask
 * need-mapping at request time.
 */
@Service
public class SchoolNeedProjection {

    private final SchoolNeedViews views;

    SchoolNeedProjection(SchoolNeedViews views) {
        this.views = views;
    }

    /** Applies a batch of events; returns per event whether it changed anything (false for duplicates, stale). */
    public List<Boolean> apply(List<ReceivedEvent<InstroomEvent>> events) {
        return views.apply(events.stream().map(SchoolNeedProjection::change).toList());
    }

    /** An empty list says nothing either (the schema requires at least one day), so it counts as not said. */
    private static Set<DayOfWeek> days(List<DayOfWeek> days) {
        return days == null || days.isEmpty() ? null : Set.copyOf(days);
    }

    private static SchoolNeedChange change(ReceivedEvent<InstroomEvent> received) {
        InstroomEvent event = received.data();
        // Both carry the school's whole state: an event without tutoring days or capacity (the school has not said,
        // or the event is older than the fields) sets them back to "not said".
        if (event instanceof SchoolRegistered school) {
            return new SchoolNeedChange.SchoolKnown(received.id(), school.vestigingscode(), school.name(),
                    school.region(), school.latitude(), school.longitude(), days(school.tutoringDays()),
                    school.tutorCapacity(), school.revision());
        }
        if (event instanceof SchoolUpdated school) {
            return new SchoolNeedChange.SchoolKnown(received.id(), school.vestigingscode(), school.name(),
                    school.region(), school.latitude(), school.longitude(), days(school.tutoringDays()),
                    school.tutorCapacity(), school.revision());
        }
        if (event instanceof SchoolNeedChanged need) {
            Map<String, Double> subjects = new LinkedHashMap<>();
            need.subjectNeeds().forEach(subject -> subjects.put(subject.subject(), subject.weightedOpenFte()));
            return new SchoolNeedChange.NeedChanged(received.id(), need.schoolCode(), need.region(),
                    need.rawScore(), subjects, need.revision());
        }
        return null;
    }
}
