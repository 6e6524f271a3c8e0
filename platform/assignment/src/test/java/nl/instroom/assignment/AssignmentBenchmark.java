package nl.instroom.assignment;

import com.google.ortools.Loader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The exact assignment on generated cross-mentoring cohorts up to 2,000 school leaders × 1,200 executives (every
 * pair a candidate unless excluded), against a greedy baseline run on the same cohort in the same run (most valuable
 * pair first while both sides have room), and against Google OR-Tools' min-cost flow on the same network (the
 * engine tutoring used before; it gives no certificate, so its time is for the solve alone). The exact time is
 * {@link BipartiteAssignment#solve()} as a caller sees it: building the network, solving, and verifying the
 * certificate. Each exact result is verified once more here. Medians of 5 after warm-up.
 *
 * <p>Not part of the test suite: {@code ./mvnw -B -pl platform/assignment -am -Pbench -DskipTests verify} (also
 * run by tutoring's bench command); results go to {@code platform/assignment/target/bench/assignment.{json,md}}.
 */
public final class AssignmentBenchmark {

    private static final int REPEATS = 5;
    private static final double EXCLUSION = 0.05;

    record Row(int leaders, int executives, long executiveUnits, int candidates, long buildMillis, long solveMillis,
            long objective, int pairs, boolean certified, long greedyMillis, long greedyObjective, int greedyPairs,
            long orToolsMillis, long orToolsObjective) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        Loader.loadNativeLibraries();
        warmUp();
        int[][] sizes = {{500, 300}, {1_000, 600}, {2_000, 1_200}};
        List<Row> rows = new ArrayList<>();
        for (int[] size : sizes) {
            rows.add(measure(size[0], size[1]));
        }
        String machine = machine();
        Files.createDirectories(out);
        Files.writeString(out.resolve("assignment.json"), json(rows, machine));
        Files.writeString(out.resolve("assignment.md"), "Machine: " + machine + "\n\n" + markdown(rows));
        System.out.println();
        System.out.println("Machine: " + machine);
        System.out.println(markdown(rows));
        System.out.println("Written to platform/assignment/target/bench/assignment.{json,md}");
        if (rows.stream().anyMatch(r -> !r.certified() || r.orToolsObjective() != r.objective())) {
            throw new IllegalStateException("An exact result failed its certificate or disagreed with OR-Tools");
        }
    }

    private static Row measure(int leaders, int executives) {
        System.out.printf(Locale.ROOT, "%,d school leaders × %,d executives: generating…%n", leaders, executives);
        GeneratedCohort cohort = GeneratedCohort.of(leaders, executives, EXCLUSION, 2026L + leaders);
        long[] build = new long[REPEATS];
        long[] solve = new long[REPEATS];
        BipartiteAssignment.Solution solution = null;
        for (int r = 0; r < REPEATS; r++) {
            long t0 = System.nanoTime();
            BipartiteAssignment problem = cohort.problem();
            long t1 = System.nanoTime();
            solution = problem.solve();
            long t2 = System.nanoTime();
            build[r] = (t1 - t0) / 1_000_000;
            solve[r] = (t2 - t1) / 1_000_000;
        }
        boolean certified = solution.certificate().verify(solution.network(), solution.flow()).holds();
        long[] greedyTimes = new long[REPEATS];
        long[] greedy = null;
        for (int r = 0; r < REPEATS; r++) {
            long g = System.nanoTime();
            greedy = greedy(cohort);
            greedyTimes[r] = (System.nanoTime() - g) / 1_000_000;
        }
        long[] orTools = new long[3];
        long orToolsObjective = 0;
        for (int r = 0; r < orTools.length; r++) {
            long o = System.nanoTime();
            orToolsObjective = orTools(solution.network());
            orTools[r] = (System.nanoTime() - o) / 1_000_000;
        }
        long units = Arrays.stream(cohort.executiveCapacity).sum();
        Row row = new Row(leaders, executives, units, cohort.edges(), median(build), median(solve),
                solution.objective(), solution.chosenEdges().length, certified, median(greedyTimes), greedy[0],
                (int) greedy[1], median(orTools), orToolsObjective);
        System.out.printf(Locale.ROOT, "   exact %d ms (objective %d, %d pairs, certified %s); greedy %d ms (%d, %d"
                + " pairs); OR-Tools %d ms (%d)%n", row.solveMillis(), row.objective(), row.pairs(),
                certified ? "yes" : "NO", row.greedyMillis(), row.greedyObjective(), row.greedyPairs(),
                row.orToolsMillis(), row.orToolsObjective());
        return row;
    }

    /** Lets the JIT compile the hot loops first, so the first measured size is not slow by accident. */
    private static void warmUp() {
        GeneratedCohort cohort = GeneratedCohort.of(2_000, 1_200, EXCLUSION, 1);
        for (int i = 0; i < 4; i++) {
            cohort.problem().solve();
            greedy(cohort);
        }
        orTools(cohort.problem().solve().network());
    }

    /** The baseline: pairs by value, highest first, each taken while both sides have room. {objective, pairs}. */
    static long[] greedy(GeneratedCohort cohort) {
        int edges = cohort.edges();
        long[] keys = new long[edges];
        for (int e = 0; e < edges; e++) {
            // Value in the high bits (the generator's values are small and positive), edge number in the low 32.
            keys[e] = (cohort.edgeValue[e] << 32) | e;
        }
        Arrays.sort(keys);
        boolean[] leaderTaken = new boolean[cohort.leaders];
        long[] room = cohort.executiveCapacity.clone();
        long objective = 0;
        long pairs = 0;
        for (int k = edges - 1; k >= 0; k--) {
            int e = (int) keys[k];
            int i = cohort.edgeLeader[e];
            int j = cohort.edgeExecutive[e];
            if (cohort.edgeValue[e] > 0 && !leaderTaken[i] && room[j] > 0) {
                leaderTaken[i] = true;
                room[j]--;
                objective += cohort.edgeValue[e];
                pairs++;
            }
        }
        return new long[] {objective, pairs};
    }

    /** OR-Tools' min-cost flow on the same network, as tutoring built it before; returns minus the cost. */
    private static long orTools(FlowNetwork network) {
        com.google.ortools.graph.MinCostFlow flow = new com.google.ortools.graph.MinCostFlow();
        for (int a = 0; a < network.arcCount(); a++) {
            flow.addArcWithCapacityAndUnitCost(network.from(a), network.to(a), network.capacity(a),
                    network.unitCost(a));
        }
        for (int v = 0; v < network.nodeCount(); v++) {
            flow.setNodeSupply(v, network.supply(v));
        }
        if (flow.solve() != com.google.ortools.graph.MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-Tools did not find the optimum");
        }
        return -flow.getOptimalCost();
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    /** Cores and CPU model (from /proc/cpuinfo where there is one) and the Java version; nothing else. */
    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // Not Linux: the model stays unknown.
        }
        return String.format(Locale.ROOT, "%d cores, %s, Java %s", Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.version"));
    }

    private static String json(List<Row> rows, String machine) {
        StringBuilder b = new StringBuilder("{\n  \"benchmark\": \"assignment\",\n  \"machine\": \"")
                .append(machine.replace("\"", "'")).append("\",\n  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append(String.format(Locale.ROOT, "    {\"leaders\": %d, \"executives\": %d, \"executiveUnits\": %d, "
                    + "\"candidates\": %d, \"buildMillis\": %d, \"solveMillis\": %d, \"objective\": %d, "
                    + "\"pairs\": %d, \"certifiedOptimal\": %s, \"greedyMillis\": %d, \"greedyObjective\": %d, "
                    + "\"greedyPairs\": %d, \"objectiveRatioExactToGreedy\": %.4f, \"timeRatioExactToGreedy\": %.1f, "
                    + "\"orToolsMillis\": %d, \"orToolsObjective\": %d}%s%n", r.leaders(), r.executives(),
                    r.executiveUnits(), r.candidates(), r.buildMillis(), r.solveMillis(), r.objective(), r.pairs(),
                    r.certified(), r.greedyMillis(), r.greedyObjective(), r.greedyPairs(),
                    (double) r.objective() / r.greedyObjective(),
                    (double) r.solveMillis() / Math.max(1, r.greedyMillis()), r.orToolsMillis(),
                    r.orToolsObjective(), i < rows.size() - 1 ? "," : ""));
        }
        return b.append("  ]\n}\n").toString();
    }

    private static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| school leaders | executives (places) | candidate pairs | exact solve,"
                + " certified (ms) | objective | pairs | optimal (certificate) | greedy (ms) | greedy objective "
                + "| exact ÷ greedy objective | exact ÷ greedy time | OR-Tools, no certificate (ms) |\n"
                + "|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %,d | %,d (%,d) | %,d | %,d | %,d | %,d | %s | %,d | %,d | %.4f "
                    + "| %.1f | %,d |%n", r.leaders(), r.executives(), r.executiveUnits(), r.candidates(),
                    r.solveMillis(), r.objective(), r.pairs(), r.certified() ? "yes" : "NO", r.greedyMillis(),
                    r.greedyObjective(), (double) r.objective() / r.greedyObjective(),
                    (double) r.solveMillis() / Math.max(1, r.greedyMillis()), r.orToolsMillis()));
        }
        return b.toString();
    }
}
