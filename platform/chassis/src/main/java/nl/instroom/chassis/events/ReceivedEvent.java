package nl.instroom.chassis.events;

import java.time.Instant;
import nl.instroom.events.InstroomEvent;

/** An event a consumer received and decoded: its CloudEvents attributes and its typed data. */
public record ReceivedEvent<T extends InstroomEvent>(String id, String type, String source, Instant time,
        String subject, T data) {
}
