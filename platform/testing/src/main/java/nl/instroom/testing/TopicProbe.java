package nl.instroom.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, as an outside observer would, so a test can state "after this stimulus,
 * this record appears". Not thread-safe: one probe per test.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String bootstrapServers, List<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
    }

    public static TopicProbe on(TestInfrastructure infrastructure, String... topics) {
        return new TopicProbe(infrastructure.kafkaBootstrapServers(), List.of(topics));
    }

    public static TopicProbe on(String bootstrapServers, String... topics) {
        return new TopicProbe(bootstrapServers, List.of(topics));
    }

    /**
     * Reads only what is published from now on: for a test whose records other tests of the same JVM (same broker)
     * may have published before, e.g. the same schools imported from a larger file.
     */
    public static TopicProbe onNewRecords(TestInfrastructure infrastructure, String... topics) {
        TopicProbe probe = new TopicProbe(infrastructure.kafkaBootstrapServers(), List.of(topics));
        probe.consumer.unsubscribe();
        List<org.apache.kafka.common.TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            // A topic nobody wrote to yet is created on this first request (the test brokers auto-create topics)
            // and has no partitions for a moment.
            await().atMost(Duration.ofSeconds(30)).until(() -> !probe.consumer.partitionsFor(topic).isEmpty());
            probe.consumer.partitionsFor(topic).forEach(partition -> partitions.add(
                    new org.apache.kafka.common.TopicPartition(topic, partition.partition())));
        }
        probe.consumer.assign(partitions);
        probe.consumer.seekToEnd(partitions);
        partitions.forEach(probe.consumer::position);
        return probe;
    }

    /** Waits until a record matching the condition has been read, and returns the first such record. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            return seen.stream().filter(condition).findFirst().orElse(null);
        }, found -> found != null);
    }

    /** Waits until at least {@code count} matching records have been read, and returns all matching ones. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(int count,
            Predicate<ConsumerRecord<String, byte[]>> condition) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> {
            poll();
            return seen.stream().filter(condition).toList();
        }, found -> found.size() >= count);
    }

    /** Everything read so far. */
    public List<ConsumerRecord<String, byte[]>> seen() {
        poll();
        return List.copyOf(seen);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> withHeader(String name, String value) {
        return record -> value.equals(header(record, name));
    }

    public static Predicate<ConsumerRecord<String, byte[]>> withKey(String key) {
        return record -> key.equals(record.key());
    }

    public static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
