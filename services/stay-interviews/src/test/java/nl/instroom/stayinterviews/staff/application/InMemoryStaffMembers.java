package nl.instroom.stayinterviews.staff.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
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

    private final Map<String, StaffMember> stored = new LinkedHashMap<>();
    private final List<InstroomEvent> published = new ArrayList<>();

    @Override
    public Optional<StaffMember> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(InMemoryStaffMembers::copy);
    }

    @Override
    public List<StaffMember> atSchool(String schoolCode) {
        return stored.values().stream().filter(member -> member.schoolCode().equals(schoolCode))
                .map(InMemoryStaffMembers::copy).toList();
    }

    @Override
    public List<StaffMember> leftBefore(LocalDate day) {
        return stored.values().stream().filter(member -> member.leftBefore(day)).map(InMemoryStaffMembers::copy)
                .toList();
    }

    @Override
    public Set<String> schoolsWithStaff() {
        return new TreeSet<>(stored.values().stream().map(StaffMember::schoolCode).toList());
    }

    @Override
    public void save(StaffMember member) {
        long storedRevision = stored.containsKey(member.id()) ? stored.get(member.id()).revision() : 0;
        if (storedRevision != member.loadedRevision()) {
            throw new ChangedMeanwhile("Staff member " + member.id() + " changed meanwhile");
        }
        stored.put(member.id(), copy(member));
        published.addAll(member.registeredEvents());
    }

    @Override
    public int remove(String id, List<InstroomEvent> farewell) {
        if (stored.remove(id) == null) {
            return 0;
        }
        published.addAll(farewell);
        return 1;
    }

    @Override
    public int dropPublishedTombstones() {
        return 0;
    }

    List<InstroomEvent> published() {
        return List.copyOf(published);
    }

    private static StaffMember copy(StaffMember m) {
        return StaffMember.restore(m.schoolCode(), m.staffRef(), m.role(), m.subject(), m.fte(), m.yearsInService(),
                m.lastStayInterviewOn(), m.leavesOn(), m.ambitionShared(), m.interviews(), m.revision());
    }
}
