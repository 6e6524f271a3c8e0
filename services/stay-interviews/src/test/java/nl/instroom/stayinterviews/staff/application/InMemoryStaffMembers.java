package nl.instroom.stayinterviews.staff.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.instroom.chassis.outbox.InMemoryAggregates;
import nl.instroom.events.InstroomEvent;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;

/**
 * Staff members in memory, for use-case tests: a copy per save (a use case that fails has changed nothing), a
 * refusal of a save over a revision changed meanwhile, and the events each write would have put in the outbox —
 * including the farewell events of a removal. Free text is kept as given: encryption is the store's adapter's work,
 * tested against the store.
 */
final class InMemoryStaffMembers implements StaffMembers {

    private final InMemoryAggregates<StaffMember> stored = new InMemoryAggregates<>(
            new InMemoryAggregates.Shape<>("Staff member", StaffMember::id, StaffMember::revision,
                    StaffMember::loadedRevision, StaffMember::registeredEvents, InMemoryStaffMembers::copy));

    @Override
    public Optional<StaffMember> find(String id) {
        return stored.find(id);
    }

    @Override
    public List<StaffMember> atSchool(String schoolCode) {
        return stored.all().filter(member -> member.schoolCode().equals(schoolCode))
                .toList();
    }

    @Override
    public List<StaffMember> leftBefore(LocalDate day) {
        return stored.all().filter(member -> member.leftBefore(day))
                .toList();
    }

    @Override
    public Set<String> schoolsWithStaff() {
        return new TreeSet<>(stored.all().map(StaffMember::schoolCode).toList());
    }

    @Override
    public void save(StaffMember member) {
        stored.save(member);
    }

    @Override
    public int remove(String id, List<InstroomEvent> farewell) {
        if (!stored.remove(id)) {
            return 0;
        }
        stored.publish(farewell);
        return 1;
    }

    @Override
    public int dropPublishedTombstones() {
        return 0;
    }

    List<InstroomEvent> published() {
        return stored.published();
    }

    private static StaffMember copy(StaffMember m) {
        return StaffMember.restore(m.schoolCode(), m.staffRef(), m.role(), m.subject(), m.fte(), m.yearsInService(),
                m.lastStayInterviewOn(), m.leavesOn(), m.ambitionShared(), m.interviews(), m.revision());
    }
}
