package nl.instroom.tutoring.placement.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.events.InstroomEvent;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.Placements;

/**
 * Placements in memory: a copy per save, a refusal of a save over a revision changed meanwhile, and the events each
 * save would have put in the outbox, as the store's adapter does.
 */
final class InMemoryPlacements implements Placements {

    private final Map<String, Placement> stored = new LinkedHashMap<>();
    private final List<InstroomEvent> published = new ArrayList<>();

    @Override
    public Optional<Placement> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(InMemoryPlacements::copy);
    }

    @Override
    public void save(Placement placement) {
        long storedRevision = stored.containsKey(placement.id()) ? stored.get(placement.id()).revision() : 0;
        if (storedRevision != placement.loadedRevision()) {
            throw new ChangedMeanwhile("Placement " + placement.id() + " changed meanwhile");
        }
        stored.put(placement.id(), copy(placement));
        published.addAll(placement.registeredEvents());
    }

    @Override
    public List<Placement> ofTutor(String tutorId) {
        return stored.values().stream().filter(p -> p.tutorId().equals(tutorId)).map(InMemoryPlacements::copy)
                .toList();
    }

    @Override
    public List<Placement> atSchool(String schoolCode) {
        return stored.values().stream().filter(p -> p.schoolCode().equals(schoolCode)).map(InMemoryPlacements::copy)
                .toList();
    }

    @Override
    public List<Placement> openInRegion(String region) {
        return stored.values().stream().filter(p -> p.region().equals(region) && p.open())
                .map(InMemoryPlacements::copy).toList();
    }

    @Override
    public List<String> dropEvaluationNotes(Instant completedBefore, int limit) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    @Override
    public int forgetTutor(String tutorId) {
        throw new UnsupportedOperationException("erasure is tested against the store");
    }

    List<InstroomEvent> published() {
        return List.copyOf(published);
    }

    private static Placement copy(Placement p) {
        return Placement.restore(p.id(), p.tutorId(), p.schoolCode(), p.subject(), p.hoursPerWeek(), p.region(),
                p.matchingRunId(), p.status(), p.evaluation(), p.history(), p.revision());
    }
}
