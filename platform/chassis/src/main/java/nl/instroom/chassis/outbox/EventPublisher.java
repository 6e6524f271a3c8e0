package nl.instroom.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import nl.instroom.chassis.events.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.InvalidRecordException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends pending events in CloudEvents binary mode without waiting: the relay sends a whole batch, then waits for
 * all acknowledgements at once. The producer is idempotent with {@code acks=all}, so what one relay sends to a
 * partition lands in the order it was sent, and a retry never duplicates or reorders it.
 */
public class EventPublisher {

    /** W3C trace context header, as Micrometer Tracing propagates it. */
    public static final String TRACEPARENT = "traceparent";

    private final KafkaTemplate<String, byte[]> kafka;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** Hands the event to the producer; the future completes when the broker acknowledged it, or failed. */
    public CompletableFuture<?> send(PendingEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.subject(),
                event.data().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, event.eventId());
        header(record, CloudEventHeaders.TYPE, event.type());
        header(record, CloudEventHeaders.SOURCE, event.source());
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        header(record, CloudEventHeaders.SUBJECT, event.subject());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.traceparent() != null) {
            header(record, TRACEPARENT, event.traceparent());
        }
        return kafka.send(record);
    }

    /**
     * Whether the broker (or the producer, before sending) refuses this event for good: sending it again can only
     * fail again. Everything else — an unreachable broker, a timeout, a leader election — is worth retrying.
     */
    public static boolean refusedForGood(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidTopicException || cause instanceof InvalidRecordException
                    || cause instanceof SerializationException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
