package nl.instroom.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Waiting for the stack to have nothing in flight, from its metrics and tutoring's consumer lag. */
final class Quiet {

    private Quiet() {
    }

    /**
     * Until need-mapping's outbox has been empty, nothing more was published and tutoring had no lag for 10 s
     * running (or the time is up).
     */
    static Map<String, Object> await(Api api, BenchRun.Progress progress, Duration limit) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Baselines.BOOTSTRAP);
        long deadline = System.nanoTime() + limit.toNanos();
        long quietSince = -1;
        double lastPublished = -1;
        double backlog = -1;
        long lag = -1;
        long lastLine = 0;
        try (Admin admin = Admin.create(props)) {
            while (System.nanoTime() < deadline) {
                String metrics = prometheus(api, 8081);
                backlog = National.sum(metrics, "instroom_outbox_backlog", null);
                double published = National.sum(metrics, "instroom_events_published_total", null);
                lag = tutoringLag(admin);
                boolean quiet = backlog == 0 && lag == 0 && published == lastPublished;
                if (!quiet) {
                    quietSince = -1;
                } else if (quietSince < 0) {
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince > 10_000_000_000L) {
                    break;
                }
                lastPublished = published;
                if (System.nanoTime() - lastLine > 15_000_000_000L) {
                    lastLine = System.nanoTime();
                    progress.line(String.format(Locale.ROOT, "  outbox backlog %.0f, published %.0f, tutoring lag %d",
                            backlog, published, lag));
                }
                Thread.sleep(1000);
            }
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("quiet", quietSince >= 0);
        state.put("outboxBacklog", backlog);
        state.put("tutoringLag", lag);
        return state;
    }

    private static long tutoringLag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("tutoring")
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            lag += Math.max(0, end.getValue().offset() - (at == null ? 0 : at.offset()));
        }
        return lag;
    }

    /** A service's {@code /actuator/prometheus}, read with the integration client's token (allowed to read it). */
    static String prometheus(Api api, int port) throws Exception {
        HttpResponse<String> response = api.http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Authorization", "Bearer " + api.token()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("metrics of port " + port + ": " + response.statusCode());
        }
        return response.body();
    }
}
