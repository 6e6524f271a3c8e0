package nl.instroom.assignment;

import java.util.Optional;

/**
 * The proof that a flow has minimum cost: a potential per node such that every residual arc has a non-negative
 * reduced cost, where the reduced cost of an arc is {@code unitCost + potential(from) − potential(to)}. An arc with
 * room left (flow below capacity) is a forward residual arc, so its reduced cost must be ≥ 0; an arc carrying flow
 * can be undone (a backward residual arc), so its reduced cost must be ≤ 0. Those are the complementary-slackness
 * conditions of linear programming: a feasible flow with such potentials is optimal, whatever produced it.
 *
 * <p>{@link #verify} checks everything from the network and the solution alone, in exact arithmetic, and shares no
 * code with the solvers: the capacities, flow conservation at every node, the stated total cost, and the reduced
 * costs.
 */
public final class OptimalityCertificate {

    private final long[] potentials;

    OptimalityCertificate(long[] potentials) {
        this.potentials = potentials;
    }

    /** The potential (dual price) of a node. */
    public long potential(int node) {
        if (node < 0 || node >= potentials.length) {
            throw new IllegalArgumentException("No node " + node + " (the certificate has " + potentials.length + ")");
        }
        return potentials[node];
    }

    public int nodeCount() {
        return potentials.length;
    }

    /** The checks {@link #verify} makes, in the order it makes them. */
    public enum Check {
        /** The solution and the certificate are about a network of this many arcs and nodes. */
        SHAPE,
        /** Every arc's flow is between 0 and its capacity. */
        CAPACITY,
        /** At every node, flow out minus flow in equals its supply. */
        CONSERVATION,
        /** The stated total cost is the sum of flow × unit cost. */
        COST,
        /** No residual arc has a negative reduced cost under the potentials. */
        OPTIMALITY
    }

    /** What {@link #verify} found: either every check holds, or the first check that failed and where. */
    public record Verification(Optional<Check> failedCheck, String detail) {

        static final Verification HOLDS = new Verification(Optional.empty(), "feasible and optimal");

        static Verification failed(Check check, String detail) {
            return new Verification(Optional.of(check), detail);
        }

        public boolean holds() {
            return failedCheck.isEmpty();
        }
    }

    /** Checks that the solution is a feasible flow of the network and that these potentials prove it optimal. */
    public Verification verify(FlowNetwork network, FlowSolution solution) {
        int n = network.nodeCount();
        int m = network.arcCount();
        if (solution.arcCount() != m || potentials.length != n) {
            return Verification.failed(Check.SHAPE, "network has " + n + " nodes and " + m + " arcs; solution has "
                    + solution.arcCount() + " arcs, certificate " + potentials.length + " nodes");
        }
        int[] from = network.fromArray();
        int[] to = network.toArray();
        long[] capacity = network.capacityArray();
        long[] cost = network.unitCostArray();
        long[] balance = new long[n];
        long total = 0;
        // One pass over the arcs (millions of them), remembering the first failure of each check; the checks are
        // then reported in their order, so a broken capacity is named as such even if it also looks suboptimal.
        String capacityFailure = null;
        String optimalityFailure = null;
        boolean overflow = false;
        for (int a = 0; a < m; a++) {
            long f = solution.flow(a);
            if ((f < 0 || f > capacity[a]) && capacityFailure == null) {
                capacityFailure = "arc " + a + " carries " + f + " with capacity " + capacity[a];
            }
            try {
                balance[from[a]] = Math.addExact(balance[from[a]], f);
                balance[to[a]] = Math.subtractExact(balance[to[a]], f);
                total = Math.addExact(total, Math.multiplyExact(f, cost[a]));
                long reduced = Math.subtractExact(Math.addExact(cost[a], potentials[from[a]]), potentials[to[a]]);
                if (optimalityFailure == null) {
                    if (f < capacity[a] && reduced < 0) {
                        optimalityFailure = "arc " + a + " has room (" + f + " of " + capacity[a]
                                + ") and reduced cost " + reduced + ": more flow on it would be cheaper";
                    } else if (f > 0 && reduced > 0) {
                        optimalityFailure = "arc " + a + " carries " + f + " at reduced cost " + reduced
                                + ": less flow on it would be cheaper";
                    }
                }
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (capacityFailure != null) {
            return Verification.failed(Check.CAPACITY, capacityFailure);
        }
        if (overflow) {
            return Verification.failed(Check.COST, "a flow, cost or reduced cost overflows a long");
        }
        for (int v = 0; v < n; v++) {
            if (balance[v] != network.supply(v)) {
                return Verification.failed(Check.CONSERVATION,
                        "node " + v + " sends out " + balance[v] + " net, its supply is " + network.supply(v));
            }
        }
        if (total != solution.totalCost()) {
            return Verification.failed(Check.COST,
                    "stated total cost " + solution.totalCost() + ", the flows cost " + total);
        }
        if (optimalityFailure != null) {
            return Verification.failed(Check.OPTIMALITY, optimalityFailure);
        }
        return Verification.HOLDS;
    }
}
