package nl.instroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * career-advice's public route finder under a closed loop (issue 20: at least 200 answers a second with a p99 of at
 * most 20 ms): each client walks one visitor after another through it as the portal's page does — start a session,
 * answer whatever question comes next (an option picked per visitor and question, so the walks spread over the
 * rules' combinations), and ask for the routes once the last question is answered — sending each request as soon as
 * the previous one is answered. Every one of those requests is one answer of the route finder (the next question, or
 * the routes with why); each kind is also reported on its own.
 *
 * <p>The baseline in the same run, same service, same clients: reading a session back
 * ({@code GET /api/route-finder/sessions/{id}}), one read of one small document and no write — the floor of a route
 * finder request on this machine, against which an answer's write and the usage counter are the difference.
 */
final class RouteFinderLoad {

    static final String CAREER_ADVICE = "http://127.0.0.1:8085";
    private static final String BASE = CAREER_ADVICE + "/api/route-finder";

    private RouteFinderLoad() {
    }

    /** The baseline: {@code clients} closed loops reading sessions back, after a warm-up. */
    static Map<String, Object> baseline(Api api, int clients, int warmupSeconds, int seconds) throws Exception {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> started = api.http.send(post(BASE + "/sessions", ""),
                    HttpResponse.BodyHandlers.ofString());
            sessions.add(Api.JSON.readTree(started.body()).get("id").asString());
        }
        return RestLoad.run(api, "GET /api/route-finder/sessions/{id}", clients, warmupSeconds, seconds, 200,
                n -> get(BASE + "/sessions/" + sessions.get((int) (n % sessions.size()))));
    }

    /**
     * The walks: {@code clients} visitors at a time, each request sent as soon as the last one was answered, measured
     * for {@code seconds} after {@code warmupSeconds}. Also measured, apart, the window that begins after only
     * {@code shortWarmupSeconds} and lasts as long, while the services' JIT compilers are still at work
     * ({@code afterShortWarmup}): the runs before 28 November measured that window, and the profile showed the
     * compiler threads of career-advice and its store taking about a third of the machine through it.
     */
    static Map<String, Object> walks(Api api, int clients, int shortWarmupSeconds, int warmupSeconds, int seconds)
            throws Exception {
        Map<String, List<Double>> latencies = new LinkedHashMap<>();
        Map<String, List<Double>> early = new LinkedHashMap<>();
        for (String kind : List.of("start", "answer", "routes")) {
            latencies.put(kind, Collections.synchronizedList(new ArrayList<>()));
            early.put(kind, Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicInteger unexpected = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicLong visitors = new AtomicLong();
        long begin = System.nanoTime();
        Window measured = new Window(begin + warmupSeconds * 1_000_000_000L,
                begin + (warmupSeconds + seconds) * 1_000_000_000L, latencies);
        Window earlyWindow = new Window(begin + shortWarmupSeconds * 1_000_000_000L,
                begin + (shortWarmupSeconds + seconds) * 1_000_000_000L, early);
        List<Window> windows = List.of(measured, earlyWindow);
        long end = measured.end();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long visitor = visitors.getAndIncrement();
                        JsonNode session = call(api.http, post(BASE + "/sessions", ""), 201, "start", windows,
                                unexpected);
                        if (session == null) {
                            continue;
                        }
                        String id = session.get("id").asString();
                        int asked = 0;
                        while (session != null && session.hasNonNull("next") && System.nanoTime() < end) {
                            JsonNode question = session.get("next");
                            JsonNode options = question.get("options");
                            String value = options.get((int) ((visitor + 7L * asked) % options.size()))
                                    .get("value").asString();
                            session = call(api.http, put(BASE + "/sessions/" + id + "/answers/"
                                    + question.get("id").asString(), "{\"value\":\"" + value + "\"}"), 200,
                                    "answer", windows, unexpected);
                            asked++;
                        }
                        if (session != null && !session.hasNonNull("next")
                                && call(api.http, get(BASE + "/sessions/" + id + "/routes"), 200, "routes",
                                        windows, unexpected) != null) {
                            completed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    unexpected.incrementAndGet();
                }
            }, "bench-route-finder-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Object> row = figures(latencies, seconds);
        row.put("endpoint", "route finder walks (start, each answer, routes)");
        row.put("clients", clients);
        row.put("warmupSeconds", warmupSeconds);
        row.put("seconds", seconds);
        row.put("unexpectedStatus", unexpected.get());
        row.put("walksCompletedPerSecond", Baselines.round(completed.get() / (double) seconds));
        Map<String, Object> afterShortWarmup = figures(early, seconds);
        afterShortWarmup.put("fromSecond", shortWarmupSeconds);
        afterShortWarmup.put("toSecond", shortWarmupSeconds + seconds);
        row.put("afterShortWarmup", afterShortWarmup);
        return row;
    }

    /** Rate and percentiles of one window's latencies, all kinds together and each kind on its own. */
    private static Map<String, Object> figures(Map<String, List<Double>> latencies, int seconds) {
        List<Double> all = new ArrayList<>();
        latencies.values().forEach(all::addAll);
        Percentiles p = Percentiles.of(all);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("requests", p.count());
        row.put("answersPerSecond", Baselines.round(p.count() / (double) seconds));
        row.put("p50Ms", Baselines.round(p.p50()));
        row.put("p95Ms", Baselines.round(p.p95()));
        row.put("p99Ms", Baselines.round(p.p99()));
        row.put("maxMs", Baselines.round(p.max()));
        Map<String, Object> byKind = new LinkedHashMap<>();
        latencies.forEach((kind, values) -> {
            Percentiles k = Percentiles.of(values);
            byKind.put(kind, Map.of("requests", k.count(), "perSecond", Baselines.round(k.count() / (double) seconds),
                    "p50Ms", Baselines.round(k.p50()), "p99Ms", Baselines.round(k.p99())));
        });
        row.put("byKind", byKind);
        return row;
    }

    /** A measured window ({@link System#nanoTime()}) and the latencies of the requests that lay wholly within it. */
    private record Window(long start, long end, Map<String, List<Double>> latencies) {
    }

    /**
     * Sends one request and reads its answer; records its latency in each window it lay wholly within.
     *
     * @return the answer, or null when its status was not the expected one (counted in the main window)
     */
    private static JsonNode call(HttpClient http, HttpRequest request, int expected, String kind,
            List<Window> windows, AtomicInteger unexpected) throws Exception {
        long before = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long after = System.nanoTime();
        for (Window window : windows) {
            if (before >= window.start() && after <= window.end()) {
                window.latencies().get(kind).add((after - before) / 1e6);
            }
        }
        boolean measured = before >= windows.get(0).start() && after <= windows.get(0).end();
        if (response.statusCode() != expected) {
            if (measured) {
                unexpected.incrementAndGet();
            }
            return null;
        }
        return Api.JSON.readTree(response.body());
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private static HttpRequest post(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest put(String uri, String body) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
