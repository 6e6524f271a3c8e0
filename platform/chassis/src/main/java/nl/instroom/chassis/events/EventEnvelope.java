package nl.instroom.chassis.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One event as it travels: the CloudEvents attributes and the JSON data, exactly as encoded once by the producer.
 * Stored in this form in the outbox, so what is published later is byte-for-byte what was decided.
 */
public record EventEnvelope(String id, String type, String source, Instant time, String subject, String topic,
        String data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(data, "data");
    }
}
