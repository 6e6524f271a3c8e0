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
     * Stores changed needs, each with a history point and a {@code SchoolNeedChanged}, and confirms unchanged ones, in
     * one bulk write. A change is written only while the stored need is still the one it was computed from — the same
     * revision and the same number of confirmations (0 and 0 for a school never scored); an unchanged need is
     * confirmed only while its revision is still the one read. Another instance's change (or, for a change, its
     * confirmation) in between wins, and that school is returned, to be scored again from fresh inputs.
     *
     * <p>Why an unchanged need is confirmed, not just left alone: with several instances, a pass that read a school's
     * inputs before a change could otherwise store its need after another pass had read the changed inputs and found
     * nothing to store — the change would be lost. The confirmation makes that older pass's write fail instead; and
     * a confirmation refused says the need was stored anew after it was read, so "nothing to store" was judged
     * against an old need.
     *
     * @param unchanged stored needs, as read, that a pass scored again from inputs read after them and found right
     */
    Set<String> store(List<Change> changes, List<StoredNeed> unchanged, Instant at);

    List<HistoryPoint> history(String schoolCode, int limit);

    /**
     * A need as stored: the need, its revision, and how many passes found it still right since it was stored (what
     * {@link #store} guards with, besides the revision; never published).
     */
    record StoredNeed(SchoolNeed need, long revision, Instant computedAt, long confirmations) {
    }

    /**
     * A newly computed need, and the revision and confirmations of the stored need it replaces (0 and 0 for a school
     * never scored).
     */
    record Change(SchoolNeed need, long replacesRevision, long replacesConfirmations) {
    }

    /** One point of a school's need over time: its score then. */
    record HistoryPoint(Instant at, double rawScore) {
    }
}
