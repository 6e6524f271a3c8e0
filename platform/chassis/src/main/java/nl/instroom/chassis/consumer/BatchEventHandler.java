package nl.instroom.chassis.consumer;

import java.util.List;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.events.InstroomEvent;

/**
 * Handles the decoded events of one poll together — one read of the documents they concern, one bulk write of
 * their guarded effects — in their order. Answers, per event, whether it had an effect (false: a duplicate, stale or
 * irrelevant event). When one event's effect fails, throw {@link EventFailedException} naming it: the events before
 * it count as handled, it is retried or parked on its own, and the ones after it come again (they must be safe to
 * repeat, which guarded effects are).
 */
@FunctionalInterface
public interface BatchEventHandler {

    List<Boolean> handle(List<ReceivedEvent<InstroomEvent>> events);
}
