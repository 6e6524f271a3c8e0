package nl.instroom.careeradvice.cases.application;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.careeradvice.agenda.domain.Slot;
import nl.instroom.careeradvice.agenda.domain.Slots;

/** The advisers' slots in memory: a booking takes a slot only while it is free and in the future. */
final class InMemorySlots implements Slots {

    private final Map<String, Slot> stored = new LinkedHashMap<>();

    @Override
    public void add(Slot slot) {
        stored.put(slot.id(), slot);
    }

    @Override
    public Optional<Slot> find(String id) {
        return Optional.ofNullable(stored.get(id));
    }

    @Override
    public Booking book(String slotId, String caseId, Instant now) {
        Slot slot = stored.get(slotId);
        if (slot == null) {
            return Booking.UNKNOWN;
        }
        if (slot.status() != Slot.Status.FREE || !slot.start().isAfter(now)) {
            return Booking.TAKEN;
        }
        stored.put(slotId, new Slot(slot.id(), slot.advisorRef(), slot.start(), slot.end(), Slot.Status.BOOKED,
                caseId));
        return Booking.BOOKED;
    }

    @Override
    public void release(String slotId, String caseId) {
        Slot slot = stored.get(slotId);
        if (slot != null && caseId.equals(slot.caseId())) {
            stored.put(slotId, new Slot(slot.id(), slot.advisorRef(), slot.start(), slot.end(), Slot.Status.FREE,
                    null));
        }
    }

    @Override
    public boolean withdraw(String slotId, String advisorRef) {
        Slot slot = stored.get(slotId);
        if (slot == null || slot.status() != Slot.Status.FREE || !slot.advisorRef().equals(advisorRef)) {
            return false;
        }
        stored.remove(slotId);
        return true;
    }

    @Override
    public List<Slot> free(Instant from, Instant to, int limit) {
        return stored.values().stream().filter(s -> s.status() == Slot.Status.FREE)
                .filter(s -> !s.start().isBefore(from) && s.start().isBefore(to))
                .sorted(Comparator.comparing(Slot::start)).limit(limit).toList();
    }

    @Override
    public List<Slot> ofAdvisor(String advisorRef, Instant from, Instant to) {
        return stored.values().stream().filter(s -> s.advisorRef().equals(advisorRef))
                .filter(s -> !s.start().isBefore(from) && s.start().isBefore(to))
                .sorted(Comparator.comparing(Slot::start)).toList();
    }

    @Override
    public List<Slot> ofCase(String caseId) {
        return stored.values().stream().filter(s -> caseId.equals(s.caseId()))
                .sorted(Comparator.comparing(Slot::start)).toList();
    }

    @Override
    public int forgetCase(String caseId, Instant now) {
        throw new UnsupportedOperationException("erasure is tested against the store");
    }
}
