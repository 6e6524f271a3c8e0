package nl.instroom.needmapping.vacancy.application;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.outbox.InMemoryAggregates;
import nl.instroom.events.InstroomEvent;
import nl.instroom.needmapping.vacancy.domain.Vacancies;
import nl.instroom.needmapping.vacancy.domain.Vacancy;
import nl.instroom.needmapping.vacancy.domain.VacancyHistory;
import nl.instroom.needmapping.vacancy.domain.VacancyStatus;

/**
 * Vacancies in memory, for use-case tests: a copy per save (a use case that fails has changed nothing), a refusal of
 * a save over a revision changed meanwhile, and the events each write would have put in the outbox.
 */
final class InMemoryVacancies implements Vacancies {

    private final InMemoryAggregates<Vacancy> stored = new InMemoryAggregates<>(
            new InMemoryAggregates.Shape<>("Vacancy", Vacancy::id, Vacancy::revision, Vacancy::loadedRevision,
                    Vacancy::registeredEvents, InMemoryVacancies::copy));

    @Override
    public Optional<Vacancy> find(String id) {
        return stored.find(id);
    }

    @Override
    public List<Vacancy> atSchool(String schoolCode, VacancyStatus status) {
        return stored.all().filter(v -> v.schoolCode().equals(schoolCode))
                .filter(v -> status == null || v.status() == status)
                .sorted(Comparator.comparing(Vacancy::openedOn).reversed()).toList();
    }

    @Override
    public void save(Vacancy vacancy) {
        stored.save(vacancy);
    }

    @Override
    public List<VacancyHistory.Dates> datesAtSchools(Collection<String> schoolCodes, LocalDate closedSince,
            int limit) {
        return stored.all().filter(v -> schoolCodes.contains(v.schoolCode()))
                .filter(v -> v.closedOn() == null || !v.closedOn().isBefore(closedSince)).limit(limit)
                .map(v -> new VacancyHistory.Dates(v.openedOn(), v.status(), v.closedOn())).toList();
    }

    @Override
    public void insertAll(List<Vacancy> opened) {
        opened.forEach(this::save);
    }

    List<InstroomEvent> published() {
        return stored.published();
    }

    private static Vacancy copy(Vacancy v) {
        return Vacancy.restore(v.id(), v.schoolCode(), v.subject(), v.fte(), v.hoursPerWeek(), v.startDate(),
                v.urgency(), v.openedOn(), v.status(), v.closedOn(), v.revision());
    }
}
