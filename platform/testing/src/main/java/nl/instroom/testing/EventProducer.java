package nl.instroom.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import nl.instroom.events.EventCatalog;
import nl.instroom.events.InstroomEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts events on the broker the way another service would, written from the published contract alone (not with
 * the chassis' encoder), so a consumer test also checks that the contract is enough. Also puts raw records, for
 * duplicates and garbage.
 */
public final class EventProducer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer;
    private final String source;

    private EventProducer(String bootstrapServers, String source) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        this.source = source;
    }

    /** A producer that signs its events as coming from {@code source}, e.g. "need-mapping". */
    public static EventProducer as(String source, TestInfrastructure infrastructure) {
        return new EventProducer(infrastructure.kafkaBootstrapServers(), source);
    }

    public static EventProducer as(String source, String bootstrapServers) {
        return new EventProducer(bootstrapServers, source);
    }

    /** Publishes the event with a fresh id and returns that id. */
    public String publish(InstroomEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id);
        return id;
    }

    /** Publishes the event under a given id (the same id twice is a duplicate delivery); returns where it went. */
    public RecordMetadata publish(InstroomEvent event, String id) {
        EventCatalog.EventType type = EventCatalog.of(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), event.aggregateId(),
                JSON.writeValueAsBytes(event));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type.type());
        header(record, "ce_source", source);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", event.aggregateId());
        header(record, "content-type", "application/json");
        return send(record);
    }

    /** Publishes a record exactly as given: for garbage, unknown types and hand-made duplicates. */
    public RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            return producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker did not take the record", e);
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
