package nl.instroom.tutoring.placement.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.outbox.InMemoryAggregates;
import nl.instroom.events.InstroomEvent;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.Placements;

/**
 * Placements in memory: a copy per save, a refusal of a save over a revision changed meanwhile, and the events each
 * save would have put in the outbox, as the store's adapter does.
 */
final class InMemoryPlacements implements Placements {

    private final InMemoryAggregates<Placement> stored = new InMemoryAggregates<>(
            new InMemoryAggregates.Shape<>("Placement", Placement::id, Placement::revision, Placement::loadedRevision,
                    Placement::registeredEvents, InMemoryPlacements::copy));

    @Override
    public Optional<Placement> find(String id) {
        return stored.find(id);
    }

    @Override
    public void save(Placement placement) {
        stored.save(placement);
    }

    @Override
    public List<Placement> ofTutor(String tutorId) {
        return stored.all().filter(p -> p.tutorId().equals(tutorId))
                .toList();
    }

    @Override
    public List<Placement> atSchool(String schoolCode) {
        return stored.all().filter(p -> p.schoolCode().equals(schoolCode))
                .toList();
    }

    @Override
    public List<Placement> openInRegion(String region) {
        return stored.all().filter(p -> p.region().equals(region) && p.open())
                .toList();
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
        return stored.published();
    }

    private static Placement copy(Placement p) {
        return Placement.restore(p.id(), p.tutorId(), p.schoolCode(), p.subject(), p.hoursPerWeek(), p.region(),
                p.matchingRunId(), p.status(), p.evaluation(), p.history(), p.revision());
    }
}
