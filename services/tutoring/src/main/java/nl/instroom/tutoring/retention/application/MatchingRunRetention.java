package nl.instroom.tutoring.retention.application;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.tutoring.matching.domain.MatchingRun;
import nl.instroom.tutoring.matching.domain.MatchingRuns;
import org.springframework.stereotype.Component;

/**
 * A matching run keeps its inputs — which tutors were candidates, their revisions and open placements, every
 * proposed pair with its score — to explain its proposals while a coordinator decides. It is removed
 * {@code instroom.retention.matching-run} (default three months) after it was solved: by then it was accepted into
 * placements (which keep the run's id) or overtaken by newer runs.
 */
@Component
class MatchingRunRetention implements RetentionRule {

    private final MatchingRuns runs;

    MatchingRunRetention(MatchingRuns runs) {
        this.runs = runs;
    }

    @Override
    public String kind() {
        return "matching-run";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofMonths(3);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        List<MatchingRun> due = runs.solvedBefore(cutoff, limit);
        if (due.isEmpty()) {
            return Purged.none();
        }
        int removed = runs.remove(due.stream().map(MatchingRun::id).toList(), cutoff);
        // Only an accepted run's id left the service (in its placements' PlacementProposed); a run nobody
        // accepted is counted, not named.
        List<String> published = due.stream().filter(run -> run.status() == MatchingRun.Status.ACCEPTED)
                .map(MatchingRun::id).limit(removed).toList();
        return new Purged(removed, published);
    }
}
