package nl.instroom.needmapping.need.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where the computed needs are kept, with their history. */
public interface SchoolNeeds {

    Optional<StoredNeed> current(String schoolCode);

    List<StoredNeed> ofRegion(String region);

    /** Stores a changed need, appends it to the school's history and publishes {@code SchoolNeedChanged}. */
    void changed(SchoolNeed need, Instant at);

    List<HistoryPoint> history(String schoolCode, int limit);

    /** A need as stored: the need and its revision. */
    record StoredNeed(SchoolNeed need, long revision, Instant computedAt) {
    }

    /** One point of a school's need over time. */
    record HistoryPoint(Instant at, double index, double rawScore) {
    }
}
