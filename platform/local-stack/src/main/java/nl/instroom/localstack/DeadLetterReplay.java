package nl.instroom.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
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
 * <p>Usage: {@code DeadLetterReplay <bootstrap-servers> <dead-letter-topic> [<partition>:<offset> ...]} — without
 * positions, every record on the dead-letter topic is replayed.
 */
public final class DeadLetterReplay {

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: DeadLetterReplay <bootstrap-servers> <dead-letter-topic> "
                    + "[<partition>:<offset> ...]");
            System.exit(2);
        }
        List<String> positions = List.of(args).subList(2, args.length);
        int replayed = replay(args[0], args[1], positions);
        System.out.println("replayed " + replayed + " record(s) from " + args[1]);
    }

    /** Replays the records at the given positions (all when none are given); returns how many. */
    public static int replay(String bootstrapServers, String deadLetterTopic, List<String> positions) {
        List<ConsumerRecord<byte[], byte[]>> chosen = read(bootstrapServers, deadLetterTopic).stream()
                .filter(record -> positions.isEmpty()
                        || positions.contains(record.partition() + ":" + record.offset()))
                .toList();
        Properties producerProperties = new Properties();
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

    private static List<ConsumerRecord<byte[], byte[]>> read(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-replay-" + UUID.randomUUID());
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
