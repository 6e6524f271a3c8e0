package nl.instroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures as Markdown between markers in docs/performance.md, and the latency chart as hand-written SVG. */
final class Report {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";
    /** The route finder's own section, so a run of that scenario alone leaves the rest of the figures as they are. */
    static final String ROUTE_FINDER_BEGIN = "<!-- bench:route-finder:begin -->";
    static final String ROUTE_FINDER_END = "<!-- bench:route-finder:end -->";

    /** The national scenario's own section (issue 16). */
    static final String NATIONAL_BEGIN = "<!-- bench:national:begin -->";
    static final String NATIONAL_END = "<!-- bench:national:end -->";

    private Report() {
    }

    /** Replaces what is between the markers, so a re-run replaces the figures and keeps the prose around them. */
    static String replaceBetweenMarkers(String document, String figures) {
        return replaceBetweenMarkers(document, BEGIN, END, figures);
    }

    static String replaceBetweenMarkers(String document, String beginMarker, String endMarker, String figures) {
        int begin = document.indexOf(beginMarker);
        int end = document.indexOf(endMarker);
        if (begin < 0 || end < begin) {
            return document + "\n" + beginMarker + "\n" + figures + endMarker + "\n";
        }
        return document.substring(0, begin + beginMarker.length()) + "\n" + figures + document.substring(end);
    }

    static void writeDoc(Path doc, String figures) throws IOException {
        writeDoc(doc, BEGIN, END, figures);
    }

    static void writeDoc(Path doc, String beginMarker, String endMarker, String figures) throws IOException {
        String existing = Files.exists(doc) ? Files.readString(doc) : "# Performance\n";
        Files.writeString(doc, replaceBetweenMarkers(existing, beginMarker, endMarker, figures));
    }

    /** The national scenario's section: import, the 10,000 vacancies, events, memory, the ranking. */
    @SuppressWarnings("unchecked")
    static String nationalMarkdown(Map<String, Object> result) {
        Map<String, Object> machine = (Map<String, Object>) result.get("machine");
        Map<String, Object> broker = (Map<String, Object>) result.get("brokerBaseline");
        Map<String, Object> store = (Map<String, Object>) result.get("storeBaseline");
        Map<String, Object> national = (Map<String, Object>) result.get("national");
        Map<String, Object> imported = (Map<String, Object>) national.get("schoolImport");
        Map<String, Object> regions = (Map<String, Object>) national.get("regions");
        Map<String, Object> mix = (Map<String, Object>) national.get("vacancyMix");
        Map<String, Object> v = (Map<String, Object>) national.get("vacancies");
        Map<String, Object> ranking = (Map<String, Object>) national.get("ranking");
        Map<String, Object> load = (Map<String, Object>) ranking.get("load");
        Map<String, Object> baseline = (Map<String, Object>) ranking.get("baseline");
        StringBuilder md = new StringBuilder();
        md.append("_Run ").append(result.get("startedAt")).append(", ").append(machine.get("cores"))
                .append(" cores (shared), ").append(machine.get("memoryGb")).append(" GB, Java ")
                .append(machine.get("java")).append(", ").append(machine.get("os"))
                .append("; the whole local stack on the same cores, tracing sampling ").append(BenchRun.SAMPLING)
                .append("; whole run ").append(result.get("runSeconds"))
                .append(" s. Raw data: `platform/bench/target/bench/national.json`._\n\n");
        md.append("| Baseline (same run) | Rate |\n|---|---:|\n");
        md.append("| Kafka `ProducerPerformance`, 300,000 × 400 B, acks=all | ").append(String.format(Locale.ROOT,
                "%,.0f", ((Number) broker.get("recordsPerSecond")).doubleValue())).append(" records/s |\n");
        md.append("| need-mapping's store, 20,000 single inserts | ").append(String.format(Locale.ROOT, "%,.0f",
                ((Number) store.get("insertsPerSecond")).doubleValue())).append(" inserts/s |\n\n");
        md.append("**National import** (`POST /api/schools/import`, admin): ").append(imported.get("features"))
                .append(" features; registered ").append(imported.get("registered")).append(", unchanged ")
                .append(imported.get("unchanged")).append(", updated ").append(imported.get("updated"))
                .append(", duplicates in the file ").append(imported.get("duplicatesInFile")).append(", rejected ")
                .append(imported.get("rejected")).append("; the request took ").append(imported.get("httpSeconds"))
                .append(" s, its events were through (outbox empty, tutoring caught up) after ")
                .append(imported.get("secondsUntilEventsThrough")).append(" s. Register: ")
                .append(regions.get("regions")).append(" regions, ").append(regions.get("withSchools"))
                .append(" with schools, ").append(regions.get("schools")).append(" schools.\n\n");
        md.append("**10,000 vacancies** (seed ").append(mix.get("seed")).append(", ").append(mix.get("schools"))
                .append(" schools of every region, ").append(mix.get("fte")).append(" FTE) in ")
                .append(v.get("regions")).append(" regions, as ").append(v.get("uploads"))
                .append(" CSV uploads by each region's coordinator (at most ").append(National.BATCH)
                .append(" rows each), ").append(National.UPLOADS_IN_FLIGHT).append(" at a time:\n\n");
        md.append("| Figure | Value |\n|---|---:|\n");
        row(md, "vacancies opened (uploads answered after)", v.get("opened") + " (" + v.get("uploadsAnsweredSeconds")
                + " s)");
        row(md, "every `VacancyOpened` on the topic after", v.get("secondsUntilEveryVacancyPublished") + " s");
        row(md, "**every vacancy applied by tutoring after**", "**" + v.get("secondsUntilEveryVacancyApplied")
                + " s**");
        row(md, "last resulting `SchoolNeedChanged` published after", v.get("secondsUntilLastNeedChangePublished")
                + " s");
        row(md, "**… and applied by tutoring after**", "**" + v.get("secondsUntilLastNeedChangeApplied") + " s**");
        row(md, "goal ≤ " + v.get("goalSeconds") + " s met", Boolean.TRUE.equals(v.get("goalMet")) ? "yes" : "**no**");
        row(md, "schools with vacancies / whose last need change counts all their vacancies / with one published "
                + "after their last vacancy's event", v.get("schoolsWithVacancies") + " / "
                + v.get("schoolsWithNeedCountingEveryVacancy") + " / "
                + v.get("schoolsWithNeedChangePublishedAfterLastVacancy"));
        row(md, "vacancies applied per second (end to end)", v.get("vacanciesAppliedPerSecond") + " = "
                + v.get("toStoreBaseline") + " of the store baseline, " + v.get("toBrokerBaseline")
                + " of the broker baseline");
        row(md, "events published (all services) / per vacancy", v.get("eventsPublished") + " / "
                + v.get("eventsPerVacancy"));
        row(md, "`SchoolNeedChanged` since the burst / per vacancy", v.get("needChangesSinceStart") + " / "
                + v.get("needChangesPerVacancy"));
        Map<String, Object> before = (Map<String, Object>) national.get("heapBeforeImport");
        Map<String, Object> afterImport = (Map<String, Object>) national.get("heapAfterImport");
        Map<String, Object> after = (Map<String, Object>) national.get("heapAfterVacancies");
        row(md, "need-mapping heap used: before import / after import / peak in the burst / after (max)",
                before.get("heapUsedMb") + " / " + afterImport.get("heapUsedMb") + " / "
                        + v.get("needMappingHeapPeakMb") + " / " + after.get("heapUsedMb") + " MB ("
                        + after.get("heapMaxMb") + " MB)");
        row(md, "need-mapping resident set after", national.get("needMappingRssMb") + " MB");
        md.append("\nEvents by service port and type: `").append(v.get("eventsPublishedByServiceAndType"))
                .append("`\n\n");
        md.append("**Ranking** of ").append(ranking.get("region")).append(" (")
                .append(((Map<String, Object>) regions.get("schoolsPerRegion")).get(ranking.get("region")))
                .append(" schools) as its coordinator, closed loop, ").append(load.get("clients"))
                .append(" clients, ").append(load.get("seconds")).append(" s after a 5 s warm-up:\n\n");
        md.append("| Endpoint | Requests/s | p50 | p95 | p99 | Unexpected status |\n|---|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> each : baseline == null ? List.of(load) : List.of(load, baseline)) {
            md.append("| `").append(each.get("endpoint")).append("` | ").append(each.get("requestsPerSecond"))
                    .append(" | ").append(ms(each.get("p50Ms"))).append(" | ").append(ms(each.get("p95Ms")))
                    .append(" | ").append(ms(each.get("p99Ms"))).append(" | ").append(each.get("unexpectedStatus"))
                    .append(" |\n");
        }
        md.append("\nRanking requests per second = ").append(ranking.get("toBaseline"))
                .append(" of the baseline's; goal ≥ 500/s with p99 ≤ 50 ms ")
                .append(Boolean.TRUE.equals(ranking.get("goalMet")) ? "met" : "**not met**").append(".\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String what, Object value) {
        md.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    /** The route finder's section: its walks against its baseline, with the run's machine. */
    @SuppressWarnings("unchecked")
    static String routeFinderMarkdown(Map<String, Object> result) {
        Map<String, Object> machine = (Map<String, Object>) result.get("machine");
        Map<String, Object> routeFinder = (Map<String, Object>) result.get("routeFinder");
        Map<String, Object> walks = (Map<String, Object>) routeFinder.get("walks");
        Map<String, Object> baseline = (Map<String, Object>) routeFinder.get("baseline");
        StringBuilder md = new StringBuilder();
        md.append("_Run ").append(result.get("startedAt")).append(", ").append(machine.get("cores"))
                .append(" cores (shared), ").append(machine.get("memoryGb")).append(" GB, Java ")
                .append(machine.get("java")).append(", ").append(machine.get("os"))
                .append("; the whole local stack running, tracing sampling ").append(BenchRun.SAMPLING)
                .append("._\n\n");
        md.append("| What | Clients | Rate | p50 | p95 | p99 | max | Unexpected status |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append("| Route finder answers (start, each answer, routes)")
                .append(walks.containsKey("warmupSeconds") ? ", after " + walks.get("warmupSeconds") + " s" : "")
                .append(" | ").append(walks.get("clients")).append(" | ")
                .append(walks.get("answersPerSecond")).append(" answers/s (")
                .append(walks.get("walksCompletedPerSecond")).append(" walks/s) | ").append(ms(walks.get("p50Ms")))
                .append(" | ").append(ms(walks.get("p95Ms"))).append(" | ").append(ms(walks.get("p99Ms")))
                .append(" | ").append(ms(walks.get("maxMs"))).append(" | ").append(walks.get("unexpectedStatus"))
                .append(" |\n");
        Map<String, Object> byKind = (Map<String, Object>) walks.get("byKind");
        for (Map.Entry<String, Object> kind : byKind.entrySet()) {
            Map<String, Object> figures = (Map<String, Object>) kind.getValue();
            md.append("| … of which `").append(kind.getKey()).append("` | | ").append(figures.get("perSecond"))
                    .append(" /s | ").append(ms(figures.get("p50Ms"))).append(" | | ")
                    .append(ms(figures.get("p99Ms"))).append(" | | |\n");
        }
        Map<String, Object> early = (Map<String, Object>) walks.get("afterShortWarmup");
        if (early != null) {
            md.append("| The same walks, seconds ").append(early.get("fromSecond")).append("–")
                    .append(early.get("toSecond")).append(" (JIT compilers still at work) | ")
                    .append(walks.get("clients")).append(" | ").append(early.get("answersPerSecond"))
                    .append(" answers/s | ").append(ms(early.get("p50Ms"))).append(" | ")
                    .append(ms(early.get("p95Ms"))).append(" | ").append(ms(early.get("p99Ms"))).append(" | ")
                    .append(ms(early.get("maxMs"))).append(" | |\n");
        }
        md.append("| Baseline: `GET /api/route-finder/sessions/{id}` | ").append(baseline.get("clients"))
                .append(" | ").append(baseline.get("requestsPerSecond")).append(" reads/s | ")
                .append(ms(baseline.get("p50Ms"))).append(" | ").append(ms(baseline.get("p95Ms"))).append(" | ")
                .append(ms(baseline.get("p99Ms"))).append(" | | ").append(baseline.get("unexpectedStatus"))
                .append(" |\n\n");
        md.append("Answers per second = ").append(routeFinder.get("toBaseline"))
                .append(" of the baseline's reads per second. Raw data: `platform/bench/target/bench/")
                .append(result.containsKey("runs") ? "result.json" : "route-finder.json").append("`.\n");
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> result) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) result.get("machine");
        md.append("_Run ").append(result.get("startedAt")).append(", ").append(machine.get("cores"))
                .append(" cores, ").append(machine.get("memoryGb")).append(" GB, Java ").append(machine.get("java"))
                .append(", ").append(machine.get("os")).append("; whole run ").append(result.get("runSeconds"))
                .append(" s. Raw data: `platform/bench/target/bench/result.json`._\n\n");

        Map<String, Object> broker = (Map<String, Object>) result.get("brokerBaseline");
        Map<String, Object> store = (Map<String, Object>) result.get("storeBaseline");
        md.append("### Baselines\n\n| Part | Method | Rate | p50 | p95 | p99 |\n|---|---|---:|---:|---:|---:|\n");
        md.append("| Kafka broker | ProducerPerformance, ").append(broker.get("records")).append(" × ")
                .append(broker.get("recordSizeBytes")).append(" B, acks=all | ")
                .append(num(broker.get("recordsPerSecond"))).append(" records/s (")
                .append(broker.get("megabytesPerSecond")).append(" MB/s) | ").append(ms(broker.get("p50Ms")))
                .append(" | ").append(ms(broker.get("p95Ms"))).append(" | ").append(ms(broker.get("p99Ms")))
                .append(" |\n");
        md.append("| Store (need-mapping's) | ").append(store.get("documents"))
                .append(" single vacancy-shaped inserts, one thread | ").append(num(store.get("insertsPerSecond")))
                .append(" docs/s | ").append(ms(store.get("p50Ms"))).append(" | ").append(ms(store.get("p95Ms")))
                .append(" | ").append(ms(store.get("p99Ms"))).append(" |\n");
        Map<String, Object> durable = (Map<String, Object>) result.get("durableInserts");
        if (durable != null) {
            md.append("| Store, durable against plain | ").append(durable.get("method")).append(" | ")
                    .append(num(durable.get("durableInsertsPerSecond"))).append(" journaled docs/s against ")
                    .append(num(durable.get("plainInsertsPerSecond"))).append(" plain = **")
                    .append(durable.get("durableToPlain")).append("×** | | | |\n");
        }
        md.append("\n");

        for (Map<String, Object> run : (List<Map<String, Object>>) result.get("runs")) {
            md.append("### Event pipeline, tracing sampling ").append(run.get("samplingProbability")).append("\n\n");
            md.append("| Offered /s | Accepted /s | 429 | HTTP p50 / p99 | Vacancy applied /s | "
                    + "Vacancy→applied p50 / p95 / p99 | Need changes applied /s | "
                    + "Vacancy→need applied p50 / p95 / p99 | |\n");
            md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
            for (Map<String, Object> step : (List<Map<String, Object>>) run.get("pipeline")) {
                md.append("| ").append(step.get("offeredPerSecond")).append(" | ").append(step.get("acceptedPerSecond"))
                        .append(" | ").append(step.get("rejected429")).append(" | ").append(ms(step.get("httpP50Ms")))
                        .append(" / ").append(ms(step.get("httpP99Ms"))).append(" | ")
                        .append(step.get("vacancyEventsPerSecond")).append(" | ").append(ms(step.get("vacancyP50Ms")))
                        .append(" / ").append(ms(step.get("vacancyP95Ms"))).append(" / ")
                        .append(ms(step.get("vacancyP99Ms"))).append(" | ").append(step.get("needChangesPerSecond"))
                        .append(" | ").append(ms(step.get("needP50Ms"))).append(" / ").append(ms(step.get("needP95Ms")))
                        .append(" / ").append(ms(step.get("needP99Ms"))).append(" | ")
                        .append(Boolean.TRUE.equals(step.get("saturated")) ? "**saturated**" : "").append(" |\n");
            }
            Map<String, Object> ratios = (Map<String, Object>) run.get("ratios");
            md.append("\nHighest sustained vacancy rate: **").append(ratios.get("sustainedEventsPerSecond"))
                    .append(" events/s** = ").append(ratios.get("toBrokerBaseline"))
                    .append(" of the broker baseline and ").append(ratios.get("toStoreBaseline"))
                    .append(" of the store baseline (**").append(ratios.get("storeBaselineMultiple"))
                    .append("×** the store's single-insert rate).\n\n");
            Map<String, Object> half = (Map<String, Object>) run.get("halfLoad");
            if (half != null) {
                md.append("At half that rate (").append(half.get("offeredPerSecond"))
                        .append("/s offered, ").append(half.get("vacancyEventsPerSecond"))
                        .append("/s applied): vacancy→applied p50 / p95 / p99 ").append(ms(half.get("vacancyP50Ms")))
                        .append(" / ").append(ms(half.get("vacancyP95Ms"))).append(" / ")
                        .append(ms(half.get("vacancyP99Ms"))).append("; HTTP p50 / p99 ")
                        .append(ms(half.get("httpP50Ms"))).append(" / ").append(ms(half.get("httpP99Ms")))
                        .append(".\n\n");
            }
            md.append("REST (closed loop, after warm-up):\n\n| Endpoint | Clients | Requests/s | p50 | p95 | p99 | "
                    + "Unexpected status |\n|---|---:|---:|---:|---:|---:|---:|\n");
            for (Map<String, Object> rest : (List<Map<String, Object>>) run.get("rest")) {
                md.append("| `").append(rest.get("endpoint")).append("` | ").append(rest.get("clients")).append(" | ")
                        .append(rest.get("requestsPerSecond")).append(" | ").append(ms(rest.get("p50Ms")))
                        .append(" | ").append(ms(rest.get("p95Ms"))).append(" | ").append(ms(rest.get("p99Ms")))
                        .append(" | ").append(rest.get("unexpectedStatus")).append(" |\n");
            }
            md.append("\n");
        }

        md.append("### Matching (tutoring, exact min-cost flow vs greedy)\n\n");
        List<Map<String, Object>> matching = (List<Map<String, Object>>) result.get("matching");
        if (matching == null || matching.isEmpty()) {
            md.append("_services/tutoring/target/bench/matching.json was not found in this run._\n\n");
        } else {
            md.append("| Tutors | Schools | Allowed pairs | Solve ms | Objective | Certified optimal | Greedy ms | "
                    + "Greedy objective | Exact ÷ greedy objective | Exact ÷ greedy time |\n"
                    + "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n");
            for (Map<String, Object> row : matching) {
                md.append("| ").append(row.get("tutors")).append(" | ").append(row.get("schools")).append(" | ")
                        .append(row.get("allowedPairs")).append(" | ").append(row.get("solveMillis")).append(" | ")
                        .append(row.get("objective")).append(" | ").append(row.get("certifiedOptimal")).append(" | ")
                        .append(row.get("greedyMillis")).append(" | ").append(row.get("greedyObjective"))
                        .append(" | ").append(row.get("objectiveRatioExactToGreedy")).append(" | ")
                        .append(row.get("timeRatioExactToGreedy")).append(" |\n");
            }
            md.append("\n");
        }
        Map<String, Object> profiles = (Map<String, Object>) result.get("profiles");
        if (profiles != null && !profiles.isEmpty()) {
            md.append("### Where the CPU went during the steps (JFR execution samples)\n\n")
                    .append("| Process | CPU samples | Top libraries (share of samples) | First Instroom frame |\n")
                    .append("|---|---:|---|---|\n");
            profiles.forEach((name, value) -> {
                Map<String, Object> reading = (Map<String, Object>) value;
                md.append("| ").append(name).append(" | ").append(reading.get("cpuSamples")).append(" | ")
                        .append(shares((List<Map<String, Object>>) reading.get("libraries"), 4)).append(" | ")
                        .append(shares((List<Map<String, Object>>) reading.get("firstInstroomFrame"), 3))
                        .append(" |\n");
            });
            md.append("\n");
        }
        md.append("![End-to-end latency against offered load](performance/latency-vs-load.svg)\n\n");
        return md.toString();
    }

    private static String shares(List<Map<String, Object>> rows, int limit) {
        if (rows == null) {
            return "";
        }
        return String.join("; ", rows.stream().limit(limit)
                .map(row -> "`" + row.get("name") + "` " + row.get("percent") + " %").toList());
    }

    private static String num(Object value) {
        return String.format(Locale.ROOT, "%,.0f", ((Number) value).doubleValue());
    }

    private static String ms(Object value) {
        double v = ((Number) value).doubleValue();
        return Double.isNaN(v) ? "–" : (v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v)) + " ms";
    }

    /** Latency p50/p95/p99 (vacancy → applied by tutoring) against offered load, log scale, tracing on and off. */
    @SuppressWarnings("unchecked")
    static String svg(List<Map<String, Object>> runs) {
        int width = 760;
        int height = 440;
        int left = 70;
        int right = 190;
        int top = 40;
        int bottom = 60;
        List<Integer> loads = new java.util.ArrayList<>();
        double max = 10;
        double min = 1000;
        for (Map<String, Object> run : runs) {
            for (Map<String, Object> step : (List<Map<String, Object>>) run.get("pipeline")) {
                int load = ((Number) step.get("offeredPerSecond")).intValue();
                if (!loads.contains(load)) {
                    loads.add(load);
                }
                for (String key : List.of("vacancyP50Ms", "vacancyP95Ms", "vacancyP99Ms")) {
                    double v = ((Number) step.get(key)).doubleValue();
                    if (!Double.isNaN(v) && v > 0) {
                        max = Math.max(max, v);
                        min = Math.min(min, v);
                    }
                }
            }
        }
        java.util.Collections.sort(loads);
        double lo = Math.pow(10, Math.floor(Math.log10(Math.max(1, min))));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append("<text x=\"").append(width / 2 - 60).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">"
                + "Vacancy opened → applied by tutoring: latency against offered load</text>\n");
        for (double tick = lo; tick <= hi * 1.0001; tick *= 10) {
            double y = top + plotH - (Math.log10(tick) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * plotH;
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#ddd\"/>\n", left, y, left + plotW, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                    left - 6, y + 4, tick >= 1000 ? (long) (tick / 1000) + " s" : (long) tick + " ms"));
        }
        for (int i = 0; i < loads.size(); i++) {
            double x = xOf(i, loads.size(), left, plotW);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" "
                    + "stroke=\"#eee\"/>\n", x, top, x, top + plotH));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d</text>\n",
                    x, top + plotH + 18, loads.get(i)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">offered load "
                + "(vacancy openings per second)</text>\n", left + plotW / 2, height - 15));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
                + "stroke=\"#333\"/>\n", left, top, plotW, plotH));
        String[] keys = {"vacancyP50Ms", "vacancyP95Ms", "vacancyP99Ms"};
        String[] names = {"p50", "p95", "p99"};
        String[] colours = {"#1b9e77", "#d95f02", "#7570b3"};
        int legendY = top + 10;
        for (Map<String, Object> run : runs) {
            double sampling = ((Number) run.get("samplingProbability")).doubleValue();
            String dash = sampling > 0 ? "" : " stroke-dasharray=\"6 4\"";
            String label = sampling > 0 ? "tracing on" : "tracing off";
            for (int k = 0; k < keys.length; k++) {
                StringBuilder points = new StringBuilder();
                for (Map<String, Object> step : (List<Map<String, Object>>) run.get("pipeline")) {
                    double v = ((Number) step.get(keys[k])).doubleValue();
                    if (Double.isNaN(v) || v <= 0) {
                        continue;
                    }
                    double x = xOf(loads.indexOf(((Number) step.get("offeredPerSecond")).intValue()), loads.size(),
                            left, plotW);
                    double y = top + plotH - (Math.log10(Math.max(v, lo)) - Math.log10(lo))
                            / (Math.log10(hi) - Math.log10(lo)) * plotH;
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>\n",
                            x, y, colours[k]));
                }
                s.append("<polyline fill=\"none\" stroke=\"").append(colours[k]).append("\" stroke-width=\"2\"")
                        .append(dash).append(" points=\"").append(points.toString().trim()).append("\"/>\n");
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" "
                        + "stroke-width=\"2\"%s/>\n", left + plotW + 15, legendY, left + plotW + 45, legendY,
                        colours[k], dash));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s, %s</text>\n", left + plotW + 52,
                        legendY + 4, names[k], label));
                legendY += 20;
            }
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double xOf(int index, int count, int left, double plotW) {
        return count == 1 ? left + plotW / 2 : left + 30 + index * (plotW - 60) / (count - 1);
    }
}
