package nl.instroom.tutoring.matching.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where matching runs are kept. */
public interface MatchingRuns {

    void save(MatchingRun run);

    /** Saves an accepted run only if it was not accepted meanwhile; returns whether it was. */
    boolean markAccepted(MatchingRun run);

    Optional<MatchingRun> find(String id);

    /** The latest runs of a region, newest first. */
    List<MatchingRun> latestIn(String region, int limit);

    /** At most {@code limit} runs solved before the moment, oldest first. */
    List<MatchingRun> solvedBefore(Instant moment, int limit);

    /** Removes the runs, if still solved before the moment; returns how many. */
    int remove(Collection<String> ids, Instant solvedBefore);

    /** Removes a tutor from the stored runs (erasure); returns how many runs named them. */
    int forgetTutor(String tutorId);
}
