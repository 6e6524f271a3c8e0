package nl.instroom.tutoring.needs.domain;

import java.util.List;

/**
 * The projection of vacancies. Each change carries the vacancy's revision: a change older than what is already
 * applied, or the same one again, has no effect.
 */
public interface VacancyNeeds {

    /** Records the vacancy as open at this revision; returns false when that revision or a newer one was applied. */
    boolean opened(OpenVacancy vacancy);

    /** Records the vacancy as closed (filled or withdrawn); returns false when the change is stale or repeated. */
    boolean closed(String vacancyId, String schoolCode, long revision);

    List<OpenVacancy> openAt(String schoolCode);

    List<OpenVacancy> allOpen();
}
