package nl.instroom.chassis.outbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.events.InstroomEvent;

/**
 * Aggregates of one kind kept in memory, for use-case tests against in-memory ports: the rule
 * {@link AggregateDocuments} applies in the store, in one place for every service's stand-in. A save over a revision
 * changed since the aggregate was loaded is refused with {@link ChangedMeanwhile}; what is kept is a copy, never the
 * caller's object (a use case that changes an aggregate and then fails has changed nothing); the events the
 * aggregate registered are kept as the outbox would publish them.
 *
 * @param <A> the aggregate
 */
public final class InMemoryAggregates<A> {

    /** How to read an aggregate: its id, its revisions (stored and as loaded), its events and a copy of it. */
    public record Shape<A>(String kind, Function<A, String> id, ToLongFunction<A> revision,
            ToLongFunction<A> loadedRevision, Function<A, ? extends Collection<? extends InstroomEvent>> events,
            UnaryOperator<A> copy) {
    }

    private final Shape<A> shape;
    private final Map<String, A> stored = new LinkedHashMap<>();
    private final List<InstroomEvent> published = new ArrayList<>();

    public InMemoryAggregates(Shape<A> shape) {
        this.shape = shape;
    }

    public Optional<A> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(shape.copy());
    }

    /** Stores a copy if nobody changed the aggregate since it was loaded (a new one: if its id is free). */
    public void save(A aggregate) {
        String id = shape.id().apply(aggregate);
        A current = stored.get(id);
        long storedRevision = current == null ? 0 : shape.revision().applyAsLong(current);
        if (storedRevision != shape.loadedRevision().applyAsLong(aggregate)) {
            throw new ChangedMeanwhile(shape.kind() + " " + id + " changed meanwhile");
        }
        stored.put(id, shape.copy().apply(aggregate));
        published.addAll(shape.events().apply(aggregate));
    }

    /** Puts a copy without a revision check: a change the store's adapter makes itself (a conditional update). */
    public void replace(A aggregate) {
        stored.put(shape.id().apply(aggregate), shape.copy().apply(aggregate));
    }

    /** Copies of every stored aggregate, in the order they were first saved. */
    public Stream<A> all() {
        return stored.values().stream().map(shape.copy());
    }

    /** Forgets an aggregate; whether there was one. */
    public boolean remove(String id) {
        return stored.remove(id) != null;
    }

    /** Events published besides an aggregate's save (what a store's adapter publishes itself). */
    public void publish(Collection<? extends InstroomEvent> events) {
        published.addAll(events);
    }

    public List<InstroomEvent> published() {
        return List.copyOf(published);
    }
}
