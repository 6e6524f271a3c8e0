package nl.instroom.needmapping.need.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.instroom.needmapping.need.domain.SchoolNeeds;

/**
 * Stored needs in memory, guarded as {@code MongoNeedStore} guards them: a change only over the revision and
 * confirmations it was computed from, a confirmation only over the revision it was read at. What was stored is kept
 * as published, in order. {@link #beforeNextStore} lets a test put something between a pass's reads and its write.
 */
final class InMemorySchoolNeeds implements SchoolNeeds {

    private final Map<String, StoredNeed> stored = new HashMap<>();
    private final List<StoredNeed> published = new ArrayList<>();
    private Runnable beforeNextStore;

    /** Runs once, when a pass next stores (after it read the stored needs and the inputs). */
    void beforeNextStore(Runnable action) {
        beforeNextStore = action;
    }

    /** Every need stored, in order: what the outbox would publish. */
    List<StoredNeed> published() {
        return List.copyOf(published);
    }

    @Override
    public Optional<StoredNeed> current(String schoolCode) {
        return Optional.ofNullable(stored.get(schoolCode));
    }

    @Override
    public Map<String, StoredNeed> currentOf(Collection<String> schoolCodes) {
        Map<String, StoredNeed> current = new HashMap<>();
        schoolCodes.stream().filter(stored::containsKey).forEach(code -> current.put(code, stored.get(code)));
        return current;
    }

    @Override
    public Set<String> store(List<Change> changes, List<StoredNeed> unchanged, Instant at) {
        Runnable action = beforeNextStore;
        beforeNextStore = null;
        if (action != null) {
            action.run();
        }
        Set<String> refused = new HashSet<>();
        for (Change change : changes) {
            String code = change.need().schoolCode();
            StoredNeed now = stored.get(code);
            if ((now == null ? 0 : now.revision()) == change.replacesRevision()
                    && (now == null ? 0 : now.confirmations()) == change.replacesConfirmations()) {
                StoredNeed next = new StoredNeed(change.need(), change.replacesRevision() + 1, at, 0);
                stored.put(code, next);
                published.add(next);
            } else {
                refused.add(code);
            }
        }
        for (StoredNeed read : unchanged) {
            String code = read.need().schoolCode();
            StoredNeed now = stored.get(code);
            if (now != null && now.revision() == read.revision()) {
                stored.put(code, new StoredNeed(now.need(), now.revision(), now.computedAt(),
                        now.confirmations() + 1));
            } else {
                refused.add(code);
            }
        }
        return refused;
    }

    @Override
    public List<HistoryPoint> history(String schoolCode, int limit) {
        return List.of();
    }
}
