package nl.instroom.scouting.schools.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The projection of schools and their need; each change applied once and never from an older revision. */
public interface SchoolViews {

    /**
     * Applies a batch of changes together; returns per change whether it had an effect (false where the change is
     * null, or stale, or applied already).
     */
    List<Boolean> apply(List<SchoolChange> changes);

    Optional<SchoolView> find(String schoolCode);

    /** The known ones among these schools, by code. */
    Map<String, SchoolView> findAll(Collection<String> schoolCodes);

    List<SchoolView> inRegion(String region);
}
