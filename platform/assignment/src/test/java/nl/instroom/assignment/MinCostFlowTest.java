package nl.instroom.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The minimum cost equals an exhaustive search's on small networks of every shape the solver handles. */
class MinCostFlowTest {

    @Test
    void reachesTheExhaustiveMinimumOnSmallRandomNetworks() {
        Random random = new Random(21);
        int feasible = 0;
        int infeasible = 0;
        int withCycles = 0;
        int withNegativeCosts = 0;
        for (int instance = 0; instance < 400; instance++) {
            FlowNetwork network = randomNetwork(random);
            Long best = exhaustiveMinimum(network);
            if (best == null) {
                assertThatThrownBy(() -> MinCostFlow.solve(network)).isInstanceOf(InfeasibleFlowException.class);
                assertThatThrownBy(() -> MinCostFlow.solve(network, true))
                        .isInstanceOf(InfeasibleFlowException.class);
                assertThatThrownBy(() -> MinCostFlow.solve(network, false))
                        .isInstanceOf(InfeasibleFlowException.class);
                infeasible++;
                continue;
            }
            FlowSolution solution = MinCostFlow.solve(network);
            assertThat(solution.totalCost()).as("instance %d", instance).isEqualTo(best);
            assertThat(solution.certificate().verify(network, solution).holds()).isTrue();
            // Both search directions, whichever the solver would pick.
            assertThat(MinCostFlow.solve(network, true).totalCost()).as("backward, instance %d", instance)
                    .isEqualTo(best);
            assertThat(MinCostFlow.solve(network, false).totalCost()).as("forward, instance %d", instance)
                    .isEqualTo(best);
            feasible++;
            if (hasCycle(network)) {
                withCycles++;
            }
            if (hasNegativeCost(network)) {
                withNegativeCosts++;
            }
        }
        // The generator must exercise both start-potential paths and infeasibility, or this test proves less.
        assertThat(feasible).isGreaterThan(200);
        assertThat(infeasible).isPositive();
        assertThat(withCycles).isGreaterThan(20);
        assertThat(withNegativeCosts).isGreaterThan(100);
    }

    @Test
    void refusesSuppliesThatDoNotAddUpToZero() {
        FlowNetwork network = new FlowNetwork();
        int a = network.addNode();
        int b = network.addNode();
        network.addArc(a, b, 5, 1);
        network.setSupply(a, 3);
        network.setSupply(b, -2);
        assertThatThrownBy(() -> MinCostFlow.solve(network)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyNetworkHasAnEmptyCertifiedFlow() {
        FlowNetwork network = new FlowNetwork();
        FlowSolution solution = MinCostFlow.solve(network);
        assertThat(solution.totalCost()).isZero();
        assertThat(solution.certificate().verify(network, solution).holds()).isTrue();
    }

    @Test
    void aSolutionThatFailsItsCertificateIsNeverReturned() {
        FlowNetwork network = new FlowNetwork();
        int s = network.addNode();
        int t = network.addNode();
        int cheap = network.addArc(s, t, 1, 1);
        int dear = network.addArc(s, t, 1, 5);
        network.setSupply(s, 1);
        network.setSupply(t, -1);
        FlowSolution optimal = MinCostFlow.solve(network);
        assertThat(optimal.flow(cheap)).isEqualTo(1);
        // Feasible, correctly costed, and worse: only the potentials can tell, and the guard must throw.
        FlowSolution worse = optimal.withFlow(cheap, 0).withFlow(dear, 1).withTotalCost(5);

        assertThatThrownBy(() -> MinCostFlow.certified(network, worse)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OPTIMALITY");
    }

    /** 3–5 nodes, up to 7 arcs with capacity 0–2 and cost −4..6, supplies from a random flow (or random). */
    private static FlowNetwork randomNetwork(Random random) {
        FlowNetwork network = new FlowNetwork();
        int n = 3 + random.nextInt(3);
        for (int v = 0; v < n; v++) {
            network.addNode();
        }
        int m = 3 + random.nextInt(5);
        long[] balance = new long[n];
        for (int a = 0; a < m; a++) {
            int u = random.nextInt(n);
            int v = random.nextInt(n - 1);
            if (v >= u) {
                v++;
            }
            long capacity = random.nextInt(3);
            network.addArc(u, v, capacity, random.nextInt(11) - 4);
            long flow = capacity == 0 ? 0 : random.nextInt((int) capacity + 1);
            balance[u] += flow;
            balance[v] -= flow;
        }
        if (random.nextInt(8) == 0) {
            long s = 1 + random.nextInt(3);
            int u = random.nextInt(n);
            int v = (u + 1 + random.nextInt(n - 1)) % n;
            balance[u] += s;
            balance[v] -= s;
        }
        for (int v = 0; v < n; v++) {
            network.setSupply(v, balance[v]);
        }
        return network;
    }

    /** Tries every integral flow; null when none meets the supplies. */
    private static Long exhaustiveMinimum(FlowNetwork network) {
        int m = network.arcCount();
        long[] flow = new long[m];
        Long best = null;
        while (true) {
            long[] balance = new long[network.nodeCount()];
            long cost = 0;
            for (int a = 0; a < m; a++) {
                balance[network.from(a)] += flow[a];
                balance[network.to(a)] -= flow[a];
                cost += flow[a] * network.unitCost(a);
            }
            boolean meets = true;
            for (int v = 0; v < network.nodeCount(); v++) {
                meets &= balance[v] == network.supply(v);
            }
            if (meets && (best == null || cost < best)) {
                best = cost;
            }
            int a = 0;
            while (a < m && flow[a] == network.capacity(a)) {
                flow[a++] = 0;
            }
            if (a == m) {
                return best;
            }
            flow[a]++;
        }
    }

    private static boolean hasNegativeCost(FlowNetwork network) {
        for (int a = 0; a < network.arcCount(); a++) {
            if (network.unitCost(a) < 0 && network.capacity(a) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the arcs with capacity contain a directed cycle (so the solver cannot start from a topological order). */
    private static boolean hasCycle(FlowNetwork network) {
        int n = network.nodeCount();
        boolean[][] reach = new boolean[n][n];
        for (int a = 0; a < network.arcCount(); a++) {
            if (network.capacity(a) > 0) {
                reach[network.from(a)][network.to(a)] = true;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    reach[i][j] |= reach[i][k] && reach[k][j];
                }
            }
        }
        for (int v = 0; v < n; v++) {
            if (reach[v][v]) {
                return true;
            }
        }
        return false;
    }
}
