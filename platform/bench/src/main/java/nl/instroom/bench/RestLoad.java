package nl.instroom.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Closed-loop REST load: a few clients, each sending its next request as soon as the last one is answered. */
final class RestLoad {

    interface Requests {
        HttpRequest next(long n) throws Exception;
    }

    private RestLoad() {
    }

    static Map<String, Object> run(Api api, String name, int clients, int warmupSeconds, int seconds,
            int expectedStatus, Requests requests) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unexpected = new AtomicInteger();
        AtomicLong sequence = new AtomicLong(1_000_000);
        long warmupEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        HttpRequest request = requests.next(sequence.getAndIncrement());
                        long before = System.nanoTime();
                        HttpResponse<String> response = api.http.send(request, HttpResponse.BodyHandlers.ofString());
                        long after = System.nanoTime();
                        if (before >= warmupEnd && after <= end) {
                            latencies.add((after - before) / 1e6);
                            if (response.statusCode() != expectedStatus) {
                                unexpected.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    unexpected.incrementAndGet();
                }
            }, "bench-rest-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Percentiles p = Percentiles.of(latencies);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("endpoint", name);
        row.put("clients", clients);
        row.put("seconds", seconds);
        row.put("requests", p.count());
        row.put("unexpectedStatus", unexpected.get());
        row.put("requestsPerSecond", Baselines.round(p.count() / (double) seconds));
        row.put("p50Ms", Baselines.round(p.p50()));
        row.put("p95Ms", Baselines.round(p.p95()));
        row.put("p99Ms", Baselines.round(p.p99()));
        return row;
    }
}
