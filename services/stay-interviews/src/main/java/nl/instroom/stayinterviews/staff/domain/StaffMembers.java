package nl.instroom.stayinterviews.staff.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.instroom.events.InstroomEvent;

/**
 * Where staff members and their interviews are kept. Saving stores the state and the registered events in one
 * write, with the free text encrypted by the school's key.
 */
public interface StaffMembers {

    /** The member with their interviews' free text decrypted (where the school's key still exists). */
    Optional<StaffMember> find(String id);

    /**
     * The school's members without any free text decrypted, for overviews and the risk assessment. Never save
     * these: their free text is not loaded.
     */
    List<StaffMember> atSchool(String schoolCode);

    /** Members (of any school) whose leaving date is before the given day; without free text. */
    List<StaffMember> leftBefore(LocalDate day);

    /** Schools that have at least one staff member. */
    Set<String> schoolsWithStaff();

    void save(StaffMember member);

    /**
     * Removes the member and their interviews at once; {@code farewell} events (what others need to forget them)
     * and events still waiting to be published leave through the outbox of what remains, a bare tombstone that is
     * dropped once published. Returns how many members were removed (0 or 1).
     */
    int remove(String id, List<InstroomEvent> farewell);

    /** Drops tombstones whose events have all been published; returns how many. */
    int dropPublishedTombstones();
}
