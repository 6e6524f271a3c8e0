package nl.instroom.assignment;

import java.util.Arrays;

/**
 * Minimum-cost flow by successive shortest paths with node potentials: Dijkstra on reduced costs (non-negative
 * under the potentials) from the nodes with supply left to the nearest node still needing flow, the potentials
 * raised by the distances found, and flow pushed along the path. The potentials stay a valid dual throughout, so
 * at the end they are the {@link OptimalityCertificate} of the flow; it is verified before the flow is returned.
 *
 * <p>Negative unit costs are allowed. Start potentials are shortest distances in topological order when the arcs
 * with capacity form no cycle; otherwise every negative arc is saturated first (its reverse then costs more than
 * nothing) and the paths undo what should not have been pushed. Exact in integers: no scaling, no tolerance.
 */
public final class MinCostFlow {

    private static final long UNREACHED = Long.MAX_VALUE;

    private MinCostFlow() {
    }

    /**
     * A flow meeting every supply within the capacities at the least total cost, with its verified certificate.
     *
     * @throws IllegalArgumentException when the supplies do not add up to zero
     * @throws InfeasibleFlowException when no flow meets the supplies
     * @throws IllegalStateException when the result fails its certificate (a defect; never a silent wrong answer)
     */
    public static FlowSolution solve(FlowNetwork network) {
        return certified(network, new Solver(network).run());
    }

    /** Solves searching in the given direction only; the tests check that both are exact. */
    static FlowSolution solve(FlowNetwork network, boolean backward) {
        return certified(network, new Solver(network).run(backward));
    }

    /** Returns the solution only if its certificate verifies against the network. */
    static FlowSolution certified(FlowNetwork network, FlowSolution solution) {
        OptimalityCertificate.Verification verification = solution.certificate().verify(network, solution);
        if (!verification.holds()) {
            throw new IllegalStateException("The flow failed its optimality certificate ("
                    + verification.failedCheck().orElseThrow() + "): " + verification.detail());
        }
        return solution;
    }

    /** One solve's residual network: arc a of the network is residual arc 2a forward and 2a + 1 backward. */
    private static final class Solver {

        private final int n;
        private final int m;
        private final int[] from;
        private final int[] to;
        private final long[] cost;
        private final long[] residual;
        private final int[] firstOut;
        private final int[] outArcs;
        private final long[] excess;
        private final long[] potential;

        Solver(FlowNetwork network) {
            n = network.nodeCount();
            m = network.arcCount();
            from = network.fromArray();
            to = network.toArray();
            cost = network.unitCostArray();
            long[] capacity = network.capacityArray();
            excess = Arrays.copyOf(network.supplyArray(), n);
            long sum = 0;
            for (long s : excess) {
                sum = Math.addExact(sum, s);
            }
            if (sum != 0) {
                throw new IllegalArgumentException("The supplies add up to " + sum + ", not 0");
            }
            residual = new long[2 * m];
            firstOut = new int[n + 1];
            for (int a = 0; a < m; a++) {
                residual[2 * a] = capacity[a];
                firstOut[from[a] + 1]++;
                firstOut[to[a] + 1]++;
            }
            for (int v = 0; v < n; v++) {
                firstOut[v + 1] += firstOut[v];
            }
            outArcs = new int[2 * m];
            int[] fill = Arrays.copyOf(firstOut, n);
            for (int a = 0; a < m; a++) {
                outArcs[fill[from[a]]++] = 2 * a;
                outArcs[fill[to[a]]++] = 2 * a + 1;
            }
            potential = new long[n];
            startPotentials(capacity);
        }

        private int tail(int r) {
            return (r & 1) == 0 ? from[r >>> 1] : to[r >>> 1];
        }

        private int head(int r) {
            return (r & 1) == 0 ? to[r >>> 1] : from[r >>> 1];
        }

        private long arcCost(int r) {
            return (r & 1) == 0 ? cost[r >>> 1] : -cost[r >>> 1];
        }

        /** Potentials under which every residual arc costs at least 0 before any path is pushed. */
        private void startPotentials(long[] capacity) {
            boolean negative = false;
            for (int a = 0; a < m && !negative; a++) {
                negative = capacity[a] > 0 && cost[a] < 0;
            }
            if (!negative) {
                return;
            }
            int[] order = topologicalOrder(capacity);
            if (order != null) {
                // Shortest distance from a virtual root joined to every node at cost 0.
                for (int u : order) {
                    for (int i = firstOut[u]; i < firstOut[u + 1]; i++) {
                        int r = outArcs[i];
                        if ((r & 1) == 0 && residual[r] > 0) {
                            int v = head(r);
                            potential[v] = Math.min(potential[v], potential[u] + cost[r >>> 1]);
                        }
                    }
                }
                return;
            }
            for (int a = 0; a < m; a++) {
                if (capacity[a] > 0 && cost[a] < 0) {
                    residual[2 * a] = 0;
                    residual[2 * a + 1] = capacity[a];
                    excess[from[a]] = Math.subtractExact(excess[from[a]], capacity[a]);
                    excess[to[a]] = Math.addExact(excess[to[a]], capacity[a]);
                }
            }
        }

        /** Kahn's algorithm over the arcs with capacity; null when they form a cycle. */
        private int[] topologicalOrder(long[] capacity) {
            int[] inDegree = new int[n];
            for (int a = 0; a < m; a++) {
                if (capacity[a] > 0) {
                    inDegree[to[a]]++;
                }
            }
            int[] order = new int[n];
            int size = 0;
            for (int v = 0; v < n; v++) {
                if (inDegree[v] == 0) {
                    order[size++] = v;
                }
            }
            for (int i = 0; i < size; i++) {
                int u = order[i];
                for (int k = firstOut[u]; k < firstOut[u + 1]; k++) {
                    int r = outArcs[k];
                    if ((r & 1) == 0 && residual[r] > 0 && --inDegree[head(r)] == 0) {
                        order[size++] = head(r);
                    }
                }
            }
            return size == n ? order : null;
        }

        FlowSolution run() {
            return run(null);
        }

        /**
         * Searches from the side with fewer arcs to scan first: forward from the nodes with supply left, or backward
         * from the nodes still needing flow. In a matching network one side often fans out to every item (the
         * source to each tutor) while the other gathers from few (the schools into the sink), and a search from
         * the narrow side stops much sooner. {@code backwardOverride} fixes the direction (tests run both).
         */
        FlowSolution run(Boolean backwardOverride) {
            int[] supplies = nodesWhere(true);
            int[] demands = nodesWhere(false);
            boolean backward = backwardOverride != null ? backwardOverride : degree(demands) < degree(supplies);
            long[] distance = new long[n];
            Arrays.fill(distance, UNREACHED);
            int[] via = new int[n];
            int[] touched = new int[n];
            boolean[] settled = new boolean[n];
            IndexedMinHeap heap = new IndexedMinHeap(n);
            heap.reset(distance);
            int supplyCount = supplies.length;
            int demandCount = demands.length;
            while (true) {
                supplyCount = stillNonZero(supplies, supplyCount);
                demandCount = stillNonZero(demands, demandCount);
                if (supplyCount == 0) {
                    break;
                }
                int[] starts = backward ? demands : supplies;
                int startCount = backward ? demandCount : supplyCount;
                int touchedCount = 0;
                for (int k = 0; k < startCount; k++) {
                    int v = starts[k];
                    distance[v] = 0;
                    via[v] = -1;
                    touched[touchedCount++] = v;
                    heap.insertOrDecrease(v);
                }
                int target = -1;
                // The best distance yet of any node the search may end at: a node no nearer is never settled
                // before the search ends, so it is not queued at all (the queue's work was most of the time).
                long bound = UNREACHED;
                while (!heap.isEmpty()) {
                    int x = heap.pollMin();
                    settled[x] = true;
                    if (backward ? excess[x] > 0 : excess[x] < 0) {
                        target = x;
                        break;
                    }
                    long dx = distance[x];
                    long px = potential[x];
                    for (int i = firstOut[x]; i < firstOut[x + 1]; i++) {
                        // Forward: the residual arc r out of x. Backward: its partner, which enters x.
                        int r = backward ? outArcs[i] ^ 1 : outArcs[i];
                        if (residual[r] == 0) {
                            continue;
                        }
                        int y = backward ? tail(r) : head(r);
                        long dy = backward ? dx + arcCost(r) + potential[y] - px : dx + arcCost(r) + px - potential[y];
                        // Settled nodes are final (see BipartiteSolver.relax: a defect must end in a failed
                        // certificate, not an endless search).
                        boolean ends = backward ? excess[y] > 0 : excess[y] < 0;
                        if (dy < distance[y] && !settled[y] && (dy < bound || ends)) {
                            if (ends) {
                                bound = Math.min(bound, dy);
                            }
                            if (distance[y] == UNREACHED) {
                                touched[touchedCount++] = y;
                            }
                            distance[y] = dy;
                            via[y] = r;
                            heap.insertOrDecrease(y);
                        }
                    }
                }
                if (target < 0) {
                    throw new InfeasibleFlowException("Supply left that no path can bring to a node needing flow");
                }
                long reach = distance[target];
                // Forward, potentials rise by min(distance, reach); backward they fall by it. Up to shifting all
                // potentials together by reach (which changes no reduced cost), only nodes nearer than the target
                // move: by (distance - reach) forward, by (reach - distance) backward.
                for (int k = 0; k < touchedCount; k++) {
                    int v = touched[k];
                    if (distance[v] < reach) {
                        potential[v] += backward ? reach - distance[v] : distance[v] - reach;
                    }
                }
                augment(target, via, backward);
                for (int k = 0; k < touchedCount; k++) {
                    distance[touched[k]] = UNREACHED;
                    settled[touched[k]] = false;
                }
                heap.reset(distance);
            }
            long[] flow = new long[m];
            long total = 0;
            for (int a = 0; a < m; a++) {
                flow[a] = residual[2 * a + 1];
                total = Math.addExact(total, Math.multiplyExact(flow[a], cost[a]));
            }
            return new FlowSolution(flow, total, new OptimalityCertificate(potential.clone()));
        }

        private int[] nodesWhere(boolean supply) {
            int count = 0;
            for (int v = 0; v < n; v++) {
                if (supply ? excess[v] > 0 : excess[v] < 0) {
                    count++;
                }
            }
            int[] nodes = new int[count];
            for (int v = 0, k = 0; v < n; v++) {
                if (supply ? excess[v] > 0 : excess[v] < 0) {
                    nodes[k++] = v;
                }
            }
            return nodes;
        }

        private long degree(int[] nodes) {
            long sum = 0;
            for (int v : nodes) {
                sum += firstOut[v + 1] - firstOut[v];
            }
            return sum;
        }

        /** Keeps the nodes whose excess is not yet 0 at the front; excesses only move towards 0. */
        private int stillNonZero(int[] nodes, int count) {
            int kept = 0;
            for (int k = 0; k < count; k++) {
                if (excess[nodes[k]] != 0) {
                    nodes[kept++] = nodes[k];
                }
            }
            return kept;
        }

        /** Pushes as much as the path, its start's excess and its end's need allow. */
        private void augment(int target, int[] via, boolean backward) {
            // Forward, via leads from the target (needing flow) back to a supply; backward, from the target (a
            // supply) on to a node needing flow. Either way the walk starts at the target.
            long amount = backward ? excess[target] : -excess[target];
            int v = target;
            while (via[v] >= 0) {
                amount = Math.min(amount, residual[via[v]]);
                v = backward ? head(via[v]) : tail(via[v]);
            }
            int end = v;
            amount = Math.min(amount, backward ? -excess[end] : excess[end]);
            v = target;
            while (via[v] >= 0) {
                int r = via[v];
                residual[r] -= amount;
                residual[r ^ 1] += amount;
                v = backward ? head(r) : tail(r);
            }
            if (backward) {
                excess[target] -= amount;
                excess[end] += amount;
            } else {
                excess[end] -= amount;
                excess[target] += amount;
            }
        }
    }
}
