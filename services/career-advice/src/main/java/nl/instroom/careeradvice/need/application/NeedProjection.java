package nl.instroom.careeradvice.need.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.careeradvice.need.domain.NeedChange;
import nl.instroom.careeradvice.need.domain.SchoolNeeds;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.events.needmap.SchoolUpdated;
import nl.instroom.events.needmap.SubjectNeed;
import org.springframework.stereotype.Service;

/** Applies need-mapping's school and need events to career-advice's own view: no calls to need-mapping. */
@Service
public class NeedProjection {

    private final SchoolNeeds needs;

    NeedProjection(SchoolNeeds needs) {
        this.needs = needs;
    }

    /** Applies a batch of events; per event whether it changed anything (false for duplicates, stale, others). */
    public List<Boolean> apply(List<ReceivedEvent<InstroomEvent>> events) {
        return needs.apply(events.stream().map(NeedProjection::change).toList());
    }

    private static NeedChange change(ReceivedEvent<InstroomEvent> received) {
        InstroomEvent event = received.data();
        if (event instanceof SchoolRegistered school) {
            return new NeedChange.SchoolKnown(received.id(), school.vestigingscode(), school.name(), school.sector(),
                    school.postcode(), school.latitude(), school.longitude(), school.region(), school.revision());
        }
        if (event instanceof SchoolUpdated school) {
            return new NeedChange.SchoolKnown(received.id(), school.vestigingscode(), school.name(), school.sector(),
                    school.postcode(), school.latitude(), school.longitude(), school.region(), school.revision());
        }
        if (event instanceof SchoolNeedChanged need) {
            Map<String, Double> subjects = new LinkedHashMap<>();
            for (SubjectNeed subject : need.subjectNeeds()) {
                // Lower case, and no dots: the subject is a field name in the store.
                String name = subject.subject().toLowerCase(java.util.Locale.ROOT).replace('.', '_');
                subjects.merge(name, subject.weightedOpenFte(), Double::sum);
            }
            return new NeedChange.NeedChanged(received.id(), need.schoolCode(), need.region(), need.rawScore(),
                    subjects, need.revision());
        }
        return null;
    }
}
