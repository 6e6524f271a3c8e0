package nl.instroom.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.instroom.localstack.LocalStack;
import tools.jackson.databind.JsonNode;

/**
 * The whole benchmark in one run: {@code BenchRun <project-root> <target-dir>}, started by
 * {@code ./mvnw -Pbench -DskipTests verify}. Starts the local stack as production samples traces (one request in
 * ten), measures the raw broker and store as baselines, the event pipeline under a rising open-loop load (with the
 * services profiled by the JDK's Flight Recorder meanwhile), the REST endpoints, and writes
 * {@code <target>/bench/result.json}, the figures in {@code docs/performance.md} and the latency chart.
 *
 * <p>{@code -Dinstroom.bench.scenarios} (the build's {@code -Dbench.scenarios}) selects what runs: {@code all} (the
 * default); {@code route-finder}, career-advice's route finder alone ({@link RouteFinderLoad}): the same stack, a
 * shorter settle, no pipeline, and only the route finder's section of {@code docs/performance.md} is rewritten; or
 * {@code national}, issue 16's national scenario alone ({@link National}), likewise with its own section; or
 * {@code mentoring-matching}, no stack: the report of mentoring's matching benchmark ({@link MentoringMatching}).
 */
public final class BenchRun {

    static final int[] OFFERED = {10, 25, 50, 100, 200, 300, 400, 600, 800, 1000, 1300, 1600, 2000, 2500, 3000};
    /** Tracing as docker-compose and Kubernetes run it. */
    static final double SAMPLING = 0.1;
    static final int SETTLE_SECONDS = 60;
    static final int STEP_SECONDS = 15;
    static final String SCENARIOS = "instroom.bench.scenarios";
    /** Closed-loop clients of the route finder: as many as the REST rows, twice the machine's cores. */
    static final int ROUTE_FINDER_CLIENTS = 4;
    /**
     * Seconds of walks before the measured 30: the route finder's profile of 28 November showed the JIT compiler
     * threads of career-advice and its store still taking about a third of the machine 10-40 s into the walks (a
     * Spring service meets most of its request path for the first time there), which is warm-up, not the service.
     */
    static final int ROUTE_FINDER_WARMUP = 60;

    /** Progress on the console: each phase and step with the time since the run began. */
    static final class Progress {
        private final long start = System.nanoTime();

        void line(String text) {
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            System.out.printf("[bench %02d:%02d] %s%n", seconds / 60, seconds % 60, text);
            System.out.flush();
        }

        long seconds() {
            return (System.nanoTime() - start) / 1_000_000_000L;
        }
    }

    private BenchRun() {
    }

    public static void main(String[] args) {
        // Ends the JVM either way, even if a client library left a non-daemon thread: the build lock (and the
        // stack's fixed ports) are held until it does.
        int status = 0;
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).resolve("bench");
        String scenarios = System.getProperty(SCENARIOS, "all").trim();
        if (scenarios.equals("mentoring-matching")) {
            MentoringMatching.only(root, new Progress());
            return;
        }
        if (scenarios.equals("route-finder")) {
            routeFinderOnly(root, out);
            return;
        }
        if (scenarios.equals("national")) {
            nationalOnly(root, out);
            return;
        }
        if (!scenarios.equals("all") && !scenarios.isEmpty()) {
            throw new IllegalArgumentException(SCENARIOS + " is all, route-finder, national or mentoring-matching, not "
                    + scenarios);
        }
        Progress progress = new Progress();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.put("machine", machine());
        List<String> schools = schools();
        List<Map<String, Object>> runs = new ArrayList<>();
        Path data = out.resolve("stack");
        deleteRecursively(data);
        System.setProperty("instroom.jvm.fast-start", "false");
        // The stores name in their logs each kind of query no index serves (docs/performance.md).
        System.setProperty("instroom.store.report-scans", "true");
        System.setProperty("instroom.stack.service-env", "INSTROOM_WRITESPERCALLER=1000000,"
                + "MANAGEMENT_TRACING_SAMPLING_PROBABILITY=" + SAMPLING);
        progress.line("starting the local stack (tracing sampling " + SAMPLING + ", optimising JIT) in " + data);
        LocalStack stack = LocalStack.startIn(root, data);
        try {
            // A fresh stack is still busy for a while after it answers: the first need recalculation, its events
            // through tutoring, and the optimising compiler at work.
            progress.line("stack up; letting it settle for " + SETTLE_SECONDS + " s");
            Thread.sleep(SETTLE_SECONDS * 1000L);
            Api api = new Api(data);
            progress.line("baseline: Kafka ProducerPerformance, 300000 records of 400 B, acks=all");
            result.put("brokerBaseline", Baselines.broker(300_000, 400));
            progress.line("  " + result.get("brokerBaseline"));
            progress.line("baseline: 20000 single inserts into need-mapping's store");
            result.put("storeBaseline", Baselines.store(20_000));
            progress.line("  " + result.get("storeBaseline"));
            progress.line("durable inserts: 8 threads, journaled against plain, 2 × 10000 each");
            result.put("durableInserts", Baselines.durableInserts(8, 10_000));
            progress.line("  " + result.get("durableInserts"));
            Profiles profiles = new Profiles(out.resolve("profiles"), List.of(
                    new Profiles.Target("need-mapping", stack.pid("need-mapping")),
                    new Profiles.Target("tutoring", stack.pid("tutoring")),
                    new Profiles.Target("store-need-mapping", stack.pid("store-need-mapping")),
                    new Profiles.Target("store-tutoring", stack.pid("store-tutoring"))));
            runs.add(measure(api, schools, SAMPLING, progress, result, profiles));
            result.put("routeFinder", routeFinder(api, progress, null, null));
        } finally {
            progress.line("stopping the stack");
            stack.stop();
        }
        result.put("runs", runs);
        result.put("matching", matching(root, progress));
        result.put("runSeconds", progress.seconds());
        Files.createDirectories(out);
        Files.writeString(out.resolve("result.json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Files.createDirectories(root.resolve("docs/performance"));
        Files.writeString(root.resolve("docs/performance/latency-vs-load.svg"), Report.svg(runs));
        Report.writeDoc(root.resolve("docs/performance.md"), Report.markdown(result));
        Report.writeDoc(root.resolve("docs/performance.md"), Report.ROUTE_FINDER_BEGIN, Report.ROUTE_FINDER_END,
                Report.routeFinderMarkdown(result));
        MentoringMatching.ifPresent(root, progress);
        progress.line("wrote " + out.resolve("result.json") + ", docs/performance.md and "
                + "docs/performance/latency-vs-load.svg");
    }

    /**
     * The route finder alone: the stack as for the whole run, a shorter settle (nothing is measured that the first
     * need recalculation would disturb much), the route finder against its baseline, and only its section of
     * docs/performance.md and {@code <target>/bench/route-finder.json} written.
     */
    private static void routeFinderOnly(Path root, Path out) throws Exception {
        Progress progress = new Progress();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.put("machine", machine());
        Path data = out.resolve("stack");
        deleteRecursively(data);
        System.setProperty("instroom.jvm.fast-start", "false");
        System.setProperty("instroom.stack.service-env", "INSTROOM_WRITESPERCALLER=1000000,"
                + "MANAGEMENT_TRACING_SAMPLING_PROBABILITY=" + SAMPLING);
        progress.line("route finder only: starting the local stack (tracing sampling " + SAMPLING + ") in " + data);
        LocalStack stack = LocalStack.startIn(root, data);
        try {
            int settle = 20;
            progress.line("stack up; letting it settle for " + settle + " s");
            Thread.sleep(settle * 1000L);
            // Flight Recorder on career-advice and its store, one recording for the walks and one for the baseline, so
            // that both run under the same (small) cost of recording.
            List<Profiles.Target> targets = List.of(new Profiles.Target("career-advice", stack.pid("career-advice")),
                    new Profiles.Target("store-career-advice", stack.pid("store-career-advice")));
            result.put("routeFinder", routeFinder(new Api(data), progress,
                    new Profiles(out.resolve("profiles/route-finder"), targets),
                    new Profiles(out.resolve("profiles/route-finder-baseline"), targets)));
        } finally {
            progress.line("stopping the stack");
            stack.stop();
        }
        result.put("runSeconds", progress.seconds());
        Files.createDirectories(out);
        Files.writeString(out.resolve("route-finder.json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Report.writeDoc(root.resolve("docs/performance.md"), Report.ROUTE_FINDER_BEGIN, Report.ROUTE_FINDER_END,
                Report.routeFinderMarkdown(result));
        progress.line("wrote " + out.resolve("route-finder.json") + " and the route finder's section of "
                + "docs/performance.md");
    }

    /**
     * The national scenario (issue 16, {@link National}): the stack as for the whole run plus a coordinator of the
     * ranking's region, the broker and store baselines, then the national import, 10,000 vacancies across every
     * region and the ranking; writes {@code <target>/bench/national.json} and only the national section of
     * docs/performance.md.
     */
    private static void nationalOnly(Path root, Path out) throws Exception {
        Progress progress = new Progress();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        result.put("machine", machine());
        Path data = out.resolve("stack");
        deleteRecursively(data);
        System.setProperty("instroom.jvm.fast-start", "false");
        // a coordinator for every region: each uploads their region's vacancies, AM22's reads the ranking
        List<String> regionCodes = National.regionCodes(root);
        System.setProperty("instroom.stack.extra-coordinators", String.join(",", regionCodes));
        System.setProperty("instroom.stack.service-env", "INSTROOM_WRITESPERCALLER=1000000,"
                + "MANAGEMENT_TRACING_SAMPLING_PROBABILITY=" + SAMPLING);
        progress.line("national: starting the local stack (tracing sampling " + SAMPLING + ", optimising JIT) in "
                + data);
        LocalStack stack = LocalStack.startIn(root, data);
        try {
            int settle = 30;
            progress.line("stack up; letting it settle for " + settle + " s");
            Thread.sleep(settle * 1000L);
            Api api = new Api(data);
            progress.line("baseline: Kafka ProducerPerformance, 300000 records of 400 B, acks=all");
            result.put("brokerBaseline", Baselines.broker(300_000, 400));
            progress.line("  " + result.get("brokerBaseline"));
            progress.line("baseline: 20000 single inserts into need-mapping's store");
            result.put("storeBaseline", Baselines.store(20_000));
            progress.line("  " + result.get("storeBaseline"));
            @SuppressWarnings("unchecked")
            Map<String, Object> broker = (Map<String, Object>) result.get("brokerBaseline");
            @SuppressWarnings("unchecked")
            Map<String, Object> store = (Map<String, Object>) result.get("storeBaseline");
            Map<String, Object> national = new LinkedHashMap<>();
            result.put("national", national);
            new National(stack, api, progress).run(national, regionCodes, out.resolve("profiles"), broker, store);
        } finally {
            progress.line("stopping the stack");
            stack.stop();
            // written even when a step failed, so what was measured is kept
            result.put("runSeconds", progress.seconds());
            Files.createDirectories(out);
            Files.writeString(out.resolve("national.json"),
                    Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }
        Report.writeDoc(root.resolve("docs/performance.md"), Report.NATIONAL_BEGIN, Report.NATIONAL_END,
                Report.nationalMarkdown(result));
        progress.line("wrote " + out.resolve("national.json") + " and the national section of docs/performance.md");
    }

    /**
     * The route finder's walks, then its baseline, with the same clients, each after its own warm-up; each under its
     * own Flight Recorder recording when profiles are given (the route-finder scenario).
     */
    private static Map<String, Object> routeFinder(Api api, Progress progress, Profiles walkProfiles,
            Profiles baselineProfiles) throws Exception {
        Map<String, Object> routeFinder = new LinkedHashMap<>();
        progress.line("route finder: " + ROUTE_FINDER_CLIENTS + " visitors at a time, " + ROUTE_FINDER_WARMUP
                + " s warm-up + 30 s (and apart: seconds 10-40, the window before 28 November)"
                + (walkProfiles == null ? "" : ", career-advice and its store under Flight Recorder"));
        if (walkProfiles != null) {
            walkProfiles.start();
        }
        Map<String, Object> walks = RouteFinderLoad.walks(api, ROUTE_FINDER_CLIENTS, 10, ROUTE_FINDER_WARMUP, 30);
        progress.line("  " + walks);
        if (walkProfiles != null) {
            routeFinder.put("walkProfiles", walkProfiles.stopAndRead());
            progress.line("  profiles: " + routeFinder.get("walkProfiles"));
        }
        progress.line("route finder baseline: reading sessions back, " + ROUTE_FINDER_CLIENTS
                + " clients, 5 s warm-up + 15 s");
        if (baselineProfiles != null) {
            baselineProfiles.start();
        }
        Map<String, Object> baseline = RouteFinderLoad.baseline(api, ROUTE_FINDER_CLIENTS, 5, 15);
        progress.line("  " + baseline);
        if (baselineProfiles != null) {
            routeFinder.put("baselineProfiles", baselineProfiles.stopAndRead());
        }
        routeFinder.put("walks", walks);
        routeFinder.put("baseline", baseline);
        routeFinder.put("toBaseline", ratio(((Number) walks.get("answersPerSecond")).doubleValue(),
                ((Number) baseline.get("requestsPerSecond")).doubleValue()));
        return routeFinder;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> measure(Api api, List<String> schools, double sampling, Progress progress,
            Map<String, Object> result, Profiles profiles) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("samplingProbability", sampling);
        List<Map<String, Object>> steps = new ArrayList<>();
        try (Pipeline pipeline = new Pipeline(api, schools, progress)) {
            progress.line("pipeline warm-up: 5/s for 20 s (not reported)");
            Map<String, Object> warmup = pipeline.step(5, 20);
            progress.line("  warm-up: accepted " + warmup.get("accepted") + ", 429s " + warmup.get("rejected429")
                    + ", vacancy p99 " + warmup.get("vacancyP99Ms") + " ms");
            double firstP99 = Double.NaN;
            profiles.start();
            progress.line("profiling need-mapping, tutoring and their stores with JFR during the steps");
            for (int rate : OFFERED) {
                Map<String, Object> step = runStep(pipeline, rate, progress);
                if (Double.isNaN(firstP99)) {
                    firstP99 = ((Number) step.get("vacancyP99Ms")).doubleValue();
                }
                boolean saturated = Pipeline.saturated(step, firstP99);
                step.put("saturated", saturated);
                steps.add(step);
                if (saturated) {
                    progress.line("  → saturated, not raising further");
                    break;
                }
            }
            result.put("profiles", profiles.stopAndRead());
            double sustained = sustained(steps);
            int half = (int) Math.max(1, Math.round(sustained / 2));
            progress.line("latency at half the highest sustained rate: " + half + "/s, once the stack has settled");
            // Right after the saturated step the stack is still working off its backlog (need recalculations,
            // events in the outboxes): a step then measures the recovery from overload, not the half load.
            Map<String, Object> settled = Quiet.await(api, progress, Duration.ofMinutes(5));
            progress.line("  settled: " + settled);
            Map<String, Object> halfStep = runStep(pipeline, half, progress);
            halfStep.put("halfOfSustained", true);
            halfStep.put("settledBefore", settled);
            run.put("halfLoad", halfStep);
        }
        run.put("pipeline", steps);
        double sustained = sustained(steps);
        Map<String, Object> broker = (Map<String, Object>) result.get("brokerBaseline");
        Map<String, Object> store = (Map<String, Object>) result.get("storeBaseline");
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("sustainedEventsPerSecond", sustained);
        ratios.put("toBrokerBaseline", ratio(sustained, ((Number) broker.get("recordsPerSecond")).doubleValue()));
        ratios.put("toStoreBaseline", ratio(sustained, ((Number) store.get("insertsPerSecond")).doubleValue()));
        ratios.put("storeBaselineMultiple", Baselines.round(sustained
                / ((Number) store.get("insertsPerSecond")).doubleValue() * 100) / 100);
        run.put("ratios", ratios);

        List<Map<String, Object>> rest = new ArrayList<>();
        progress.line("REST: GET /api/need/ranking, 4 clients, 5 s warm-up + 15 s");
        rest.add(RestLoad.run(api, "GET /api/need/ranking?region=AM36&limit=50", 4, 5, 15, 200,
                n -> api.ranking()));
        progress.line("  " + rest.get(rest.size() - 1));
        progress.line("REST: POST /api/vacancies, 4 clients, 5 s warm-up + 15 s");
        rest.add(RestLoad.run(api, "POST /api/vacancies", 4, 5, 15, 201, n -> api.openVacancy(schools, n)));
        progress.line("  " + rest.get(rest.size() - 1));
        run.put("rest", rest);
        return run;
    }

    private static Map<String, Object> runStep(Pipeline pipeline, int rate, Progress progress) throws Exception {
        progress.line("pipeline step: " + rate + " vacancy openings/s for " + STEP_SECONDS + " s");
        Map<String, Object> step = pipeline.step(rate, STEP_SECONDS);
        progress.line(String.format("  accepted %s/s (429: %s, failed: %s, HTTP p50 %s ms, published p50/p99 %s/%s "
                        + "ms), vacancy applied %s/s p50/p95/p99 %s/%s/%s ms, need change applied %s/s p50/p99 %s/%s ms",
                step.get("acceptedPerSecond"), step.get("rejected429"), step.get("failed"), step.get("httpP50Ms"),
                step.get("publishedP50Ms"), step.get("publishedP99Ms"),
                step.get("vacancyEventsPerSecond"), step.get("vacancyP50Ms"), step.get("vacancyP95Ms"),
                step.get("vacancyP99Ms"), step.get("needChangesPerSecond"), step.get("needP50Ms"),
                step.get("needP99Ms")));
        return step;
    }

    /** The highest rate applied at a step that was not saturated. */
    static double sustained(List<Map<String, Object>> steps) {
        return steps.stream().filter(s -> !Boolean.TRUE.equals(s.get("saturated")))
                .mapToDouble(s -> ((Number) s.get("vacancyEventsPerSecond")).doubleValue()).max()
                .orElse(steps.stream().mapToDouble(s -> ((Number) s.get("vacancyEventsPerSecond")).doubleValue())
                        .max().orElse(0));
    }

    static String ratio(double part, double whole) {
        if (whole <= 0) {
            return "–";
        }
        double r = part / whole;
        return r >= 0.01 ? String.format(java.util.Locale.ROOT, "%.1f %%", r * 100)
                : String.format(java.util.Locale.ROOT, "%.2f %%", r * 100);
    }

    /** The demo schools the load is spread over (all of Regio Zwolle in the shipped school file). */
    static List<String> schools() throws Exception {
        List<String> codes = new ArrayList<>();
        try (InputStream in = LocalStack.class.getResourceAsStream("/demo/regio-zwolle-schools.geo.json")) {
            for (JsonNode feature : Api.JSON.readTree(in).get("features")) {
                String code = feature.get("properties").path("vestigingscode").asString("");
                if (code.matches("[0-9]{2}[A-Za-z]{2}[0-9]{2}") && !codes.contains(code)) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    private static List<Object> matching(Path root, Progress progress) throws Exception {
        Path json = root.resolve("services/tutoring/target/bench/matching.json");
        List<Object> rows = new ArrayList<>();
        if (Files.exists(json)) {
            for (JsonNode row : Api.JSON.readTree(json.toFile()).get("rows")) {
                rows.add(Api.JSON.convertValue(row, Map.class));
            }
            progress.line("matching: " + rows.size() + " rows from " + json);
        } else {
            progress.line("matching: " + json + " not found (run with -Pbench from the root)");
        }
        return rows;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        machine.put("memoryGb", Math.round(memory / 1e9));
        machine.put("java", System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return machine;
    }

    private static void deleteRecursively(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
