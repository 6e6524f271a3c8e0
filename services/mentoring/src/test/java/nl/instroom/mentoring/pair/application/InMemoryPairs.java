package nl.instroom.mentoring.pair.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.events.InstroomEvent;
import nl.instroom.mentoring.pair.domain.Pair;
import nl.instroom.mentoring.pair.domain.PairStatus;
import nl.instroom.mentoring.pair.domain.Pairs;

/**
 * Pairs in memory, for use-case tests: a copy per save (a use case that fails has changed nothing), a refusal of a
 * save over a revision changed meanwhile, and the events each write would have put in the outbox.
 */
final class InMemoryPairs implements Pairs {

    private final Map<String, Pair> stored = new LinkedHashMap<>();
    private final List<InstroomEvent> published = new ArrayList<>();

    @Override
    public boolean add(Pair pair) {
        if (stored.containsKey(pair.id())) {
            return false;
        }
        stored.put(pair.id(), copy(pair));
        published.addAll(pair.registeredEvents());
        return true;
    }

    @Override
    public void save(Pair pair) {
        Pair current = stored.get(pair.id());
        if (current == null || current.revision() != pair.loadedRevision()) {
            throw new ChangedMeanwhile("Pair " + pair.id() + " changed meanwhile");
        }
        stored.put(pair.id(), copy(pair));
        published.addAll(pair.registeredEvents());
    }

    @Override
    public Optional<Pair> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(InMemoryPairs::copy);
    }

    @Override
    public List<Pair> ofCohort(String cohortId) {
        return stored.values().stream().filter(p -> p.cohortId().equals(cohortId)).map(InMemoryPairs::copy).toList();
    }

    @Override
    public List<Pair> ofSignUp(String signUpId) {
        return stored.values().stream().filter(p -> p.leaderSignUp().equals(signUpId)
                || p.executiveSignUp().equals(signUpId)).map(InMemoryPairs::copy).toList();
    }

    @Override
    public List<Pair> openOf(String signUpId) {
        return ofSignUp(signUpId).stream().filter(p -> p.status().open()).toList();
    }

    @Override
    public List<Pair> activeUnflagged(String afterId, int limit) {
        return stored.values().stream().filter(p -> p.status() == PairStatus.ACTIVE && p.quietSince() == null)
                .filter(p -> afterId == null || p.id().compareTo(afterId) > 0).limit(limit)
                .map(InMemoryPairs::copy).toList();
    }

    @Override
    public List<Pair> quietIn(String cohortId) {
        return ofCohort(cohortId).stream().filter(p -> p.status() == PairStatus.ACTIVE && p.quietSince() != null)
                .toList();
    }

    @Override
    public int forget(String participantRef) {
        throw new UnsupportedOperationException("erasure is tested against the store");
    }

    List<InstroomEvent> published() {
        return List.copyOf(published);
    }

    private static Pair copy(Pair p) {
        return Pair.restore(p.id(), p.cohortId(), p.runId(), p.leaderSignUp(), p.executiveSignUp(), p.leaderRef(),
                p.executiveRef(), p.score(), p.proposedOn(), p.status(), p.leaderAccepted(), p.executiveAccepted(),
                p.activatedOn(), p.endedOn(), p.endReason(), p.meetings(), p.sealedGoals(), p.feedback(),
                p.quietSince(), p.revision());
    }
}
