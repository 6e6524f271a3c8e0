package nl.instroom.tutoring.needs.domain;

import java.util.List;

/**
 * The projection of vacancies. Each change names the event that caused it and the vacancy's revision: the same
 * event again, or a change older than what is already applied, has no effect.
 */
public interface VacancyNeeds {

    /** Records the vacancy as open; returns false when this event or a newer revision was applied already. */
    boolean opened(OpenVacancy vacancy, String eventId);

    /** Records the vacancy as closed (filled or withdrawn); returns false when the change is stale or repeated. */
    boolean closed(String vacancyId, String schoolCode, long revision, String eventId);

    List<OpenVacancy> openAt(String schoolCode);

    List<OpenVacancy> allOpen();
}
