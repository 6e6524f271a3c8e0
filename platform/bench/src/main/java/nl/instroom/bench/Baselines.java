package nl.instroom.bench;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;

/**
 * What the raw parts can do on this machine, measured in the same run as the pipeline so the ratios compare like
 * with like: the broker with Kafka's own producer tool, the store with plain single-document inserts.
 */
final class Baselines {

    static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final String TOPIC = "bench.producer-baseline";

    private Baselines() {
    }

    /** Kafka's ProducerPerformance as a child process, acks=all, records the size of a real event. */
    static Map<String, Object> broker(int records, int recordSize) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (Admin client = Admin.create(admin)) {
            // Same partition count as the services' topics.
            client.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Duser.language=en", "-Duser.country=US",
                "-classpath", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", String.valueOf(records), "--record-size",
                String.valueOf(recordSize), "--throughput", "-1", "--producer-props",
                "bootstrap.servers=" + BOOTSTRAP, "acks=all"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("ProducerPerformance failed:\n" + output);
        }
        ProducerPerformanceSummary summary = ProducerPerformanceSummary.parse(output)
                .orElseThrow(() -> new IllegalStateException("No summary from ProducerPerformance:\n" + output));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("tool", "org.apache.kafka.tools.ProducerPerformance (acks=all, throughput -1, 3 partitions)");
        result.put("recordSizeBytes", recordSize);
        result.put("records", summary.records());
        result.put("recordsPerSecond", round(summary.recordsPerSecond()));
        result.put("megabytesPerSecond", summary.megabytesPerSecond());
        result.put("avgLatencyMs", summary.avgLatencyMs());
        result.put("p50Ms", summary.p50Ms());
        result.put("p95Ms", summary.p95Ms());
        result.put("p99Ms", summary.p99Ms());
        result.put("p999Ms", summary.p999Ms());
        return result;
    }

    /** Single-document inserts, one after the other, into a scratch database on need-mapping's store. */
    static Map<String, Object> store(int documents) {
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:27101")) {
            MongoCollection<Document> collection = client.getDatabase("bench_scratch").getCollection("vacancies");
            collection.drop();
            for (int i = 0; i < 500; i++) {
                collection.insertOne(vacancyLike(i));
            }
            collection.drop();
            List<Double> latencies = new ArrayList<>(documents);
            long start = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                long before = System.nanoTime();
                collection.insertOne(vacancyLike(i));
                latencies.add((System.nanoTime() - before) / 1e6);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            client.getDatabase("bench_scratch").drop();
            Percentiles p = Percentiles.of(latencies);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("method", "mongodb-driver-sync insertOne, one client thread, acknowledged (not journaled)");
            result.put("documents", documents);
            result.put("insertsPerSecond", round(documents / seconds));
            result.put("p50Ms", round(p.p50()));
            result.put("p95Ms", round(p.p95()));
            result.put("p99Ms", round(p.p99()));
            return result;
        }
    }

    /**
     * Durable against plain inserts into the same store, from several client threads at once as services write: with
     * a journaled write concern each acknowledgement waits for a commit on disk, shared by the writes waiting with
     * it. Two rounds of each, interleaved, so a drift of the shared machine hits both alike.
     */
    static Map<String, Object> durableInserts(int threads, int documentsPerRound) throws Exception {
        double plain = 0;
        double durable = 0;
        List<Double> durableLatencies = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:27101/?maxPoolSize=" + (threads + 2))) {
            MongoCollection<Document> collection = client.getDatabase("bench_scratch").getCollection("durable");
            for (int round = 0; round < 2; round++) {
                plain += concurrentInserts(collection.withWriteConcern(WriteConcern.W1), threads, documentsPerRound,
                        new ArrayList<>());
                durable += concurrentInserts(collection.withWriteConcern(WriteConcern.MAJORITY.withJournal(true)),
                        threads, documentsPerRound, durableLatencies);
            }
            client.getDatabase("bench_scratch").drop();
        }
        Percentiles p = Percentiles.of(durableLatencies);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("method", "mongodb-driver-sync insertOne, " + threads + " client threads, two interleaved rounds "
                + "of " + documentsPerRound + " each");
        result.put("plainInsertsPerSecond", round(plain / 2));
        result.put("durableInsertsPerSecond", round(durable / 2));
        result.put("durableToPlain", round(100 * durable / plain) / 100);
        result.put("durableP50Ms", round(p.p50()));
        result.put("durableP99Ms", round(p.p99()));
        return result;
    }

    private static double concurrentInserts(MongoCollection<Document> collection, int threads, int documents,
            List<Double> latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Double> measured = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < documents; i = next.getAndIncrement()) {
                    long before = System.nanoTime();
                    collection.insertOne(vacancyLike(i));
                    measured.add((System.nanoTime() - before) / 1e6);
                }
            }, "bench-insert-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double rate = documents / ((System.nanoTime() - start) / 1e9);
        latencies.addAll(measured);
        return rate;
    }

    /** A document shaped like a stored vacancy with one pending event in its outbox. */
    static Document vacancyLike(int i) {
        String id = UUID.randomUUID().toString();
        Document event = new Document("eventId", UUID.randomUUID().toString())
                .append("type", "nl.instroom.needmap.VacancyOpened.v1").append("aggregateId", id)
                .append("occurredAt", Instant.now().toString())
                .append("payload", "{\"vacancyId\":\"" + id + "\",\"schoolCode\":\"32ED00\",\"subject\":\"wiskunde\","
                        + "\"fte\":0.8,\"hoursPerWeek\":32,\"startDate\":\"2027-01-01\",\"urgency\":\"HIGH\","
                        + "\"revision\":1}");
        return new Document("_id", id).append("schoolCode", "32ED00").append("subject", "wiskunde")
                .append("fte", "0.8").append("hoursPerWeek", 32).append("startDate", "2027-01-01")
                .append("urgency", "HIGH").append("openedOn", "2026-11-23").append("status", "OPEN")
                .append("revision", 1L).append("version", 1L).append("outbox", List.of(event)).append("n", i);
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }

}
