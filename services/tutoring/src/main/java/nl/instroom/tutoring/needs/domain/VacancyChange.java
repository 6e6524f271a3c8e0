package nl.instroom.tutoring.needs.domain;

/** A change to the projection of vacancies, named by the event that caused it. */
public sealed interface VacancyChange {

    String eventId();

    /** The vacancy is open (again) as described. */
    record Opened(OpenVacancy vacancy, String eventId) implements VacancyChange {
    }

    /** The vacancy was filled or withdrawn. */
    record Closed(String vacancyId, String schoolCode, long revision, String eventId) implements VacancyChange {
    }
}
