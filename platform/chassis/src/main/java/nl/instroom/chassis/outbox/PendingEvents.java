package nl.instroom.chassis.outbox;

import java.util.ArrayList;
import java.util.List;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.events.InstroomEvent;

/** Turns the events an aggregate registered into the outbox entries stored alongside its new state. */
public class PendingEvents {

    /** The field name of the outbox array in every aggregate document. */
    public static final String FIELD = "outbox";

    private final EventCodec codec;

    public PendingEvents(EventCodec codec) {
        this.codec = codec;
    }

    /** Entries already pending plus the newly registered events, in order. */
    public List<PendingEvent> append(List<PendingEvent> alreadyPending, List<? extends InstroomEvent> registered) {
        List<PendingEvent> all = new ArrayList<>(alreadyPending == null ? List.of() : alreadyPending);
        registered.forEach(event -> all.add(PendingEvent.of(codec.encode(event))));
        return all;
    }
}
