package nl.instroom.needmapping.vacancy.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where vacancies are kept. Saving stores the state and the registered events in one atomic write. */
public interface Vacancies {

    Optional<Vacancy> find(String id);

    /** The vacancies of a school, newest first; all statuses when {@code status} is null. */
    List<Vacancy> atSchool(String schoolCode, VacancyStatus status);

    /**
     * Stores a new or changed vacancy together with the events it registered.
     *
     * @throws nl.instroom.chassis.refusal.ChangedMeanwhile when someone else changed it since it was read
     */
    void save(Vacancy vacancy);

    /**
     * The dates of the vacancies of these schools that are open or closed on or after {@code closedSince} — all a
     * {@link VacancyHistory} from that day needs — at most {@code limit} of them.
     */
    List<VacancyHistory.Dates> datesAtSchools(Collection<String> schoolCodes, LocalDate closedSince, int limit);

    /** Stores newly opened vacancies, each with its events, together (an import). */
    void insertAll(List<Vacancy> opened);

}
