package nl.instroom.chassis.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.instroom.chassis.events.CloudEventHeaders;
import nl.instroom.chassis.events.EventEnvelope;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes one envelope in CloudEvents binary mode and returns only once the broker has acknowledged it. */
public class EventPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final Duration acknowledgementTimeout;

    public EventPublisher(KafkaTemplate<String, byte[]> kafka, Duration acknowledgementTimeout) {
        this.kafka = kafka;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    public void publish(EventEnvelope envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(envelope.topic(), envelope.subject(),
                envelope.data().getBytes(StandardCharsets.UTF_8));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(record, CloudEventHeaders.ID, envelope.id());
        header(record, CloudEventHeaders.TYPE, envelope.type());
        header(record, CloudEventHeaders.SOURCE, envelope.source());
        header(record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(envelope.time()));
        header(record, CloudEventHeaders.SUBJECT, envelope.subject());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        try {
            kafka.send(record).get(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("Interrupted while publishing event " + envelope.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException("Broker did not acknowledge event " + envelope.id(), e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The broker did not acknowledge in time; the event stays pending and is tried again. */
    public static class PublishFailedException extends RuntimeException {

        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
