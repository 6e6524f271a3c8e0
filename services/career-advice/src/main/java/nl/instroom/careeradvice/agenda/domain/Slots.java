package nl.instroom.careeradvice.agenda.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The advisers' slots. Booking is one conditional write: a slot is never booked twice. */
public interface Slots {

    /** What a booking attempt came to. */
    enum Booking {
        /** The slot was free and is now booked for the case. */
        BOOKED,
        /** The slot exists but is booked already, or has begun. */
        TAKEN,
        /** There is no such slot. */
        UNKNOWN
    }

    void add(Slot slot);

    Optional<Slot> find(String id);

    /** Books the slot for the case if, at this moment, it is free and still in the future — in one atomic write. */
    Booking book(String slotId, String caseId, Instant now);

    /** Makes a slot booked for this case free again (a booking whose case could not be saved); safe to repeat. */
    void release(String slotId, String caseId);

    /** Removes a free slot of this adviser; false when it is not theirs, not free, or unknown. */
    boolean withdraw(String slotId, String advisorRef);

    /** Free slots starting between the two instants, earliest first (at most {@code limit}). */
    List<Slot> free(Instant from, Instant to, int limit);

    /** An adviser's slots starting between the two instants, earliest first. */
    List<Slot> ofAdvisor(String advisorRef, Instant from, Instant to);

    /** The case's slots, earliest first. */
    List<Slot> ofCase(String caseId);

    /**
     * Forgets a case in every slot: its future bookings become free again, past ones keep that they were held but no
     * longer name the case. Safe to repeat; returns how many slots changed.
     */
    int forgetCase(String caseId, Instant now);
}
