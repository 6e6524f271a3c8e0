package nl.instroom.chassis.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The audit trail in memory, for the services' use-case tests without a store. {@link AuditTrail} is a class on
 * MongoTemplate rather than a port, so this double extends it (with no template: every method that would touch the
 * store is overridden) and keeps the entries in a list, newest last.
 */
public final class RecordedAuditTrail extends AuditTrail {

    /** One entry as it would be written; the actor is "system" unless a use case names it. */
    public record Entry(String actor, String action, String subjectRef) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public RecordedAuditTrail(Clock clock) {
        super(null, clock);
    }

    @Override
    public AuditTrail withIndexes() {
        return this;
    }

    @Override
    public void record(String action, String subjectRef) {
        recordAs("system", action, subjectRef);
    }

    @Override
    public void recordAs(String actor, String action, String subjectRef) {
        entries.add(new Entry(actor, action, subjectRef));
    }

    @Override
    public void recordEach(String action, Collection<String> subjectRefs) {
        subjectRefs.forEach(ref -> record(action, ref));
    }

    @Override
    public long forget(String subjectRef) {
        long forgotten = entries.stream().filter(entry -> entry.subjectRef().equals(subjectRef)).count();
        entries.replaceAll(entry -> entry.subjectRef().equals(subjectRef)
                ? new Entry(entry.actor(), entry.action(), "erased") : entry);
        return forgotten;
    }

    @Override
    public int removeBefore(Instant cutoff, int limit) {
        throw new UnsupportedOperationException("retention of the trail is tested against the store");
    }

    @Override
    public List<AuditEntry> find(String subjectRef, String actor, int limit) {
        throw new UnsupportedOperationException("reading the trail is tested against the store");
    }

    /** Every entry so far, oldest first. */
    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** The actions recorded on one person, oldest first. */
    public List<String> actionsOn(String subjectRef) {
        return entries.stream().filter(entry -> entry.subjectRef().equals(subjectRef)).map(Entry::action).toList();
    }
}
