package nl.instroom.tutoring.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.instroom.tutoring.matching.domain.Assignment;
import nl.instroom.tutoring.matching.domain.MatchingProblem;
import nl.instroom.tutoring.matching.domain.MatchingWeights;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.PairScore;
import nl.instroom.tutoring.matching.solver.MinCostFlowSolver;

/**
 * Solve time and objective of the exact matching for 100 to 10,000 tutors and 300 schools, against a greedy
 * baseline run on the same instances in the same run (best pair first, while it still adds value), with every
 * exact result checked by the residual-cycle certificate. Not part of the test suite: run it with
 * {@code ./mvnw -pl services/tutoring -am -Pbench -DskipTests verify}; results go to
 * {@code services/tutoring/target/bench/matching.{json,md}}.
 */
public final class MatchingBenchmark {

    private static final int SCHOOLS = 300;
    private static final int REPEATS = 3;

    record Row(int tutors, int schools, int allowedPairs, long buildMillis, long solveMillis, double objective,
            int proposals, boolean certified, long greedyMillis, double greedyObjective, int greedyProposals) {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench");
        int[] sizes = {100, 1_000, 2_000, 5_000, 10_000};
        MinCostFlowSolver solver = new MinCostFlowSolver();
        warmUp(solver);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            int tutors = sizes[i];
            System.out.printf(Locale.ROOT, "[%d/%d] %,d tutors, %d schools: generating…%n", i + 1, sizes.length,
                    tutors, SCHOOLS);
            GeneratedRegion region = GeneratedRegion.of(tutors, SCHOOLS, 50, 42 + tutors);
            long t0 = System.nanoTime();
            MatchingProblem problem = MatchingProblem.of(region.tutors(), region.schools(), MatchingWeights.DEFAULTS,
                    null, null, Set.of(), Set.of());
            long build = millis(t0);
            long[] solveTimes = new long[REPEATS];
            List<Pair> solved = List.of();
            for (int r = 0; r < REPEATS; r++) {
                long s = System.nanoTime();
                solved = solver.solve(problem);
                solveTimes[r] = millis(s);
            }
            Assignment exact = Assignment.score(problem, solved);
            System.out.printf(Locale.ROOT, "       solved in %d ms (median of %d); checking optimality…%n",
                    median(solveTimes), REPEATS);
            boolean certified = !ResidualNetwork.of(problem, solved).hasNegativeCycle();
            long[] greedyTimes = new long[REPEATS];
            List<Pair> greedy = List.of();
            for (int r = 0; r < REPEATS; r++) {
                long g = System.nanoTime();
                greedy = greedy(problem);
                greedyTimes[r] = millis(g);
            }
            Assignment baseline = Assignment.score(problem, greedy);
            Row row = new Row(tutors, SCHOOLS, problem.candidates().size(), build, median(solveTimes),
                    exact.objectivePoints(), exact.proposals().size(), certified, median(greedyTimes),
                    baseline.objectivePoints(), baseline.proposals().size());
            rows.add(row);
            System.out.printf(Locale.ROOT, "       objective %.2f (%d proposals), greedy %.2f: exact/greedy %.4f, "
                    + "optimal certified: %s%n", row.objective(), row.proposals(), row.greedyObjective(),
                    row.objective() / row.greedyObjective(), certified ? "yes" : "NO");
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("matching.json"), json(rows));
        Files.writeString(out.resolve("matching.md"), markdown(rows));
        System.out.println();
        System.out.println(markdown(rows));
        System.out.println("Written to " + out.toAbsolutePath());
        if (rows.stream().anyMatch(r -> !r.certified())) {
            throw new IllegalStateException("An exact result failed its optimality certificate");
        }
    }

    /** Lets the JIT and the native library settle, so the first measured size is not the slowest by accident. */
    private static void warmUp(MinCostFlowSolver solver) {
        GeneratedRegion region = GeneratedRegion.of(1_000, SCHOOLS, 50, 1);
        MatchingProblem problem = MatchingProblem.of(region.tutors(), region.schools(), MatchingWeights.DEFAULTS,
                null, null, Set.of(), Set.of());
        for (int i = 0; i < 3; i++) {
            solver.solve(problem);
            greedy(problem);
        }
    }

    /** The baseline: the most valuable pair first, taken while its marginal value (after fairness) is positive. */
    static List<Pair> greedy(MatchingProblem problem) {
        List<PairScore> ordered = new ArrayList<>(problem.candidates());
        ordered.sort(Comparator.comparingLong(PairScore::valueCents).reversed());
        Map<String, Integer> perTutor = new HashMap<>();
        Map<String, Integer> perSchool = new HashMap<>();
        Set<String> tutorSchool = new HashSet<>();
        List<Pair> chosen = new ArrayList<>();
        for (PairScore c : ordered) {
            Pair p = c.pair();
            int t = perTutor.getOrDefault(p.tutorId(), 0);
            int s = perSchool.getOrDefault(p.schoolCode(), 0);
            if (t >= problem.tutor(p.tutorId()).freePlacements(problem.weights())
                    || s >= problem.school(p.schoolCode()).freeCapacity(problem.weights())
                    || tutorSchool.contains(p.tutorId() + "|" + p.schoolCode())) {
                continue;
            }
            long marginal = c.valueCents() - problem.schoolFairnessCents(p.schoolCode(), s)
                    - problem.tutorFairnessCents(p.tutorId(), t);
            if (marginal > 0) {
                chosen.add(p);
                perTutor.put(p.tutorId(), t + 1);
                perSchool.put(p.schoolCode(), s + 1);
                tutorSchool.add(p.tutorId() + "|" + p.schoolCode());
            }
        }
        return chosen;
    }

    private static long millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static long median(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    private static String json(List<Row> rows) {
        StringBuilder b = new StringBuilder("{\n  \"benchmark\": \"matching\",\n  \"machine\": {\"cores\": ")
                .append(Runtime.getRuntime().availableProcessors()).append(", \"java\": \"")
                .append(System.getProperty("java.version")).append("\"},\n  \"rows\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            b.append(String.format(Locale.ROOT, "    {\"tutors\": %d, \"schools\": %d, \"allowedPairs\": %d, "
                    + "\"buildMillis\": %d, \"solveMillis\": %d, \"objective\": %.2f, \"proposals\": %d, "
                    + "\"certifiedOptimal\": %s, \"greedyMillis\": %d, \"greedyObjective\": %.2f, "
                    + "\"greedyProposals\": %d, \"objectiveRatioExactToGreedy\": %.4f, "
                    + "\"timeRatioExactToGreedy\": %.1f}%s%n", r.tutors(), r.schools(), r.allowedPairs(),
                    r.buildMillis(), r.solveMillis(), r.objective(), r.proposals(), r.certified(), r.greedyMillis(),
                    r.greedyObjective(), r.greedyProposals(), r.objective() / r.greedyObjective(),
                    (double) r.solveMillis() / Math.max(1, r.greedyMillis()), i < rows.size() - 1 ? "," : ""));
        }
        return b.append("  ]\n}\n").toString();
    }

    private static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| tutors | schools | allowed pairs | solve (ms) | objective | proposals "
                + "| optimal (certificate) | greedy (ms) | greedy objective | exact ÷ greedy objective "
                + "| exact ÷ greedy time |\n|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "| %,d | %d | %,d | %,d | %,.2f | %,d | %s | %,d | %,.2f | %.4f | %.1f |%n",
                    r.tutors(), r.schools(), r.allowedPairs(), r.solveMillis(), r.objective(), r.proposals(),
                    r.certified() ? "yes" : "NO", r.greedyMillis(), r.greedyObjective(), r.objective() / r.greedyObjective(),
                    (double) r.solveMillis() / Math.max(1, r.greedyMillis())));
        }
        return b.toString();
    }
}
