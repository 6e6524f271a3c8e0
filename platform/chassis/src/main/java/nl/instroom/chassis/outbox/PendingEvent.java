package nl.instroom.chassis.outbox;

import java.time.Instant;
import nl.instroom.chassis.events.EventEnvelope;

/**
 * An event waiting in its aggregate's document to be published; stored in the document's {@code outbox} array.
 * The trace context of the request that caused it travels along, so the consumer's work joins the same trace
 * even though a relay publishes it later.
 */
public record PendingEvent(String eventId, String type, String source, Instant time, String subject, String topic,
        String data, String traceparent) {

    public static PendingEvent of(EventEnvelope envelope, String traceparent) {
        return new PendingEvent(envelope.id(), envelope.type(), envelope.source(), envelope.time(),
                envelope.subject(), envelope.topic(), envelope.data(), traceparent);
    }

    public EventEnvelope envelope() {
        return new EventEnvelope(eventId, type, source, time, subject, topic, data);
    }
}
