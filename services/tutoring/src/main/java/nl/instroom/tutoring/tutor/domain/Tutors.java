package nl.instroom.tutoring.tutor.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where tutors are kept; saving stores the state and the registered events in one write. */
public interface Tutors {

    Optional<Tutor> find(String id);

    void save(Tutor tutor);

    /** Every tutor living in a region, for matching. */
    List<Tutor> inRegion(String region);

    /** One page of a region's tutors in name order, for the coordinator's list. */
    List<Tutor> pageInRegion(String region, int offset, int limit);

    /** One page, in id order after {@code afterId} (null: from the start), of tutors registered before the day. */
    List<String> registeredBefore(LocalDate day, String afterId, int limit);

    /**
     * Gives tutors registered before the day was kept the day as their registration date, so their retention period
     * starts now rather than never; returns how many.
     */
    int startUndatedRetention(LocalDate today);

    /** Removes the tutor entirely; returns how many records were removed. */
    int erase(String id);

    /** Tutors whose withdrawn consent still has placements to cancel, oldest first, at most {@code limit}. */
    List<Tutor> withPendingWithdrawal(int limit);

    /** Clears the withdrawal mark if it is still the one set at {@code since} (a later withdrawal sets a new one). */
    void withdrawalDone(String id, Instant since);
}
