package nl.instroom.mentoring.figures.application;

import java.util.List;
import java.util.Objects;
import nl.instroom.mentoring.figures.domain.CohortFigures;
import nl.instroom.mentoring.figures.domain.ShortageFigures;
import nl.instroom.mentoring.outcome.domain.TakingPartSchools;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.Pairs;
import nl.instroom.mentoring.programme.application.ProgrammeService;
import nl.instroom.mentoring.programme.domain.Cohort;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.SignUps;
import org.springframework.stereotype.Service;

/** A cohort's figures from its sign-ups and pairs, and the schools taking part in stay interviews, as they stand. */
@Service
public class CohortFiguresService {

    private final ProgrammeService programmes;
    private final SignUps signUps;
    private final Pairs pairs;
    private final TakingPartSchools schools;

    CohortFiguresService(ProgrammeService programmes, SignUps signUps, Pairs pairs, TakingPartSchools schools) {
        this.programmes = programmes;
        this.signUps = signUps;
        this.pairs = pairs;
        this.schools = schools;
    }

    public CohortFigures of(String cohortId) {
        Cohort cohort = programmes.cohort(cohortId);
        List<SignUp> cohortSignUps = signUps.ofCohort(cohortId);
        List<Pair> cohortPairs = pairs.ofCohort(cohortId);
        List<String> linkedSchools = cohortSignUps.stream().filter(s -> s.staffLink() != null)
                .map(s -> s.staffLink().schoolCode()).filter(Objects::nonNull).distinct().toList();
        ShortageFigures shortage = ShortageFigures.of(cohort.starts(), cohort.ends(), cohortSignUps, cohortPairs,
                schools.among(linkedSchools));
        return CohortFigures.of(cohortId, cohortSignUps, cohortPairs, shortage);
    }
}
