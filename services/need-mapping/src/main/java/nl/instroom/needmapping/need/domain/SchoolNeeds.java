package nl.instroom.needmapping.need.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where the computed needs are kept, with their history. */
public interface SchoolNeeds {

    Optional<StoredNeed> current(String schoolCode);

    /** The stored needs of these schools, by school code (schools never scored are absent). */
    Map<String, StoredNeed> currentOf(Collection<String> schoolCodes);

    /**
     * Stores changed needs, each with a history point and a {@code SchoolNeedChanged}, in bulk. A change is written
     * only while the stored revision is still the one it was computed from (0 for a school never scored): another
     * instance's change in between wins, and that school is returned, to be scored again from fresh inputs.
     */
    Set<String> store(List<Change> changes, Instant at);

    List<HistoryPoint> history(String schoolCode, int limit);

    /** A need as stored: the need and its revision. */
    record StoredNeed(SchoolNeed need, long revision, Instant computedAt) {
    }

    /** A newly computed need and the revision of the stored need it replaces. */
    record Change(SchoolNeed need, long replacesRevision) {
    }

    /** One point of a school's need over time: its score then. */
    record HistoryPoint(Instant at, double rawScore) {
    }
}
