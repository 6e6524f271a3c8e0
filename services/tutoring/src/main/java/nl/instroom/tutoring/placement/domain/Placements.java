package nl.instroom.tutoring.placement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where placements are kept; saving stores the state and the registered events in one write. */
public interface Placements {

    Optional<Placement> find(String id);

    void save(Placement placement);

    List<Placement> ofTutor(String tutorId);

    List<Placement> atSchool(String schoolCode);

    /** Placements of a region that are proposed, confirmed or active: they hold a tutor's hours and a school's place. */
    List<Placement> openInRegion(String region);

    /**
     * Drops the school's note from at most {@code limit} evaluations of placements completed before the moment;
     * returns the placements' ids.
     */
    List<String> dropEvaluationNotes(Instant completedBefore, int limit);

    /** Anonymises a tutor's placements (tutor reference and the school's note); returns how many. */
    int forgetTutor(String tutorId);
}
