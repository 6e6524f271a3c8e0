package nl.instroom.tutoring.needs.application;

import nl.instroom.events.InstroomEvent;
import nl.instroom.events.needmap.VacancyFilled;
import nl.instroom.events.needmap.VacancyOpened;
import nl.instroom.events.needmap.VacancyWithdrawn;
import nl.instroom.tutoring.needs.domain.OpenVacancy;
import nl.instroom.tutoring.needs.domain.VacancyNeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Applies vacancy events to the projection of open vacancies. */
@Service
public class VacancyProjection {

    private static final Logger log = LoggerFactory.getLogger(VacancyProjection.class);

    private final VacancyNeeds needs;

    VacancyProjection(VacancyNeeds needs) {
        this.needs = needs;
    }

    /** Applies one event; returns whether it changed anything (false for duplicates and stale events). */
    public boolean apply(InstroomEvent event) {
        boolean applied = false;
        if (event instanceof VacancyOpened opened) {
            applied = needs.opened(new OpenVacancy(opened.vacancyId(), opened.schoolCode(), opened.subject(),
                    opened.fte(), opened.urgency(), opened.startDate(), opened.revision()));
        } else if (event instanceof VacancyFilled filled) {
            applied = needs.closed(filled.vacancyId(), filled.schoolCode(), filled.revision());
        } else if (event instanceof VacancyWithdrawn withdrawn) {
            applied = needs.closed(withdrawn.vacancyId(), withdrawn.schoolCode(), withdrawn.revision());
        }
        if (!applied) {
            log.debug("Ignored {} for {}: already applied or stale", event.getClass().getSimpleName(),
                    event.aggregateId());
        }
        return applied;
    }
}
