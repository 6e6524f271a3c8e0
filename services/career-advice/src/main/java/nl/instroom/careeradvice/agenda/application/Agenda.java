package nl.instroom.careeradvice.agenda.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.instroom.careeradvice.agenda.domain.Slot;
import nl.instroom.careeradvice.agenda.domain.Slots;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import org.springframework.stereotype.Service;

/** Advisers publish and withdraw free slots and see their agenda; anyone sees which slots are free. */
@Service
public class Agenda {

    /** How far ahead one question about slots may look. */
    static final Duration WINDOW = Duration.ofDays(92);
    static final int FREE_LIMIT = 200;

    private final Slots slots;
    private final Clock clock;

    Agenda(Slots slots, Clock clock) {
        this.slots = slots;
        this.clock = clock;
    }

    /** Publishes a free slot of the calling adviser; refused when it overlaps one of their own slots. */
    public Slot publish(Instant start, int minutes, CurrentUser advisor) {
        Slot slot = Slot.publish(UUID.randomUUID().toString(), advisor.subject(), start, Duration.ofMinutes(minutes),
                clock.instant());
        boolean overlaps = slots.ofAdvisor(advisor.subject(), slot.start().minus(Slot.LONGEST), slot.end()).stream()
                .anyMatch(own -> own.overlaps(slot.start(), slot.end()));
        if (overlaps) {
            throw new NotPossibleNow("This slot overlaps another slot of yours");
        }
        slots.add(slot);
        return slot;
    }

    /** Withdraws a free slot of the calling adviser. */
    public void withdraw(String slotId, CurrentUser advisor) {
        Slot slot = slots.find(slotId).filter(found -> found.advisorRef().equals(advisor.subject()))
                .orElseThrow(() -> new NotFoundException("Slot", slotId));
        if (slot.status() != Slot.Status.FREE || !slots.withdraw(slotId, advisor.subject())) {
            throw new NotPossibleNow("This slot is booked; it cannot be withdrawn");
        }
    }

    /** Free slots from now (or the given moment) on, within three months. */
    public List<Slot> free(Instant from, Instant to) {
        Instant now = clock.instant();
        Instant start = from == null || from.isBefore(now) ? now : from;
        Instant end = to == null ? start.plus(WINDOW) : to;
        return slots.free(start, bounded(start, end), FREE_LIMIT);
    }

    /** The calling adviser's slots, free and booked, from today on (or the given window). */
    public List<Slot> agenda(Instant from, Instant to, CurrentUser advisor) {
        Instant start = from == null ? clock.instant().minus(Duration.ofDays(1)) : from;
        Instant end = to == null ? start.plus(WINDOW) : to;
        return slots.ofAdvisor(advisor.subject(), start, bounded(start, end));
    }

    private static Instant bounded(Instant start, Instant end) {
        if (end.isBefore(start)) {
            throw new InvalidRequest("The window ends before it starts");
        }
        return end.isAfter(start.plus(WINDOW)) ? start.plus(WINDOW) : end;
    }
}
