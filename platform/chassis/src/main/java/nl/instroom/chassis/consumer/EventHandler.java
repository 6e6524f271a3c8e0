package nl.instroom.chassis.consumer;

import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;

/** Handles one decoded event; answers whether it had an effect (false: a duplicate, stale or irrelevant event). */
@FunctionalInterface
public interface EventHandler {

    boolean handle(ReceivedEvent<InstroomEvent> event);
}
