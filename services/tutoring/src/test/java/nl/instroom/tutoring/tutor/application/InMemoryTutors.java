package nl.instroom.tutoring.tutor.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.events.InstroomEvent;
import nl.instroom.tutoring.tutor.domain.Tutor;
import nl.instroom.tutoring.tutor.domain.Tutors;

/**
 * Tutors in memory, for use-case tests. Like the store it keeps a copy, never the caller's object (a use case that
 * changes a tutor and then fails has changed nothing), refuses a save over a revision changed meanwhile, and keeps
 * the events each save would have put in the outbox.
 */
public final class InMemoryTutors implements Tutors {

    private final Map<String, Tutor> stored = new LinkedHashMap<>();
    private final List<InstroomEvent> published = new ArrayList<>();

    @Override
    public Optional<Tutor> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(InMemoryTutors::copy);
    }

    @Override
    public void save(Tutor tutor) {
        long storedRevision = stored.containsKey(tutor.id()) ? stored.get(tutor.id()).revision() : 0;
        if (storedRevision != tutor.loadedRevision()) {
            throw new ChangedMeanwhile("Tutor " + tutor.id() + " changed meanwhile");
        }
        stored.put(tutor.id(), copy(tutor));
        published.addAll(tutor.registeredEvents());
    }

    @Override
    public List<Tutor> inRegion(String region) {
        return stored.values().stream().filter(tutor -> tutor.region().equals(region)).map(InMemoryTutors::copy)
                .toList();
    }

    @Override
    public List<Tutor> pageInRegion(String region, int offset, int limit) {
        return inRegion(region).stream().sorted(Comparator.comparing(Tutor::name).thenComparing(Tutor::id))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public List<String> registeredBefore(LocalDate day, String afterId, int limit) {
        return stored.values().stream().filter(t -> t.registeredOn() != null && t.registeredOn().isBefore(day))
                .map(Tutor::id).filter(id -> afterId == null || id.compareTo(afterId) > 0).sorted().limit(limit)
                .toList();
    }

    @Override
    public int startUndatedRetention(LocalDate today) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    @Override
    public int erase(String id) {
        return stored.remove(id) == null ? 0 : 1;
    }

    @Override
    public List<Tutor> withPendingWithdrawal(int limit) {
        return stored.values().stream().filter(tutor -> tutor.withdrawalPendingSince() != null)
                .sorted(Comparator.comparing(Tutor::withdrawalPendingSince)).limit(limit).map(InMemoryTutors::copy)
                .toList();
    }

    @Override
    public void withdrawalDone(String id, Instant since) {
        Tutor tutor = stored.get(id);
        if (tutor != null && since.equals(tutor.withdrawalPendingSince())) {
            stored.put(id, Tutor.restore(tutor.id(), tutor.name(), tutor.schoolAttended(), tutor.schoolYear(),
                    tutor.dateOfBirth(), tutor.subjects(), tutor.availability(), tutor.pc4(), tutor.maxTravelKm(),
                    tutor.region(), tutor.registeredOn(), tutor.consent(), tutor.announced(), null,
                    tutor.revision()));
        }
    }

    /** The events the saves so far would have published, in order. */
    public List<InstroomEvent> published() {
        return List.copyOf(published);
    }

    private static Tutor copy(Tutor tutor) {
        return Tutor.restore(tutor.id(), tutor.name(), tutor.schoolAttended(), tutor.schoolYear(),
                tutor.dateOfBirth(), tutor.subjects(), tutor.availability(), tutor.pc4(), tutor.maxTravelKm(),
                tutor.region(), tutor.registeredOn(), tutor.consent(), tutor.announced(),
                tutor.withdrawalPendingSince(), tutor.revision());
    }
}
