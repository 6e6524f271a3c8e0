package nl.instroom.mentoring.matching.solver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.instroom.mentoring.matching.domain.Exclusion;
import nl.instroom.mentoring.matching.domain.Matching;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.matching.domain.PairingSolver;
import nl.instroom.mentoring.matching.domain.Participant;

/**
 * Matching a national cohort (issue 21: certified optimal on 2,000 school leaders × 1,200 executives within 1 s,
 * next to a greedy baseline in the same run), with the service's own problem: {@link NationalCohort} generates the
 * sign-ups, the service's {@link Matching} scores and excludes every pair and checks each answer, and the exact
 * solver is the service's {@link AssignmentPairingSolver}, whose "proven optimal" is its own check of the shared
 * library's certificate against the network it solved. The greedy baseline ({@link GreedyPairingSolver}) answers
 * the same problem through the same port. Also the first real round's scale (350 sign-ups) and half the national one.
 *
 * <p>Per size, medians of 5 after warm-up: <em>solve</em> is the solver alone as the port sees it (building the
 * network, solving, verifying the certificate; for greedy, its sort and pass); <em>matching run</em> is all of
 * {@link Matching#propose} (scoring and explaining every pair of the cohort, the solve, checking the answer), what a
 * coordinator's run costs before it is stored. Not part of the test suite: run by mentoring's {@code bench} profile,
 * {@code ./mvnw -B -pl services/mentoring,platform/bench -Pbench -DskipTests -Dbench.scenarios=mentoring-matching
 * verify} (after installing what they need) or the whole benchmark from the root; results go to
 * {@code services/mentoring/target/bench/mentoring-matching.{json,md}}, which {@code platform/bench} reports
 * ({@code -Dbench.scenarios=mentoring-matching}).
 */
public final class CohortMatchingBenchmark {

    private static final int REPEATS = 5;
    private static final int[][] SIZES = {{200, 150}, {1_000, 600}, {2_000, 1_200}};

    record Row(int leaders, int executives, int places, long allPairs, int candidates,
            Map<Exclusion, Integer> excluded, int pins, long solveMillis, long runMillis, long objective, int pairs,
            boolean certified, long greedySolveMillis, long greedyRunMillis, long greedyObjective, int greedyPairs) {
    }

    /** The port with a stopwatch: how long the solver itself took, apart from building and checking around it. */
    static final class Timed implements PairingSolver {
        private final PairingSolver solver;
        long nanos;

        Timed(PairingSolver solver) {
            this.solver = solver;
        }

        @Override
        public Solution solve(Problem problem) {
            long start = System.nanoTime();
            Solution solution = solver.solve(problem);
            nanos = System.nanoTime() - start;
            return solution;
        }
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        warmUp();
        List<Row> rows = new ArrayList<>();
        for (int[] size : SIZES) {
            rows.add(measure(size[0], size[1]));
        }
        String machine = machine();
        Files.createDirectories(out);
        Files.writeString(out.resolve("mentoring-matching.json"), json(rows, machine));
        Files.writeString(out.resolve("mentoring-matching.md"), "Machine: " + machine + "\n\n" + markdown(rows));
        System.out.println();
        System.out.println("Machine: " + machine);
        System.out.println(markdown(rows));
        System.out.println("Written to " + out.toAbsolutePath().resolve("mentoring-matching.{json,md}"));
        if (rows.stream().anyMatch(r -> !r.certified() || r.objective() < r.greedyObjective())) {
            throw new IllegalStateException("An exact result failed its certificate or fell below greedy");
        }
    }

    private static Row measure(int leaders, int executives) {
        System.out.printf(Locale.ROOT, "%,d school leaders × %,d executives: generating…%n", leaders, executives);
        NationalCohort cohort = NationalCohort.of(leaders, executives, 2026L + leaders);
        Matching matching = cohort.matching();
        long[] solve = new long[REPEATS];
        long[] run = new long[REPEATS];
        Matching.Proposal exact = null;
        for (int r = 0; r < REPEATS; r++) {
            Timed solver = new Timed(new AssignmentPairingSolver());
            long start = System.nanoTime();
            exact = matching.propose(solver);
            run[r] = (System.nanoTime() - start) / 1_000_000;
            solve[r] = solver.nanos / 1_000_000;
        }
        long[] greedySolve = new long[REPEATS];
        long[] greedyRun = new long[REPEATS];
        Matching.Proposal greedy = null;
        for (int r = 0; r < REPEATS; r++) {
            Timed solver = new Timed(new GreedyPairingSolver());
            long start = System.nanoTime();
            greedy = matching.propose(solver);
            greedyRun[r] = (System.nanoTime() - start) / 1_000_000;
            greedySolve[r] = solver.nanos / 1_000_000;
        }
        Row row = new Row(leaders, executives, cohort.places(), (long) leaders * executives, exact.candidates(),
                excluded(cohort, matching), cohort.rules.pins().size(), median(solve), median(run),
                exact.objective(), exact.pairs().size(), exact.provenOptimal(), median(greedySolve),
                median(greedyRun), greedy.objective(), greedy.pairs().size());
        System.out.printf(Locale.ROOT, "   exact: solve %d ms, matching run %d ms, objective %d, %d pairs, certified"
                + " optimal: %s; greedy: solve %d ms, run %d ms, objective %d, %d pairs; exact ÷ greedy objective"
                + " %.4f, solve time %.2f%n", row.solveMillis(), row.runMillis(), row.objective(), row.pairs(),
                row.certified() ? "yes" : "NO", row.greedySolveMillis(), row.greedyRunMillis(), row.greedyObjective(),
                row.greedyPairs(), (double) row.objective() / row.greedyObjective(),
                (double) row.solveMillis() / Math.max(1, row.greedySolveMillis()));
        return row;
    }

    /** How many pairs each hard rule excludes (a pair can fall under several), from the service's explanations. */
    private static Map<Exclusion, Integer> excluded(NationalCohort cohort, Matching matching) {
        Map<Exclusion, Integer> counts = new EnumMap<>(Exclusion.class);
        for (Exclusion kind : Exclusion.values()) {
            counts.put(kind, 0);
        }
        for (Participant leader : cohort.leaders) {
            for (Participant executive : cohort.executives) {
                for (Exclusion kind : matching.explain(new PairKey(leader.signUpId(), executive.signUpId()))
                        .exclusions()) {
                    counts.merge(kind, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Lets the JIT compile the hot paths first, so the first measured size is not slow by accident. */
    private static void warmUp() {
        System.out.println("warming up: 4 runs of each solver on a 2,000 × 1,200 cohort");
        Matching matching = NationalCohort.of(2_000, 1_200, 1).matching();
        for (int i = 0; i < 4; i++) {
            matching.propose(new AssignmentPairingSolver());
            matching.propose(new GreedyPairingSolver());
        }
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    /** Cores, CPU model (from /proc/cpuinfo where there is one), load average at the end, Java version. */
    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // Not Linux: the model stays unknown.
        }
        return String.format(Locale.ROOT, "%d cores (shared), %s, load average %.1f, Java %s",
                Runtime.getRuntime().availableProcessors(), cpu,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"));
    }

    private static String json(List<Row> rows, String machine) {
        StringBuilder b = new StringBuilder("{\n  \"benchmark\": \"mentoring-matching\",\n  \"machine\": \"")
                .append(machine.replace("\"", "'")).append("\",\n  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String excluded = r.excluded().entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\": " + e.getValue()).collect(Collectors.joining(", "));
            b.append(String.format(Locale.ROOT, "    {\"leaders\": %d, \"executives\": %d, \"places\": %d, "
                    + "\"allPairs\": %d, \"candidates\": %d, \"excluded\": {%s}, \"pins\": %d, "
                    + "\"solveMillis\": %d, \"runMillis\": %d, \"objective\": %d, \"pairs\": %d, "
                    + "\"certifiedOptimal\": %s, \"greedySolveMillis\": %d, \"greedyRunMillis\": %d, "
                    + "\"greedyObjective\": %d, \"greedyPairs\": %d, \"objectiveRatioExactToGreedy\": %.4f, "
                    + "\"solveTimeRatioExactToGreedy\": %.2f}%s%n", r.leaders(), r.executives(), r.places(),
                    r.allPairs(), r.candidates(), excluded, r.pins(), r.solveMillis(), r.runMillis(), r.objective(),
                    r.pairs(), r.certified(), r.greedySolveMillis(), r.greedyRunMillis(), r.greedyObjective(),
                    r.greedyPairs(), (double) r.objective() / r.greedyObjective(),
                    (double) r.solveMillis() / Math.max(1, r.greedySolveMillis()), i < rows.size() - 1 ? "," : ""));
        }
        return b.append("  ]\n}\n").toString();
    }

    private static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| school leaders × executives (places) | candidate pairs | exact solve, "
                + "certified (ms) | objective | pairs | optimal (certificate) | greedy solve (ms) | greedy objective "
                + "| greedy pairs | exact ÷ greedy objective | exact ÷ greedy solve time | matching run, exact / "
                + "greedy (ms) |\n|---|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %,d × %,d (%,d) | %,d of %,d | %,d | %,d | %,d | %s | %,d | %,d "
                    + "| %,d | %.4f | %.2f | %,d / %,d |%n", r.leaders(), r.executives(), r.places(), r.candidates(),
                    r.allPairs(), r.solveMillis(), r.objective(), r.pairs(), r.certified() ? "yes" : "NO",
                    r.greedySolveMillis(), r.greedyObjective(), r.greedyPairs(),
                    (double) r.objective() / r.greedyObjective(),
                    (double) r.solveMillis() / Math.max(1, r.greedySolveMillis()), r.runMillis(),
                    r.greedyRunMillis()));
        }
        return b.toString();
    }
}
