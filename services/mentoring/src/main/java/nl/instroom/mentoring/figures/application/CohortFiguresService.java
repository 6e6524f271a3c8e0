package nl.instroom.mentoring.figures.application;

import nl.instroom.mentoring.figures.domain.CohortFigures;
import nl.instroom.mentoring.pair.domain.Pairs;
import nl.instroom.mentoring.programme.application.ProgrammeService;
import nl.instroom.mentoring.signup.domain.SignUps;
import org.springframework.stereotype.Service;

/** A cohort's figures from its sign-ups and pairs, as they stand. */
@Service
public class CohortFiguresService {

    private final ProgrammeService programmes;
    private final SignUps signUps;
    private final Pairs pairs;

    CohortFiguresService(ProgrammeService programmes, SignUps signUps, Pairs pairs) {
        this.programmes = programmes;
        this.signUps = signUps;
        this.pairs = pairs;
    }

    public CohortFigures of(String cohortId) {
        programmes.cohort(cohortId);
        return CohortFigures.of(cohortId, signUps.ofCohort(cohortId), pairs.ofCohort(cohortId));
    }
}
