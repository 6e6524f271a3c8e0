package nl.instroom.chassis.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import nl.instroom.events.EventCatalog;
import nl.instroom.events.InstroomEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns published event records into envelopes and received records back into typed events. */
public class EventCodec {

    private final JsonMapper json;
    private final String source;
    private final Clock clock;

    public EventCodec(JsonMapper json, String source, Clock clock) {
        // Tolerant reader (docs/architecture.md, versioning rule): within a v1 type producers may add optional
        // fields, and an enum value this consumer does not know reads as null — harmless in a field it does not
        // switch on; one it does switch on must treat null as "not one of mine".
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL).build();
        this.source = source;
        this.clock = clock;
    }

    /** The envelope for an event this service publishes, with a fresh id and the current time. */
    public EventEnvelope encode(InstroomEvent event) {
        EventCatalog.EventType eventType = EventCatalog.of(event);
        return new EventEnvelope(UUID.randomUUID().toString(), eventType.type(), source, Instant.now(clock),
                event.aggregateId(), eventType.topic(), json.writeValueAsString(event));
    }

    /**
     * Decodes a received record from its headers (values as byte[] or String) and value.
     *
     * @throws UnknownEventTypeException when the record is a well-formed CloudEvent of a type this contract
     *     version does not know (a producer deployed first with a new type): skip it
     * @throws UndecodableEventException when the record can never be handled
     */
    public ReceivedEvent<InstroomEvent> decode(Map<String, ?> headers, byte[] value) {
        String id = required(headers, CloudEventHeaders.ID);
        String type = required(headers, CloudEventHeaders.TYPE);
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new UndecodableEventException("Unsupported CloudEvents specversion '" + specVersion + "'");
        }
        EventCatalog.EventType eventType = EventCatalog.byType(type)
                .orElseThrow(() -> new UnknownEventTypeException(type));
        if (value == null || value.length == 0) {
            throw new UndecodableEventException("Event " + id + " of type " + type + " has no data");
        }
        InstroomEvent data;
        try {
            data = json.readValue(value, eventType.recordClass());
        } catch (JacksonException e) {
            throw new UndecodableEventException("Data of event " + id + " is not a valid " + type + ": "
                    + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new UndecodableEventException("Data of event " + id + " is null");
        }
        return new ReceivedEvent<>(id, type, optional(headers, CloudEventHeaders.SOURCE), time(headers),
                optional(headers, CloudEventHeaders.SUBJECT), data);
    }

    private static Instant time(Map<String, ?> headers) {
        String time = optional(headers, CloudEventHeaders.TIME);
        if (time == null) {
            return null;
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new UndecodableEventException("ce_time '" + time + "' is not an RFC 3339 timestamp", e);
        }
    }

    private static String required(Map<String, ?> headers, String name) {
        String value = optional(headers, name);
        if (value == null || value.isBlank()) {
            throw new UndecodableEventException("Missing CloudEvents header " + name);
        }
        return value;
    }

    private static String optional(Map<String, ?> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
