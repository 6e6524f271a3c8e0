package nl.instroom.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import nl.instroom.localstack.LocalStack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

/**
 * The national scenario (issue 16): every school of the country imported through need-mapping's API, then 10,000
 * vacancies opened across all regions through the CSV import, followed until tutoring has applied every vacancy and
 * the last need change they caused; then the ranking of a region of at least 400 schools under a closed loop of
 * 8 coordinators' clients.
 *
 * <p>The vacancies are made from the national school file with a fixed seed: a school drawn with a weight of its
 * pupils (so large schools have more vacancies, as they do), a subject by the school's kind (mostly
 * groepsleerkracht in primary and special schools; the secondary subjects weighted towards the shortage subjects),
 * 0.4–1.0 FTE with the hours to match, a start in the coming months. Each region's coordinator uploads their
 * region's vacancies (a coordinator opens vacancies in their own region only; an admin opens none), in uploads of at
 * most {@link #BATCH} rows, well within the import's row limit (20,000), {@link #UPLOADS_IN_FLIGHT} at a time.
 *
 * <p>Observed as {@link Pipeline} observes: the benchmark's own consumer of the vacancy and need topics and
 * tutoring's committed offsets. Counted from the services' own Micrometer counters
 * ({@code instroom.events.published}); need-mapping's heap from its {@code jvm.memory.used}.
 */
final class National {

    static final int VACANCIES = 10_000;
    static final int BATCH = 1_000;
    static final int UPLOADS_IN_FLIGHT = 4;
    static final long SEED = 16;
    static final double GOAL_SECONDS = 30;
    /** Rijnmond: 642 schools of the national file by CBS's table (NationalSchoolImportIT), the ranking's region. */
    static final String RANKING_REGION = "AM22";
    static final int RANKING_CLIENTS = 8;
    static final String NATIONAL_FILE = "/demo/scholen-nl-2024-11-22.geo.json.zip";
    static final int[] SERVICE_PORTS = {8081, 8082, 8083, 8084, 8085, 8086};
    private static final Pattern TYPE = Pattern.compile("type=\"([^\"]+)\"");

    /** A school of the national file as the generator needs it. */
    record School(String code, String type, int pupils) {
    }

    /** A vacancy row of an upload. */
    record Row(String school, String subject, String fte, int hours, LocalDate start, String urgency) {
    }

    private final LocalStack stack;
    private final Api api;
    private final BenchRun.Progress progress;

    National(LocalStack stack, Api api, BenchRun.Progress progress) {
        this.stack = stack;
        this.api = api;
        this.progress = progress;
    }

    /** Imports, opens, follows, reads the ranking; puts every figure into {@code result} as soon as it has it. */
    void run(Map<String, Object> result, List<String> regionCodes, Path profileDir, Map<String, Object> broker,
            Map<String, Object> store) throws Exception {
        byte[] file = nationalFile();
        List<School> schools = schools(file);
        result.put("heapBeforeImport", heap());

        progress.line("national: importing the national school file (" + schools.size()
                + " distinct locations) as admin");
        String admin = stack.accessToken("admin");
        long importStart = System.nanoTime();
        HttpResponse<String> imported = api.http.send(HttpRequest.newBuilder(
                        URI.create(Api.NEED_MAPPING + "/api/schools/import"))
                .header("Content-Type", "application/geo+json").header("Authorization", "Bearer " + admin)
                .timeout(Duration.ofMinutes(15)).POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("National import refused (" + imported.statusCode() + "): "
                    + imported.body());
        }
        JsonNode counts = Api.JSON.readTree(imported.body());
        Map<String, Object> schoolImport = new LinkedHashMap<>();
        schoolImport.put("features", featureCount(file));
        for (String field : List.of("registered", "updated", "unchanged", "duplicatesInFile", "locatedByPostcode")) {
            schoolImport.put(field, counts.path(field).asInt());
        }
        schoolImport.put("rejected", counts.path("rejected").size());
        schoolImport.put("httpSeconds", Baselines.round(importSeconds));
        progress.line("  " + schoolImport);
        progress.line("national: waiting until need-mapping's outbox is empty and tutoring has caught up");
        Map<String, Object> drained = Quiet.await(api, progress, Duration.ofMinutes(15));
        schoolImport.put("secondsUntilEventsThrough", Baselines.round((System.nanoTime() - importStart) / 1e9));
        schoolImport.put("drain", drained);
        progress.line("  through after " + schoolImport.get("secondsUntilEventsThrough") + " s: " + drained);
        result.put("schoolImport", schoolImport);
        result.put("regions", regions(admin));
        result.put("heapAfterImport", heap());

        Map<String, String> regionOf = regionOfSchools(admin, regionCodes);
        List<Row> rows = vacancies(schools, VACANCIES, new Random(SEED));
        result.put("vacancyMix", mix(rows, schools, regionOf));
        result.put("vacancies", openAndFollow(rows, regionOf, profileDir, broker, store));
        result.put("heapAfterVacancies", heap());
        result.put("needMappingRssMb", rssMb(stack.pid("need-mapping")));
        result.put("ranking", ranking(profileDir));
    }

    // ---------------------------------------------------------------------------------------------------------
    // the vacancies

    private Map<String, Object> openAndFollow(List<Row> rows, Map<String, String> regionOf, Path profileDir, Map<String, Object> broker,
            Map<String, Object> store) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Double> publishedBefore = eventsPublished();
        Map<Integer, String> schoolOf = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            schoolOf.put(i, rows.get(i).school());
        }
        Profiles profiles = new Profiles(profileDir, List.of(
                new Profiles.Target("national-need-mapping", stack.pid("need-mapping")),
                new Profiles.Target("national-tutoring", stack.pid("tutoring")),
                new Profiles.Target("national-store-need-mapping", stack.pid("store-need-mapping"))));
        AtomicLong heapPeak = new AtomicLong();
        Thread heapWatch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    heapPeak.accumulateAndGet((long) heapUsed(), Math::max);
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a missed reading; the next one counts
                }
            }
        }, "bench-heap-watch");
        heapWatch.setDaemon(true);
        try (Pipeline pipeline = new Pipeline(api, List.of(), progress)) {
            List<Map.Entry<String, List<Integer>>> uploads = uploads(rows, regionOf);
            Map<String, String> tokens = new HashMap<>();
            for (Map.Entry<String, List<Integer>> upload : uploads) {
                if (!tokens.containsKey(upload.getKey())) {
                    tokens.put(upload.getKey(), stack.accessToken(coordinator(upload.getKey())));
                }
            }
            Set<String> byRegion = tokens.keySet();
            progress.line("national: " + rows.size() + " vacancies in " + byRegion.size() + " regions as "
                    + uploads.size() + " CSV uploads by each region's coordinator (at most " + BATCH + " rows), "
                    + UPLOADS_IN_FLIGHT + " at a time");
            figures.put("regions", byRegion.size());
            figures.put("uploads", uploads.size());
            profiles.start();
            heapWatch.start();
            long start = System.nanoTime();
            long startWall = System.currentTimeMillis();
            Map<Integer, String> ids = new ConcurrentHashMap<>();
            List<String> failures = new ArrayList<>();
            List<Double> uploadSeconds = new ArrayList<>();
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> upload : uploads) {
                if (running.size() >= UPLOADS_IN_FLIGHT) {
                    CompletableFuture.anyOf(running.toArray(CompletableFuture[]::new)).join();
                    running.removeIf(CompletableFuture::isDone);
                }
                List<Integer> indices = upload.getValue();
                List<Row> batch = indices.stream().map(rows::get).toList();
                long sent = System.nanoTime();
                running.add(api.http.sendAsync(upload(batch, tokens.get(upload.getKey())),
                                HttpResponse.BodyHandlers.ofString())
                        .thenAccept(response -> {
                            synchronized (uploadSeconds) {
                                uploadSeconds.add((System.nanoTime() - sent) / 1e9);
                            }
                            if (response.statusCode() != 200) {
                                synchronized (failures) {
                                    failures.add(response.statusCode() + " " + response.body());
                                }
                                return;
                            }
                            JsonNode body = Api.JSON.readTree(response.body());
                            if (body.path("rejected").size() > 0) {
                                synchronized (failures) {
                                    failures.add("rejected rows: " + body.get("rejected"));
                                }
                            }
                            // all rows are valid, so the opened ids are in the order of the rows
                            List<String> opened = Api.openedIds(response.body());
                            for (int k = 0; k < opened.size() && k < indices.size(); k++) {
                                ids.put(indices.get(k), opened.get(k));
                            }
                        }));
            }
            running.forEach(CompletableFuture::join);
            double uploadsDone = (System.nanoTime() - start) / 1e9;
            progress.line("  uploads answered after " + Baselines.round(uploadsDone) + " s; " + ids.size()
                    + " opened; failures " + failures);
            figures.put("opened", ids.size());
            if (ids.isEmpty()) {
                profiles.stopAndRead();
                heapWatch.interrupt();
                throw new IllegalStateException("No vacancy was opened: " + failures);
            }
            figures.put("uploadFailures", failures);
            figures.put("uploadsAnsweredSeconds", Baselines.round(uploadsDone));
            figures.put("uploadSecondsEach", uploadSeconds.stream().map(Baselines::round).toList());

            // Follow: every vacancy applied, and for each school a need change applied that counts all its vacancies.
            Map<String, Double> fteOfSchool = new HashMap<>();
            for (Integer row : ids.keySet()) {
                fteOfSchool.merge(rows.get(row).school(), Double.parseDouble(rows.get(row).fte()), Double::sum);
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            long lastProgress = 0;
            Follow follow = follow(pipeline, ids, schoolOf, fteOfSchool, startWall);
            int needSeen = 0;
            long needSeenChanged = System.nanoTime();
            while (System.nanoTime() < deadline && !follow.complete()) {
                Thread.sleep(250);
                follow = follow(pipeline, ids, schoolOf, fteOfSchool, startWall);
                int needNow = countNeed(pipeline, startWall);
                if (needNow != needSeen) {
                    needSeen = needNow;
                    needSeenChanged = System.nanoTime();
                } else if (follow.applied() == follow.expected()
                        && System.nanoTime() - needSeenChanged > 20_000_000_000L) {
                    // every vacancy applied and no need change for 20 s: a school whose need did not change
                    // gets none; reported as incomplete rather than waited for
                    progress.line("  no need change for 20 s with every vacancy applied; stopping the wait");
                    break;
                }
                if (System.nanoTime() - lastProgress > 5_000_000_000L) {
                    lastProgress = System.nanoTime();
                    progress.line(String.format(Locale.ROOT, "  %.0f s: vacancies seen %d, applied %d; schools "
                            + "whose last need change counts all their vacancies %d/%d, applied %d", (System.nanoTime()
                            - start) / 1e9, follow.seen, follow.applied, follow.schoolsWithNeed, follow.schools,
                            follow.schoolsNeedApplied));
                }
            }
            // Then until no further need change arrives for 10 s: the last one caused by the burst.
            long quietSince = System.nanoTime();
            int needEvents = countNeed(pipeline, startWall);
            while (System.nanoTime() - quietSince < 10_000_000_000L && System.nanoTime() < deadline) {
                Thread.sleep(200);
                int now = countNeed(pipeline, startWall);
                if (now != needEvents) {
                    needEvents = now;
                    quietSince = System.nanoTime();
                }
            }
            heapWatch.interrupt();
            Map<String, Object> profile = profiles.stopAndRead();
            follow = follow(pipeline, ids, schoolOf, fteOfSchool, startWall);

            // The last need change published since the burst began, and when tutoring applied it.
            Map<String, List<Pipeline.Located>> changes = pipeline.needChangesSince(startWall);
            long lastNeedPublishedWall = 0;
            long lastNeedApplied = start;
            boolean everyNeedApplied = true;
            int needChanges = 0;
            for (List<Pipeline.Located> each : changes.values()) {
                for (Pipeline.Located change : each) {
                    needChanges++;
                    lastNeedPublishedWall = Math.max(lastNeedPublishedWall, change.timestampMs());
                    long applied = pipeline.appliedAt(change);
                    if (applied < 0) {
                        everyNeedApplied = false;
                    } else {
                        lastNeedApplied = Math.max(lastNeedApplied, applied);
                    }
                }
            }
            double vacanciesApplied = (follow.lastVacancyApplied - start) / 1e9;
            double needApplied = (lastNeedApplied - start) / 1e9;
            double total = Math.max(vacanciesApplied, needApplied);
            figures.put("vacancyEventsSeen", follow.seen);
            figures.put("vacanciesApplied", follow.applied);
            figures.put("secondsUntilEveryVacancyPublished",
                    Baselines.round((follow.lastVacancyPublishedWall - startWall) / 1e3));
            figures.put("secondsUntilEveryVacancyApplied", Baselines.round(vacanciesApplied));
            figures.put("schoolsWithVacancies", follow.schools);
            figures.put("schoolsWithNeedCountingEveryVacancy", follow.schoolsWithNeed);
            figures.put("schoolsWithNeedChangePublishedAfterLastVacancy", follow.needPublishedAfterLastVacancy);
            figures.put("needChangesSinceStart", needChanges);
            figures.put("schoolsWithNeedChanges", changes.size());
            figures.put("everyNeedChangeApplied", everyNeedApplied);
            figures.put("secondsUntilLastNeedChangePublished",
                    Baselines.round((lastNeedPublishedWall - startWall) / 1e3));
            figures.put("secondsUntilLastNeedChangeApplied", Baselines.round(needApplied));
            figures.put("secondsTotal", Baselines.round(total));
            boolean complete = follow.applied == rows.size() && follow.schoolsWithNeed == follow.schools
                    && everyNeedApplied;
            figures.put("complete", complete);
            figures.put("goalSeconds", GOAL_SECONDS);
            figures.put("goalMet", complete && total <= GOAL_SECONDS);
            double vacanciesPerSecond = follow.applied / Math.max(vacanciesApplied, 1e-3);
            figures.put("vacanciesAppliedPerSecond", Baselines.round(vacanciesPerSecond));
            double brokerRate = ((Number) broker.get("recordsPerSecond")).doubleValue();
            double storeRate = ((Number) store.get("insertsPerSecond")).doubleValue();
            figures.put("toBrokerBaseline", BenchRun.ratio(vacanciesPerSecond, brokerRate));
            figures.put("toStoreBaseline", BenchRun.ratio(vacanciesPerSecond, storeRate));
            figures.put("storeBaselineSecondsFor10000Inserts", Baselines.round(rows.size() / storeRate));

            Map<String, Double> publishedAfter = eventsPublished();
            Map<String, Object> events = new TreeMap<>();
            double all = 0;
            for (Map.Entry<String, Double> after : publishedAfter.entrySet()) {
                double delta = after.getValue() - publishedBefore.getOrDefault(after.getKey(), 0.0);
                if (delta > 0) {
                    events.put(after.getKey(), (long) delta);
                    all += delta;
                }
            }
            figures.put("eventsPublishedByServiceAndType", events);
            figures.put("eventsPublished", (long) all);
            figures.put("eventsPerVacancy", Baselines.round(100 * all / Math.max(1, ids.size())) / 100);
            figures.put("needChangesPerVacancy", Baselines.round(100.0 * needChanges / Math.max(1, ids.size()))
                    / 100);
            figures.put("needMappingHeapPeakMb", Math.round(heapPeak.get() / 1e6));
            figures.put("profiles", profile);
            progress.line("  " + figures.entrySet().stream().filter(e -> !e.getKey().equals("profiles"))
                    .toList());
        }
        return figures;
    }

    /** Where the burst stands: vacancies seen and applied, schools whose last need change counts all their vacancies. */
    private record Follow(int seen, int applied, long lastVacancyApplied, long lastVacancyPublishedWall, int schools,
            int schoolsWithNeed, int schoolsNeedApplied, int expected, int needPublishedAfterLastVacancy) {
        boolean complete() {
            return applied == expected && schoolsNeedApplied == schools;
        }
    }

    private static Follow follow(Pipeline pipeline, Map<Integer, String> ids, Map<Integer, String> schoolOf,
            Map<String, Double> fteOfSchool, long startWall) {
        int seen = 0;
        int applied = 0;
        long lastApplied = 0;
        long lastPublished = startWall;
        Map<String, Pipeline.Located> lastVacancyOfSchool = new HashMap<>();
        for (Map.Entry<Integer, String> id : ids.entrySet()) {
            Pipeline.Located at = pipeline.vacancyEvent(id.getValue());
            if (at == null) {
                continue;
            }
            seen++;
            lastPublished = Math.max(lastPublished, at.timestampMs());
            long when = pipeline.appliedAt(at);
            if (when >= 0) {
                applied++;
                lastApplied = Math.max(lastApplied, when);
            }
            lastVacancyOfSchool.merge(schoolOf.get(id.getKey()), at,
                    (a, b) -> a.timestampMs() >= b.timestampMs() ? a : b);
        }
        Set<String> schools = new HashSet<>(schoolOf.values());
        int withNeed = 0;
        int needApplied = 0;
        int publishedAfter = 0;
        for (Map.Entry<String, Pipeline.Located> last : lastVacancyOfSchool.entrySet()) {
            // Done for a school when its last need change counts every vacancy the burst opened there (its open FTE
            // at least theirs: a school may have had open vacancies before). Not "a need change published after the
            // school's last VacancyOpened": the relay publishes a school's vacancies and its need change
            // independently, so a need change computed from every vacancy may leave before the last vacancy's event.
            Pipeline.Located need = pipeline.lastNeedChange(last.getKey());
            if (need != null && need.openFte() + 1e-6 >= fteOfSchool.getOrDefault(last.getKey(), 0.0)) {
                withNeed++;
                if (pipeline.appliedAt(need) >= 0) {
                    needApplied++;
                }
            }
            if (pipeline.needChangeAfter(last.getKey(), last.getValue()) != null) {
                publishedAfter++;
            }
        }
        return new Follow(seen, applied, lastApplied, lastPublished, schools.size(), withNeed, needApplied,
                schoolOf.size(), publishedAfter);
    }

    /**
     * The uploads: each region's coordinator uploads their region's vacancies (a coordinator may open vacancies only
     * in their region; an admin may not open any), at most {@link #BATCH} rows each, the regions interleaved. Each
     * upload is its region and the indices of its rows.
     */
    static List<Map.Entry<String, List<Integer>>> uploads(List<Row> rows, Map<String, String> regionOf) {
        Map<String, List<Integer>> byRegion = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String region = regionOf.get(rows.get(i).school());
            if (region == null) {
                throw new IllegalStateException("No region for school " + rows.get(i).school());
            }
            byRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(i);
        }
        List<Map.Entry<String, List<Integer>>> uploads = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (Map.Entry<String, List<Integer>> region : byRegion.entrySet()) {
                List<Integer> indices = region.getValue();
                if (round * BATCH < indices.size()) {
                    any = true;
                    uploads.add(Map.entry(region.getKey(), indices.subList(round * BATCH,
                            Math.min(indices.size(), (round + 1) * BATCH))));
                }
            }
            if (!any) {
                return uploads;
            }
        }
    }

    /** The demo coordinator of a region, made by the stack for {@code -Dinstroom.stack.extra-coordinators}. */
    static String coordinator(String region) {
        return "coordinator." + region.toLowerCase(Locale.ROOT);
    }

    /** The region codes of CBS's table as need-mapping loads it (every region gets a coordinator for the run). */
    static List<String> regionCodes(Path root) throws IOException {
        Set<String> codes = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(root.resolve(
                "services/need-mapping/src/main/resources/regions/gemeente-arbeidsmarktregio-2026.csv"))) {
            String[] cells = line.split(";");
            if (cells.length > 2 && cells[2].matches("AM[0-9]{2}")) {
                codes.add(cells[2]);
            }
        }
        return new ArrayList<>(codes);
    }

    /** Every school's region as need-mapping placed it on import, region by region. */
    private Map<String, String> regionOfSchools(String admin, List<String> regionCodes) throws Exception {
        Map<String, String> regionOf = new HashMap<>();
        for (String region : regionCodes) {
            HttpResponse<String> response = api.http.send(get("/api/schools?limit=2000&region=" + region, admin),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Schools of " + region + ": " + response.statusCode() + " "
                        + response.body());
            }
            Api.JSON.readTree(response.body()).forEach(school -> regionOf.put(
                    school.path("vestigingscode").asString(), region));
        }
        return regionOf;
    }

    private static int countNeed(Pipeline pipeline, long startWall) {
        return pipeline.needChangesSince(startWall).values().stream().mapToInt(List::size).sum();
    }

    private HttpRequest upload(List<Row> batch, String token) {
        StringBuilder csv = new StringBuilder("schoolCode,subject,fte,hoursPerWeek,startDate,urgency\n");
        for (Row row : batch) {
            csv.append(row.school()).append(',').append(row.subject()).append(',').append(row.fte()).append(',')
                    .append(row.hours()).append(',').append(row.start()).append(',').append(row.urgency())
                    .append('\n');
        }
        return HttpRequest.newBuilder(URI.create(Api.NEED_MAPPING + "/api/vacancies/import"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the generator

    private static final String[][] PRIMARY = {{"groepsleerkracht", "80"}, {"intern begeleider", "8"},
        {"vakleerkracht bewegingsonderwijs", "7"}, {"onderwijsassistent", "5"}};
    private static final String[][] SPECIAL = {{"groepsleerkracht", "60"}, {"intern begeleider", "15"},
        {"vakleerkracht bewegingsonderwijs", "10"}, {"onderwijsassistent", "15"}};
    private static final String[][] SECONDARY = {{"wiskunde", "16"}, {"nederlands", "14"}, {"engels", "11"},
        {"duits", "10"}, {"natuurkunde", "9"}, {"frans", "7"}, {"scheikunde", "7"}, {"economie", "6"},
        {"biologie", "6"}, {"informatica", "5"}, {"geschiedenis", "4"}, {"aardrijkskunde", "4"}};
    private static final String[][] FTE = {{"0.4", "1"}, {"0.5", "2"}, {"0.6", "2"}, {"0.8", "3"}, {"1.0", "4"}};
    private static final String[][] URGENCY = {{"LOW", "15"}, {"NORMAL", "45"}, {"HIGH", "30"},
        {"CRITICAL", "10"}};

    /** {@code count} vacancies at schools drawn by their pupils, with subjects by the school's kind. */
    static List<Row> vacancies(List<School> schools, int count, Random random) {
        long[] cumulative = new long[schools.size()];
        long sum = 0;
        for (int i = 0; i < schools.size(); i++) {
            sum += schools.get(i).pupils();
            cumulative[i] = sum;
        }
        LocalDate firstOfMonth = LocalDate.now().withDayOfMonth(1);
        List<Row> rows = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            long ticket = (long) (random.nextDouble() * sum);
            int at = java.util.Arrays.binarySearch(cumulative, ticket + 1);
            School school = schools.get(at >= 0 ? at : -at - 1);
            String subject = pick(subjects(school.type()), random);
            String fte = pick(FTE, random);
            int hours = (int) Math.round(Double.parseDouble(fte) * 40);
            rows.add(new Row(school.code(), subject, fte, hours, firstOfMonth.plusMonths(1 + random.nextInt(7)),
                    pick(URGENCY, random)));
        }
        return rows;
    }

    private static String[][] subjects(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.equals("BASISSCHOOL") || t.equals("SBAO")) {
            return PRIMARY;
        }
        if (t.contains("SO")) {
            return SPECIAL;
        }
        return SECONDARY;
    }

    private static String pick(String[][] weighted, Random random) {
        int total = 0;
        for (String[] option : weighted) {
            total += Integer.parseInt(option[1]);
        }
        int ticket = random.nextInt(total);
        for (String[] option : weighted) {
            ticket -= Integer.parseInt(option[1]);
            if (ticket < 0) {
                return option[0];
            }
        }
        throw new IllegalStateException();
    }

    private static Map<String, Object> mix(List<Row> rows, List<School> schools, Map<String, String> regionOf) {
        Map<String, Integer> bySubject = new TreeMap<>();
        Map<String, Integer> byRegion = new TreeMap<>();
        Set<String> distinct = new HashSet<>();
        double fte = 0;
        for (Row row : rows) {
            bySubject.merge(row.subject(), 1, Integer::sum);
            byRegion.merge(String.valueOf(regionOf.get(row.school())), 1, Integer::sum);
            distinct.add(row.school());
            fte += Double.parseDouble(row.fte());
        }
        Map<String, Object> mix = new LinkedHashMap<>();
        mix.put("seed", SEED);
        mix.put("vacancies", rows.size());
        mix.put("schools", distinct.size());
        mix.put("ofSchoolsInFile", schools.size());
        mix.put("fte", Baselines.round(fte));
        mix.put("bySubject", bySubject);
        mix.put("regions", byRegion.size());
        mix.put("byRegion", byRegion);
        return mix;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the ranking

    private Map<String, Object> ranking(Path profileDir) throws Exception {
        String coordinator = stack.accessToken(coordinator(RANKING_REGION));
        String path = "/api/need/ranking?limit=50";
        HttpResponse<String> first = api.http.send(get(path, coordinator), HttpResponse.BodyHandlers.ofString());
        if (first.statusCode() != 200) {
            throw new IllegalStateException("Ranking as " + RANKING_REGION + "'s coordinator: "
                    + first.statusCode() + " " + first.body());
        }
        List<String> codes = new ArrayList<>();
        Api.JSON.readTree(first.body()).forEach(school -> codes.add(school.path("vestigingscode").asString("")));
        codes.removeIf(String::isEmpty);
        Map<String, Object> ranking = new LinkedHashMap<>();
        ranking.put("region", RANKING_REGION);
        ranking.put("firstPageSchools", codes.size());
        progress.line("national: ranking of " + RANKING_REGION + " as its coordinator, " + RANKING_CLIENTS
                + " clients, 5 s warm-up + 20 s");
        // need-mapping and its store recorded during the ranking's load: where a ranking request's time goes
        Profiles profiles = new Profiles(profileDir, List.of(
                new Profiles.Target("ranking-need-mapping", stack.pid("need-mapping")),
                new Profiles.Target("ranking-store-need-mapping", stack.pid("store-need-mapping"))));
        profiles.start();
        Map<String, Object> load = RestLoad.run(api, "GET " + path + " (coordinator of " + RANKING_REGION + ")",
                RANKING_CLIENTS, 5, 20, 200, n -> get(path, coordinator));
        ranking.put("profiles", profiles.stopAndRead());
        progress.line("  " + load);
        ranking.put("load", load);
        if (!codes.isEmpty()) {
            progress.line("national: baseline, one school's need (GET /api/need/schools/{code}), same clients, "
                    + "5 s warm-up + 20 s");
            Map<String, Object> baseline = RestLoad.run(api, "GET /api/need/schools/{code} (coordinator of "
                    + RANKING_REGION + ")", RANKING_CLIENTS, 5, 20, 200,
                    n -> get("/api/need/schools/" + codes.get((int) (n % codes.size())), coordinator));
            progress.line("  " + baseline);
            ranking.put("baseline", baseline);
            ranking.put("toBaseline", BenchRun.ratio(((Number) load.get("requestsPerSecond")).doubleValue(),
                    ((Number) baseline.get("requestsPerSecond")).doubleValue()));
        }
        ranking.put("goalMet", ((Number) load.get("requestsPerSecond")).doubleValue() >= 500
                && ((Number) load.get("p99Ms")).doubleValue() <= 50
                && ((Number) load.get("unexpectedStatus")).intValue() == 0);
        return ranking;
    }

    private static HttpRequest get(String path, String token) {
        return HttpRequest.newBuilder(URI.create(Api.NEED_MAPPING + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60)).GET().build();
    }

    // ---------------------------------------------------------------------------------------------------------
    // the stack's own readings

    /** Every region of the register with its schools today. */
    private Map<String, Object> regions(String token) throws Exception {
        HttpResponse<String> response = api.http.send(get("/api/regions", token),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Object> regions = new LinkedHashMap<>();
        if (response.statusCode() != 200) {
            regions.put("status", response.statusCode());
            return regions;
        }
        Map<String, Integer> schools = new TreeMap<>();
        Api.JSON.readTree(response.body()).forEach(region -> schools.put(region.path("code").asString(),
                region.path("schools").asInt()));
        regions.put("regions", schools.size());
        regions.put("withSchools", schools.values().stream().filter(n -> n > 0).count());
        regions.put("schools", schools.values().stream().mapToInt(Integer::intValue).sum());
        regions.put("schoolsPerRegion", schools);
        progress.line("  regions: " + regions.get("regions") + ", with schools " + regions.get("withSchools")
                + ", schools " + regions.get("schools") + ", " + RANKING_REGION + " " + schools.get(RANKING_REGION));
        return regions;
    }

    /** Events published so far per service and type, from each service's {@code instroom.events.published}. */
    private Map<String, Double> eventsPublished() throws Exception {
        Map<String, Double> published = new TreeMap<>();
        for (int port : SERVICE_PORTS) {
            String metrics;
            try {
                metrics = Quiet.prometheus(api, port);
            } catch (IllegalStateException e) {
                progress.line("  " + e.getMessage());
                continue;
            }
            for (String line : metrics.split("\n")) {
                if (line.startsWith("instroom_events_published_total{")) {
                    Matcher type = TYPE.matcher(line);
                    String name = type.find() ? type.group(1) : "?";
                    published.merge(port + " " + name, value(line), Double::sum);
                }
            }
        }
        return published;
    }

    private Map<String, Object> heap() throws Exception {
        String metrics = Quiet.prometheus(api, 8081);
        Map<String, Object> heap = new LinkedHashMap<>();
        heap.put("heapUsedMb", Math.round(sum(metrics, "jvm_memory_used_bytes", "area=\"heap\"") / 1e6));
        heap.put("heapCommittedMb", Math.round(sum(metrics, "jvm_memory_committed_bytes", "area=\"heap\"") / 1e6));
        heap.put("heapMaxMb", Math.round(sum(metrics, "jvm_memory_max_bytes", "area=\"heap\"") / 1e6));
        heap.put("nonHeapUsedMb", Math.round(sum(metrics, "jvm_memory_used_bytes", "area=\"nonheap\"") / 1e6));
        return heap;
    }

    private double heapUsed() throws Exception {
        return sum(Quiet.prometheus(api, 8081), "jvm_memory_used_bytes", "area=\"heap\"");
    }

    /** The sum of a metric's samples, optionally only those whose labels contain {@code label}. */
    static double sum(String metrics, String name, String label) {
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if ((line.startsWith(name + "{") || line.startsWith(name + " "))
                    && (label == null || line.contains(label))) {
                sum += value(line);
            }
        }
        return sum;
    }

    /** The sample's value: the first field after the labels (a timestamp may follow it). */
    static double value(String line) {
        int braceEnd = line.lastIndexOf('}');
        String rest = (braceEnd >= 0 ? line.substring(braceEnd + 1) : line.substring(line.indexOf(' ') + 1)).trim();
        return Double.parseDouble(rest.split(" ")[0]);
    }

    private static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: reported as unknown
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------------------
    // the national file

    static byte[] nationalFile() throws IOException {
        try (InputStream zipped = LocalStack.class.getResourceAsStream(NATIONAL_FILE)) {
            if (zipped == null) {
                throw new IllegalStateException(NATIONAL_FILE + " is not on the class path");
            }
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipped.readAllBytes()))) {
                in.getNextEntry();
                return in.readAllBytes();
            }
        }
    }

    private static int featureCount(byte[] file) {
        return Api.JSON.readTree(file).get("features").size();
    }

    /** The distinct school locations of the file, with their kind and pupils (150 where DUO gives none). */
    static List<School> schools(byte[] file) {
        Map<String, School> schools = new LinkedHashMap<>();
        for (JsonNode feature : Api.JSON.readTree(file).get("features")) {
            JsonNode p = feature.get("properties");
            String code = p.path("vestigingscode").asString("").toUpperCase(Locale.ROOT);
            if (code.matches("[0-9]{2}[A-Z]{2}[0-9]{2}")) {
                int pupils = p.path("leerlingen").isNumber() ? Math.max(10, p.path("leerlingen").asInt()) : 150;
                schools.putIfAbsent(code, new School(code, p.path("type").asString(""), pupils));
            }
        }
        return new ArrayList<>(schools.values());
    }
}
