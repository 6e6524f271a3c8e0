package nl.instroom.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import nl.instroom.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The event pipeline under a rising open-loop load: vacancies opened through need-mapping's API on a fixed
 * schedule (a slow system does not slow the offered load), followed to the moment tutoring has applied them.
 *
 * <p>Nothing in the services is changed for it. A consumer of the benchmark's own reads needmap.vacancies.v1 and
 * needmap.need.v2 to learn where each event landed (partition, offset, time); the consumer group {@code tutoring}'s
 * committed offsets, polled every 20 ms, say when tutoring has applied it: a record is applied once the committed
 * offset of its partition is beyond it (tutoring commits only after its projection wrote).
 */
final class Pipeline implements AutoCloseable {

    private static final int MAX_IN_FLIGHT = 4000;
    static final int SINGLE_POSTS_UP_TO = 50;
    static final int IMPORTS_PER_SECOND = 20;

    /** One request of the load: when it was due, how it ended, and the vacancy it opened. */
    static final class Sent {
        final long dueNanos;
        final long dueWallMs;
        final String school;
        volatile int status;
        volatile long doneNanos;
        volatile String vacancyId;

        Sent(long dueNanos, String school) {
            this.dueNanos = dueNanos;
            this.dueWallMs = System.currentTimeMillis() - (System.nanoTime() - dueNanos) / 1_000_000;
            this.school = school;
        }
    }

    /** An event on its topic; for a need change, the open FTE it counts over all subjects (else NaN). */
    record Located(TopicPartition partition, long offset, long timestampMs, double openFte) {
    }

    private static final java.util.regex.Pattern OPEN_FTE = java.util.regex.Pattern.compile("\"openFte\":([0-9.Ee+-]+)");

    private final Api api;
    private final List<String> schools;
    private final BenchRun.Progress progress;
    private final Map<String, Located> opened = new ConcurrentHashMap<>();
    private final Map<String, List<Located>> needBySchool = new ConcurrentHashMap<>();
    private final Map<TopicPartition, List<long[]>> commits = new ConcurrentHashMap<>();
    private final Thread reader;
    private final Thread offsetWatcher;
    private volatile boolean running = true;
    private long sequence;

    Pipeline(Api api, List<String> schools, BenchRun.Progress progress) throws Exception {
        this.api = api;
        this.schools = schools;
        this.progress = progress;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Baselines.BOOTSTRAP);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.VACANCIES, Topics.NEED)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(() -> read(consumer), "bench-topic-reader");
        reader.setDaemon(true);
        reader.start();
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Baselines.BOOTSTRAP);
        Admin admin = Admin.create(adminProps);
        offsetWatcher = new Thread(() -> watchOffsets(admin), "bench-offset-watcher");
        offsetWatcher.setDaemon(true);
        offsetWatcher.start();
    }

    private void read(KafkaConsumer<byte[], byte[]> consumer) {
        try (consumer) {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    String type = header(record, "ce_type");
                    String subject = header(record, "ce_subject");
                    if (type == null || subject == null) {
                        continue;
                    }
                    double openFte = Double.NaN;
                    if (type.contains("SchoolNeedChanged")) {
                        openFte = 0;
                        java.util.regex.Matcher fte = OPEN_FTE.matcher(new String(record.value(),
                                java.nio.charset.StandardCharsets.UTF_8));
                        while (fte.find()) {
                            openFte += Double.parseDouble(fte.group(1));
                        }
                    }
                    Located at = new Located(new TopicPartition(record.topic(), record.partition()), record.offset(),
                            record.timestamp(), openFte);
                    if (type.contains("VacancyOpened")) {
                        opened.put(subject, at);
                    } else if (type.contains("SchoolNeedChanged")) {
                        needBySchool.computeIfAbsent(subject, s -> Collections.synchronizedList(new ArrayList<>()))
                                .add(at);
                    }
                }
            }
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void watchOffsets(Admin admin) {
        try (admin) {
            while (running) {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("tutoring")
                            .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                    long now = System.nanoTime();
                    committed.forEach((partition, offset) -> {
                        if (offset == null) {
                            return;
                        }
                        List<long[]> history = commits.computeIfAbsent(partition,
                                p -> Collections.synchronizedList(new ArrayList<>()));
                        synchronized (history) {
                            if (history.isEmpty() || history.get(history.size() - 1)[0] < offset.offset()) {
                                history.add(new long[] {offset.offset(), now});
                            }
                        }
                    });
                } catch (Exception e) {
                    if (running) {
                        progress.line("  offset watcher: " + e.getMessage());
                    }
                }
                LockSupport.parkNanos(20_000_000L);
            }
        }
    }

    /** When tutoring's committed offset first went beyond the record, or -1 while it has not. */
    long appliedAt(Located at) {
        List<long[]> history = commits.get(at.partition());
        if (history == null) {
            return -1;
        }
        synchronized (history) {
            for (long[] commit : history) {
                if (commit[0] > at.offset()) {
                    return commit[1];
                }
            }
        }
        return -1;
    }

    /** Where the vacancy's {@code VacancyOpened} landed, or null while it has not been seen on the topic. */
    Located vacancyEvent(String vacancyId) {
        return opened.get(vacancyId);
    }

    /** Every need change seen on the topic with a timestamp at or after {@code wallMs}, per school. */
    Map<String, List<Located>> needChangesSince(long wallMs) {
        Map<String, List<Located>> since = new java.util.HashMap<>();
        needBySchool.forEach((school, changes) -> {
            synchronized (changes) {
                for (Located change : changes) {
                    if (change.timestampMs() >= wallMs) {
                        since.computeIfAbsent(school, s -> new ArrayList<>()).add(change);
                    }
                }
            }
        });
        return since;
    }

    /** The school's last need change seen so far; null when none. */
    Located lastNeedChange(String school) {
        List<Located> changes = needBySchool.get(school);
        if (changes == null) {
            return null;
        }
        synchronized (changes) {
            return changes.isEmpty() ? null : changes.get(changes.size() - 1);
        }
    }

    /** The first need change for the school published after the vacancy's own event. */
    Located needChangeAfter(String school, Located vacancy) {
        List<Located> changes = needBySchool.get(school);
        if (changes == null) {
            return null;
        }
        synchronized (changes) {
            for (Located change : changes) {
                if (change.timestampMs() > vacancy.timestampMs()) {
                    return change;
                }
            }
        }
        return null;
    }

    /**
     * Offers {@code rate} vacancy openings a second for {@code seconds}, waits for them to drain, measures. Up to
     * {@link #SINGLE_POSTS_UP_TO} a second each opening is its own {@code POST /api/vacancies}; above, where one
     * endpoint cannot offer that much on two cores, they come as CSV imports, {@link #IMPORTS_PER_SECOND} a second,
     * each of rate / that many rows: every vacancy still has its own due time and its own latency.
     */
    Map<String, Object> step(int rate, int seconds) throws Exception {
        int total = rate * seconds;
        boolean imports = rate > SINGLE_POSTS_UP_TO;
        int perRequest = imports ? Math.max(1, rate / IMPORTS_PER_SECOND) : 1;
        int requestsPerSecond = imports ? IMPORTS_PER_SECOND : rate;
        List<Sent> sent = new ArrayList<>(total);
        AtomicInteger inFlight = new AtomicInteger();
        int dropped = 0;
        long start = System.nanoTime();
        long interval = 1_000_000_000L / requestsPerSecond;
        for (int i = 0; i < requestsPerSecond * seconds; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                dropped += perRequest;
                continue;
            }
            long first = sequence;
            sequence += perRequest;
            List<Sent> batch = new ArrayList<>(perRequest);
            for (long n = first; n < first + perRequest; n++) {
                batch.add(new Sent(due, schools.get((int) (n % schools.size()))));
            }
            sent.addAll(batch);
            inFlight.incrementAndGet();
            var request = imports ? api.importVacancies(schools, first, perRequest) : api.openVacancy(schools, first);
            api.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        long done = System.nanoTime();
                        List<String> ids = List.of();
                        int status = response == null ? -1 : response.statusCode();
                        if (status == 201) {
                            ids = List.of(Api.idOf(response.body()));
                        } else if (status == 200 && imports) {
                            ids = Api.openedIds(response.body());
                            status = ids.size() == batch.size() ? 201 : 500;
                        }
                        for (int k = 0; k < batch.size(); k++) {
                            Sent one = batch.get(k);
                            one.doneNanos = done;
                            one.status = status;
                            one.vacancyId = k < ids.size() ? ids.get(k) : null;
                        }
                        inFlight.decrementAndGet();
                    });
        }
        long offeredEnd = System.nanoTime();
        long deadline = offeredEnd + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // Drain: until every accepted vacancy is applied and has its need change applied, at most 30 s.
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Sent> accepted = sent.stream().filter(s -> s.status == 201 && s.vacancyId != null).toList();
        while (System.nanoTime() < drainDeadline && !allApplied(accepted)) {
            Thread.sleep(100);
        }
        Map<String, Object> row = measure(rate, seconds, start, offeredEnd, sent, accepted, dropped);
        row.put("loadBy", imports ? "CSV imports of " + perRequest + " rows, " + IMPORTS_PER_SECOND + "/s"
                : "single POST /api/vacancies");
        return row;
    }

    private boolean allApplied(List<Sent> accepted) {
        for (Sent s : accepted) {
            Located vacancy = opened.get(s.vacancyId);
            if (vacancy == null || appliedAt(vacancy) < 0) {
                return false;
            }
            Located need = needChangeAfter(s.school, vacancy);
            if (need == null || appliedAt(need) < 0) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Object> measure(int rate, int seconds, long start, long offeredEnd, List<Sent> sent,
            List<Sent> accepted, int dropped) {
        List<Double> http = new ArrayList<>();
        List<Double> toVacancy = new ArrayList<>();
        List<Double> toPublished = new ArrayList<>();
        List<Double> toNeed = new ArrayList<>();
        Set<Located> needChanges = new HashSet<>();
        long lastVacancyApplied = start;
        long lastNeedApplied = start;
        int status429 = 0;
        int failed = 0;
        for (Sent s : sent) {
            if (s.status == 429) {
                status429++;
            } else if (s.status != 201) {
                failed++;
            }
            if (s.doneNanos > 0) {
                http.add((s.doneNanos - s.dueNanos) / 1e6);
            }
        }
        for (Sent s : accepted) {
            Located vacancy = opened.get(s.vacancyId);
            long applied = vacancy == null ? -1 : appliedAt(vacancy);
            if (applied < 0) {
                continue;
            }
            toVacancy.add((applied - s.dueNanos) / 1e6);
            // The record's timestamp is the producer's clock at send: the same machine's wall clock.
            toPublished.add((double) (vacancy.timestampMs() - s.dueWallMs));
            lastVacancyApplied = Math.max(lastVacancyApplied, applied);
            Located need = needChangeAfter(s.school, vacancy);
            long needApplied = need == null ? -1 : appliedAt(need);
            if (needApplied >= 0) {
                toNeed.add((needApplied - s.dueNanos) / 1e6);
                needChanges.add(need);
                lastNeedApplied = Math.max(lastNeedApplied, needApplied);
            }
        }
        Percentiles httpP = Percentiles.of(http);
        Percentiles vacancyP = Percentiles.of(toVacancy);
        Percentiles needP = Percentiles.of(toNeed);
        double window = (offeredEnd - start) / 1e9;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("offeredPerSecond", rate);
        row.put("seconds", seconds);
        row.put("sent", sent.size());
        row.put("droppedByGenerator", dropped);
        row.put("accepted", accepted.size());
        row.put("rejected429", status429);
        row.put("failed", failed);
        row.put("acceptedPerSecond", Baselines.round(accepted.size() / window));
        row.put("httpP50Ms", Baselines.round(httpP.p50()));
        row.put("httpP99Ms", Baselines.round(httpP.p99()));
        row.put("vacancyApplied", toVacancy.size());
        row.put("vacancyEventsPerSecond", Baselines.round(toVacancy.size() / ((lastVacancyApplied - start) / 1e9)));
        row.put("vacancyP50Ms", Baselines.round(vacancyP.p50()));
        row.put("vacancyP95Ms", Baselines.round(vacancyP.p95()));
        row.put("vacancyP99Ms", Baselines.round(vacancyP.p99()));
        Percentiles publishedP = Percentiles.of(toPublished);
        row.put("publishedP50Ms", Baselines.round(publishedP.p50()));
        row.put("publishedP99Ms", Baselines.round(publishedP.p99()));
        row.put("needFollowed", toNeed.size());
        row.put("needChangesApplied", needChanges.size());
        row.put("needChangesPerSecond", Baselines.round(needChanges.size() / ((lastNeedApplied - start) / 1e9)));
        row.put("needP50Ms", Baselines.round(needP.p50()));
        row.put("needP95Ms", Baselines.round(needP.p95()));
        row.put("needP99Ms", Baselines.round(needP.p99()));
        return row;
    }

    /** A step is saturated when clearly less gets through than was offered, or the tail explodes. */
    static boolean saturated(Map<String, Object> row, double firstP99) {
        int offered = ((Number) row.get("offeredPerSecond")).intValue();
        int sent = ((Number) row.get("sent")).intValue();
        double through = ((Number) row.get("vacancyEventsPerSecond")).doubleValue();
        int applied = ((Number) row.get("vacancyApplied")).intValue();
        double p99 = ((Number) row.get("vacancyP99Ms")).doubleValue();
        return through < 0.8 * offered || applied < 0.99 * sent || (p99 > 10 * firstP99 && p99 > 2000);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(5000);
        offsetWatcher.join(5000);
    }
}
