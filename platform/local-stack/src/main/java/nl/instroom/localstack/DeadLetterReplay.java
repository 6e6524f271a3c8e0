package nl.instroom.localstack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts parked records back on the topic they came from, after the cause was fixed. Each record keeps its key,
 * value and original headers (so its {@code ce_id}: consumers that already applied it ignore it again); the
 * dead-letter headers are dropped. The dead-letter topic itself is left as it is, as the record of what happened.
 *
 * <p>Usage: {@code DeadLetterReplay [--command-config <file>] <bootstrap-servers> <dead-letter-topic>
 * [<partition>:<offset> ...]} — without positions, every record on the dead-letter topic is replayed. The optional
 * file holds Kafka client properties, as for Kafka's own tools: against a broker with authentication, the security
 * protocol, SASL settings and trust store of a Kafka user that may read the dead-letter topic and write the topic
 * its records came from (docs/operations.md).
 */
public final class DeadLetterReplay {

    private DeadLetterReplay() {
    }

    public static void main(String[] args) throws IOException {
        List<String> arguments = List.of(args);
        Properties client = new Properties();
        if (arguments.size() >= 2 && arguments.get(0).equals("--command-config")) {
            try (Reader file = Files.newBufferedReader(Path.of(arguments.get(1)))) {
                client.load(file);
            }
            arguments = arguments.subList(2, arguments.size());
        }
        if (arguments.size() < 2) {
            System.err.println("usage: DeadLetterReplay [--command-config <file>] <bootstrap-servers> "
                    + "<dead-letter-topic> [<partition>:<offset> ...]");
            System.exit(2);
        }
        int replayed = replay(client, arguments.get(0), arguments.get(1), arguments.subList(2, arguments.size()));
        System.out.println("replayed " + replayed + " record(s) from " + arguments.get(1));
    }

    /** Replays the records at the given positions (all when none are given); returns how many. */
    public static int replay(String bootstrapServers, String deadLetterTopic, List<String> positions) {
        return replay(new Properties(), bootstrapServers, deadLetterTopic, positions);
    }

    /**
     * As {@link #replay(String, String, List)}, with the given Kafka client properties (security settings) for
     * both reading and writing.
     */
    public static int replay(Properties client, String bootstrapServers, String deadLetterTopic,
            List<String> positions) {
        List<ConsumerRecord<byte[], byte[]>> chosen = read(client, bootstrapServers, deadLetterTopic).stream()
                .filter(record -> positions.isEmpty()
                        || positions.contains(record.partition() + ":" + record.offset()))
                .toList();
        Properties producerProperties = new Properties();
        producerProperties.putAll(client);
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties,
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<byte[], byte[]> record : chosen) {
                Header origin = record.headers().lastHeader("kafka_dlt-original-topic");
                if (origin == null) {
                    throw new IllegalStateException("record " + record.partition() + ":" + record.offset()
                            + " has no kafka_dlt-original-topic header: not a dead letter");
                }
                ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(new String(origin.value(),
                        java.nio.charset.StandardCharsets.UTF_8), record.key(), record.value());
                for (Header header : record.headers()) {
                    if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("x-instroom-error-")) {
                        again.headers().add(header);
                    }
                }
                producer.send(again);
            }
            producer.flush();
        }
        return chosen.size();
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(Properties client, String bootstrapServers,
            String topic) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // No consumer group: it reads by assignment and commits nothing, so its Kafka user needs no group ACL.
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
