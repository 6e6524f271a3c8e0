package nl.instroom.tutoring.needs.domain;

import java.util.List;
import java.util.Optional;

/** The projection of schools and their need; each change applied once and never from an older revision. */
public interface SchoolNeedViews {

    /**
     * Applies a batch of changes together; returns per change whether it had an effect (false where the change is
     * null, or stale, or applied already).
     */
    List<Boolean> apply(List<SchoolNeedChange> changes);

    Optional<SchoolNeedView> find(String schoolCode);

    List<SchoolNeedView> inRegion(String region);
}
