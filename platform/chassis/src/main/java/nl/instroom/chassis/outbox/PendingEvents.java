package nl.instroom.chassis.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.events.InstroomEvent;

/**
 * Turns the events an aggregate registered into the outbox entries a persistence adapter stores in the same
 * document write as the aggregate's new state.
 */
public class PendingEvents {

    /** The field name of the outbox array in every aggregate document. */
    public static final String FIELD = "outbox";

    private final EventCodec codec;
    private final Supplier<String> currentTraceparent;

    public PendingEvents(EventCodec codec, Supplier<String> currentTraceparent) {
        this.codec = codec;
        this.currentTraceparent = currentTraceparent;
    }

    /** Entries already pending plus the newly registered events, in order. */
    public List<PendingEvent> append(List<PendingEvent> alreadyPending, List<? extends InstroomEvent> registered) {
        List<PendingEvent> all = new ArrayList<>(alreadyPending == null ? List.of() : alreadyPending);
        String traceparent = registered.isEmpty() ? null : currentTraceparent.get();
        registered.forEach(event -> all.add(PendingEvent.of(codec.encode(event), traceparent)));
        return all;
    }
}
