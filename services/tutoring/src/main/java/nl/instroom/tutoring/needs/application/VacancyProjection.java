package nl.instroom.tutoring.needs.application;

import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.events.needmap.VacancyWithdrawn;
import java.util.List;
import nl.instroom.tutoring.needs.domain.OpenVacancy;
import nl.instroom.tutoring.needs.domain.VacancyChange;
import nl.instroom.tutoring.needs.domain.VacancyNeeds;
import org.springframework.stereotype.Service;

/** Applies need-mapping's vacancy events to tutoring's projection of open vacancies. */
@Service
public class VacancyProjection {

    private final VacancyNeeds needs;

    VacancyProjection(VacancyNeeds needs) {
        this.needs = needs;
    }

    /** Applies a batch of events; returns per event whether it changed anything (false for duplicates, stale). */
    public List<Boolean> apply(List<ReceivedEvent<InstroomEvent>> events) {
        return needs.apply(events.stream().map(VacancyProjection::change).toList());
    }

    private static VacancyChange change(ReceivedEvent<InstroomEvent> received) {
        InstroomEvent event = received.data();
        if (event instanceof VacancyOpened opened) {
            return new VacancyChange.Opened(new OpenVacancy(opened.vacancyId(), opened.schoolCode(),
                    opened.subject(), opened.fte(), opened.urgency(), opened.startDate(), opened.revision()),
                    received.id());
        }
        if (event instanceof VacancyFilled filled) {
            return new VacancyChange.Closed(filled.vacancyId(), filled.schoolCode(), filled.revision(),
                    received.id());
        }
        if (event instanceof VacancyWithdrawn withdrawn) {
            return new VacancyChange.Closed(withdrawn.vacancyId(), withdrawn.schoolCode(), withdrawn.revision(),
                    received.id());
        }
        return null;
    }
}
