package nl.instroom.assignment;

import java.util.Random;

/**
 * A seeded cross-mentoring cohort for the benchmark, in numbers only: school leaders (capacity 1) who want three of
 * twelve themes (weights 3, 2, 1), executives who bring two to five themes (capacity 1, one in five 2), twelve
 * regions, and every pair a candidate unless excluded (about 5 % at random, standing for conflicts of interest).
 * A pair is worth 10 points per theme weight it covers plus 15 for the same region, and 1–5 points of how well the
 * two answered each other's free preferences, so values tie often but not always, as real scores do.
 */
final class GeneratedCohort {

    static final int THEMES = 12;
    static final int REGIONS = 12;

    final int leaders;
    final int executives;
    final long[] executiveCapacity;
    /** Candidate edges: leader, executive, value. */
    final int[] edgeLeader;
    final int[] edgeExecutive;
    final long[] edgeValue;

    private GeneratedCohort(int leaders, int executives, long[] executiveCapacity, int[] edgeLeader,
            int[] edgeExecutive, long[] edgeValue) {
        this.leaders = leaders;
        this.executives = executives;
        this.executiveCapacity = executiveCapacity;
        this.edgeLeader = edgeLeader;
        this.edgeExecutive = edgeExecutive;
        this.edgeValue = edgeValue;
    }

    static GeneratedCohort of(int leaders, int executives, double exclusion, long seed) {
        Random random = new Random(seed);
        int[][] wanted = new int[leaders][3];
        int[] leaderRegion = new int[leaders];
        for (int i = 0; i < leaders; i++) {
            int[] themes = distinct(random, 3);
            wanted[i] = themes;
            leaderRegion[i] = random.nextInt(REGIONS);
        }
        boolean[][] brings = new boolean[executives][THEMES];
        int[] executiveRegion = new int[executives];
        long[] capacity = new long[executives];
        for (int j = 0; j < executives; j++) {
            for (int theme : distinct(random, 2 + random.nextInt(4))) {
                brings[j][theme] = true;
            }
            executiveRegion[j] = random.nextInt(REGIONS);
            capacity[j] = random.nextInt(5) == 0 ? 2 : 1;
        }
        int max = leaders * executives;
        int[] edgeLeader = new int[max];
        int[] edgeExecutive = new int[max];
        long[] edgeValue = new long[max];
        int edges = 0;
        for (int i = 0; i < leaders; i++) {
            for (int j = 0; j < executives; j++) {
                if (random.nextDouble() < exclusion) {
                    continue;
                }
                long value = 1 + random.nextInt(5);
                for (int k = 0; k < 3; k++) {
                    if (brings[j][wanted[i][k]]) {
                        value += 10L * (3 - k);
                    }
                }
                if (leaderRegion[i] == executiveRegion[j]) {
                    value += 15;
                }
                edgeLeader[edges] = i;
                edgeExecutive[edges] = j;
                edgeValue[edges] = value;
                edges++;
            }
        }
        return new GeneratedCohort(leaders, executives, capacity, java.util.Arrays.copyOf(edgeLeader, edges),
                java.util.Arrays.copyOf(edgeExecutive, edges), java.util.Arrays.copyOf(edgeValue, edges));
    }

    int edges() {
        return edgeValue.length;
    }

    /** The cohort as an assignment problem: leaders left, executives right, edges in the order generated. */
    BipartiteAssignment problem() {
        BipartiteAssignment problem = new BipartiteAssignment();
        for (int i = 0; i < leaders; i++) {
            problem.addLeft(1);
        }
        for (int j = 0; j < executives; j++) {
            problem.addRight(executiveCapacity[j]);
        }
        for (int e = 0; e < edgeValue.length; e++) {
            problem.addEdge(edgeLeader[e], edgeExecutive[e], edgeValue[e]);
        }
        return problem;
    }

    private static int[] distinct(Random random, int count) {
        int[] themes = new int[THEMES];
        for (int t = 0; t < THEMES; t++) {
            themes[t] = t;
        }
        for (int k = 0; k < count; k++) {
            int swap = k + random.nextInt(THEMES - k);
            int tmp = themes[k];
            themes[k] = themes[swap];
            themes[swap] = tmp;
        }
        return java.util.Arrays.copyOf(themes, count);
    }
}
