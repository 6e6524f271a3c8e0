package nl.instroom.mentoring.programme.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.instroom.mentoring.programme.domain.Cohort;
import nl.instroom.mentoring.programme.domain.Programme;
import nl.instroom.mentoring.programme.domain.Programmes;

/**
 * The programme use cases on programmes kept in memory, for the use-case tests of sign-ups and pairs (the constructor
 * is package-private, as Spring alone calls it in the service).
 */
public final class ProgrammeUseCases {

    private ProgrammeUseCases() {
    }

    public static ProgrammeService programmeService(Clock clock) {
        return new ProgrammeService(new InMemoryProgrammes(), clock);
    }

    /** Programmes and cohorts hold no personal data and have no events: a list each is all the store is. */
    private static final class InMemoryProgrammes implements Programmes {

        private final List<Programme> programmes = new ArrayList<>();
        private final List<Cohort> cohorts = new ArrayList<>();

        @Override
        public void add(Programme programme) {
            programmes.add(programme);
        }

        @Override
        public Optional<Programme> find(String id) {
            return programmes.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        @Override
        public List<Programme> all() {
            return List.copyOf(programmes);
        }

        @Override
        public void add(Cohort cohort) {
            cohorts.add(cohort);
        }

        @Override
        public Optional<Cohort> findCohort(String id) {
            return cohorts.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public List<Cohort> cohortsOf(String programmeId) {
            return cohorts.stream().filter(c -> c.programmeId().equals(programmeId)).toList();
        }
    }
}
