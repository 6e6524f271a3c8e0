package nl.instroom.assignment;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random bipartite instances: capacities 0–{@code maxCapacity}, each pair an edge unless excluded (with
 * probability {@code exclusion}), values with ties and some of no or negative worth.
 */
final class RandomAssignments {

    final BipartiteAssignment problem = new BipartiteAssignment();
    final Set<Long> excludedPairs = new HashSet<>();

    static RandomAssignments of(Random random, int lefts, int rights, int maxCapacity, double exclusion) {
        RandomAssignments r = new RandomAssignments();
        for (int i = 0; i < lefts; i++) {
            r.problem.addLeft(random.nextInt(maxCapacity + 1));
        }
        for (int j = 0; j < rights; j++) {
            r.problem.addRight(random.nextInt(maxCapacity + 1));
        }
        for (int i = 0; i < lefts; i++) {
            for (int j = 0; j < rights; j++) {
                if (random.nextDouble() < exclusion) {
                    r.excludedPairs.add(pair(i, j));
                } else {
                    r.problem.addEdge(i, j, random.nextInt(36) - 5);
                }
            }
        }
        return r;
    }

    static long pair(int left, int right) {
        return ((long) left << 32) | right;
    }
}
