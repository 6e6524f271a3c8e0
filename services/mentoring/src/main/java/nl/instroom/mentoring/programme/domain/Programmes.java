package nl.instroom.mentoring.programme.domain;

import java.util.List;
import java.util.Optional;

/** Where programmes and their cohorts are kept. */
public interface Programmes {

    void add(Programme programme);

    Optional<Programme> find(String id);

    List<Programme> all();

    void add(Cohort cohort);

    Optional<Cohort> findCohort(String id);

    List<Cohort> cohortsOf(String programmeId);
}
