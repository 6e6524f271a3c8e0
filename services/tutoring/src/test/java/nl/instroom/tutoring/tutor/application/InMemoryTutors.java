package nl.instroom.tutoring.tutor.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.outbox.InMemoryAggregates;
import nl.instroom.events.InstroomEvent;
import nl.instroom.tutoring.tutor.domain.Tutor;
import nl.instroom.tutoring.tutor.domain.Tutors;

/**
 * Tutors in memory, for use-case tests. Like the store it keeps a copy, never the caller's object (a use case that
 * changes a tutor and then fails has changed nothing), refuses a save over a revision changed meanwhile, and keeps
 * the events each save would have put in the outbox.
 */
public final class InMemoryTutors implements Tutors {

    private final InMemoryAggregates<Tutor> stored = new InMemoryAggregates<>(
            new InMemoryAggregates.Shape<>("Tutor", Tutor::id, Tutor::revision, Tutor::loadedRevision,
                    Tutor::registeredEvents, InMemoryTutors::copy));

    @Override
    public Optional<Tutor> find(String id) {
        return stored.find(id);
    }

    @Override
    public void save(Tutor tutor) {
        stored.save(tutor);
    }

    @Override
    public List<Tutor> inRegion(String region) {
        return stored.all().filter(tutor -> tutor.region().equals(region))
                .toList();
    }

    @Override
    public List<Tutor> pageInRegion(String region, int offset, int limit) {
        return inRegion(region).stream().sorted(Comparator.comparing(Tutor::name).thenComparing(Tutor::id))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public List<String> registeredBefore(LocalDate day, String afterId, int limit) {
        return stored.all().filter(t -> t.registeredOn() != null && t.registeredOn().isBefore(day))
                .map(Tutor::id).filter(id -> afterId == null || id.compareTo(afterId) > 0).sorted().limit(limit)
                .toList();
    }

    @Override
    public int startUndatedRetention(LocalDate today) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    @Override
    public int erase(String id) {
        return stored.remove(id) ? 1 : 0;
    }

    @Override
    public List<Tutor> withPendingWithdrawal(int limit) {
        return stored.all().filter(tutor -> tutor.withdrawalPendingSince() != null)
                .sorted(Comparator.comparing(Tutor::withdrawalPendingSince)).limit(limit)
                .toList();
    }

    @Override
    public void withdrawalDone(String id, Instant since) {
        Tutor tutor = stored.find(id).orElse(null);
        if (tutor != null && since.equals(tutor.withdrawalPendingSince())) {
            stored.replace(Tutor.restore(tutor.id(), tutor.name(), tutor.schoolAttended(), tutor.schoolYear(),
                    tutor.dateOfBirth(), tutor.subjects(), tutor.availability(), tutor.pc4(), tutor.maxTravelKm(),
                    tutor.region(), tutor.registeredOn(), tutor.consent(), tutor.announced(), null,
                    tutor.revision()));
        }
    }

    /** The events the saves so far would have published, in order. */
    public List<InstroomEvent> published() {
        return stored.published();
    }

    private static Tutor copy(Tutor tutor) {
        return Tutor.restore(tutor.id(), tutor.name(), tutor.schoolAttended(), tutor.schoolYear(),
                tutor.dateOfBirth(), tutor.subjects(), tutor.availability(), tutor.pc4(), tutor.maxTravelKm(),
                tutor.region(), tutor.registeredOn(), tutor.consent(), tutor.announced(),
                tutor.withdrawalPendingSince(), tutor.revision());
    }
}
