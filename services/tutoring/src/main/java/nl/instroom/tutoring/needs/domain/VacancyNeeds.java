package nl.instroom.tutoring.needs.domain;

import java.util.List;

/**
 * The projection of vacancies. Each change names the event that caused it and the vacancy's revision: the same
 * event again, or a change older than what is already applied, has no effect.
 */
public interface VacancyNeeds {

    /**
     * Applies a batch of changes together; returns per change whether it had an effect (false where the change is
     * null, or stale, or applied already).
     */
    List<Boolean> apply(List<VacancyChange> changes);

    List<OpenVacancy> openAt(String schoolCode);

    List<OpenVacancy> allOpen();
}
