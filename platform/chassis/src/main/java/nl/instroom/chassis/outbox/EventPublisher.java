package nl.instroom.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.instroom.chassis.events.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes one pending event in CloudEvents binary mode and returns only once the broker acknowledged it. */
public class EventPublisher {

    /** W3C trace context header, as Micrometer Tracing propagates it. */
    public static final String TRACEPARENT = "traceparent";

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration acknowledgementTimeout;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, Duration acknowledgementTimeout) {
        this.kafka = kafka;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    public void publish(PendingEvent event) {
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
        try {
            kafka.send(record).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while publishing event " + event.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Broker did not acknowledge event " + event.eventId(), e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The broker did not acknowledge in time; the event stays pending and is tried again. */
    public static class PublishFailedException extends RuntimeException {

        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
