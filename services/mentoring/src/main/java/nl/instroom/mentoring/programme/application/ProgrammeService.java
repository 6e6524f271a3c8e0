package nl.instroom.mentoring.programme.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.mentoring.programme.domain.Cohort;
import nl.instroom.mentoring.programme.domain.Programme;
import nl.instroom.mentoring.programme.domain.Programmes;
import org.springframework.stereotype.Service;

/**
 * The coordinator sets up programmes and their cohorts. Programmes and cohorts hold no personal data and belong to
 * the whole country, so no scope applies beyond the access rules.
 */
@Service
public class ProgrammeService {

    /** A new cohort as the coordinator describes it. */
    public record NewCohort(String name, LocalDate signUpOpens, LocalDate signUpCloses, LocalDate starts,
            LocalDate ends) {
    }

    private final Programmes programmes;
    private final Clock clock;

    ProgrammeService(Programmes programmes, Clock clock) {
        this.programmes = programmes;
        this.clock = clock;
    }

    public Programme create(String name) {
        Programme programme = new Programme(UUID.randomUUID().toString(), name, LocalDate.now(clock));
        programmes.add(programme);
        return programme;
    }

    public List<Programme> all() {
        return programmes.all();
    }

    public Programme get(String id) {
        return programmes.find(id).orElseThrow(() -> new NotFoundException("Programme", id));
    }

    public Cohort addCohort(String programmeId, NewCohort cohort) {
        get(programmeId);
        Cohort added = new Cohort(UUID.randomUUID().toString(), programmeId, cohort.name(), cohort.signUpOpens(),
                cohort.signUpCloses(), cohort.starts(), cohort.ends());
        programmes.add(added);
        return added;
    }

    public List<Cohort> cohorts(String programmeId) {
        get(programmeId);
        return programmes.cohortsOf(programmeId);
    }

    public Cohort cohort(String cohortId) {
        return programmes.findCohort(cohortId).orElseThrow(() -> new NotFoundException("Cohort", cohortId));
    }
}
