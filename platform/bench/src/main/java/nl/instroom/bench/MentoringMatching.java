package nl.instroom.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Cross-mentoring's matching on national-scale cohorts (issue 21: certified optimal on 2,000 school leaders × 1,200
 * executives within 1 s, next to a greedy baseline in the same run), scenario {@code mentoring-matching}.
 *
 * <p>The cohorts, their scores and exclusions are the mentoring service's own ({@code NationalCohort},
 * {@code Matching}, its solver adapter), so they are measured in the service's module by its benchmark
 * ({@code CohortMatchingBenchmark}, mentoring's {@code bench} profile, earlier in the same reactor run): this module
 * imports no service's code (the architecture's rule), and driving the service over HTTP would measure the store
 * and the network, not the solve. Here the result file that benchmark wrote is read and reported, as tutoring's
 * matching benchmark is, in its own section of docs/performance.md.
 */
final class MentoringMatching {

    static final String BEGIN = "<!-- bench:mentoring-matching:begin -->";
    static final String END = "<!-- bench:mentoring-matching:end -->";
    static final String RESULT = "services/mentoring/target/bench/mentoring-matching.json";
    /** Issue 21's target for the 2,000 × 1,200 solve. */
    static final long TARGET_MILLIS = 1_000;

    private MentoringMatching() {
    }

    /** The scenario alone: reads the benchmark's result and rewrites only its section of docs/performance.md. */
    static void only(Path root, BenchRun.Progress progress) throws Exception {
        Path json = root.resolve(RESULT);
        if (!Files.exists(json)) {
            throw new IllegalStateException(json + " is missing: run mentoring's benchmark in the same build, "
                    + "./mvnw -B -pl services/mentoring,platform/bench -Pbench -DskipTests "
                    + "-Dbench.scenarios=mentoring-matching verify");
        }
        String md = markdown(read(json));
        Report.writeDoc(root.resolve("docs/performance.md"), BEGIN, END, md);
        progress.line("mentoring matching: the section of docs/performance.md from " + json);
        System.out.println(md);
    }

    /** In the whole run: the section too, when mentoring's benchmark ran in the same build. */
    static void ifPresent(Path root, BenchRun.Progress progress) throws Exception {
        if (Files.exists(root.resolve(RESULT))) {
            only(root, progress);
        } else {
            progress.line("mentoring matching: " + RESULT + " not found (run with -Pbench from the root)");
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path json) throws Exception {
        JsonNode tree = Api.JSON.readTree(json.toFile());
        return Api.JSON.convertValue(tree, Map.class);
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> result) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) result.get("rows");
        StringBuilder md = new StringBuilder("_").append(result.get("machine"))
                .append("; raw data: `").append(RESULT).append("`._\n\n");
        md.append("| school leaders × executives (places) | candidate pairs | excluded by a hard rule | pins "
                + "| exact solve, certified (ms) | objective | pairs | optimal (certificate) | greedy solve (ms) "
                + "| greedy objective (pairs) | exact ÷ greedy objective | exact ÷ greedy solve time "
                + "| whole matching run, exact / greedy (ms) |\n"
                + "|---|---:|---|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|\n");
        Map<String, Object> national = null;
        for (Map<String, Object> r : rows) {
            Map<String, Object> excluded = (Map<String, Object>) r.get("excluded");
            List<String> kinds = new ArrayList<>();
            excluded.forEach((kind, count) -> kinds.add(String.format(Locale.ROOT, "%s %,d",
                    kind.toLowerCase(Locale.ROOT).replace('_', ' '), num(count))));
            md.append(String.format(Locale.ROOT, "| %,d × %,d (%,d) | %,d of %,d | %s | %d | %,d | %,d | %,d | %s "
                    + "| %,d | %,d (%,d) | %.4f | %.2f | %,d / %,d |%n", num(r.get("leaders")),
                    num(r.get("executives")), num(r.get("places")), num(r.get("candidates")), num(r.get("allPairs")),
                    String.join(", ", kinds), num(r.get("pins")), num(r.get("solveMillis")), num(r.get("objective")),
                    num(r.get("pairs")), Boolean.TRUE.equals(r.get("certifiedOptimal")) ? "yes" : "**NO**",
                    num(r.get("greedySolveMillis")), num(r.get("greedyObjective")), num(r.get("greedyPairs")),
                    ((Number) r.get("objectiveRatioExactToGreedy")).doubleValue(),
                    ((Number) r.get("solveTimeRatioExactToGreedy")).doubleValue(), num(r.get("runMillis")),
                    num(r.get("greedyRunMillis"))));
            if (num(r.get("leaders")) == 2_000 && num(r.get("executives")) == 1_200) {
                national = r;
            }
        }
        if (national != null) {
            long solve = num(national.get("solveMillis"));
            boolean certified = Boolean.TRUE.equals(national.get("certifiedOptimal"));
            md.append(String.format(Locale.ROOT, "%nIssue 21's target, 2,000 × 1,200 certified optimal in ≤ %,d ms: "
                    + "**%s** (%,d ms, certificate %s; greedy %,d ms and %.2f %% below the optimum).%n",
                    TARGET_MILLIS, solve <= TARGET_MILLIS && certified ? "met" : "not met", solve,
                    certified ? "verified" : "NOT verified", num(national.get("greedySolveMillis")),
                    100.0 * (1 - num(national.get("greedyObjective")) / (double) num(national.get("objective")))));
        }
        return md.toString();
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }
}
