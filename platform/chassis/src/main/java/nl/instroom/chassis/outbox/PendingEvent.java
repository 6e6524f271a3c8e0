package nl.instroom.chassis.outbox;

import java.time.Instant;
import nl.instroom.chassis.events.EventEnvelope;

/** An event waiting in its aggregate's document to be published. Stored as a sub-document named {@code outbox}. */
public record PendingEvent(String eventId, String type, String source, Instant time, String subject, String topic,
        String data) {

    public static PendingEvent of(EventEnvelope envelope) {
        return new PendingEvent(envelope.id(), envelope.type(), envelope.source(), envelope.time(),
                envelope.subject(), envelope.topic(), envelope.data());
    }

    public EventEnvelope envelope() {
        return new EventEnvelope(eventId, type, source, time, subject, topic, data);
    }
}
