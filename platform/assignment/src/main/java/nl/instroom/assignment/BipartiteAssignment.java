package nl.instroom.assignment;

import java.util.Arrays;

/**
 * Choosing edges between left and right items to maximise their total value: each item takes at most its capacity
 * of chosen edges, each edge is chosen at most once, an item may stay unassigned, and pinned edges are always
 * chosen. Pairs that must never be made are simply not given as edges.
 *
 * <p>It is solved exactly as a min-cost flow — source → left item (its capacity) → right item (one unit per edge,
 * costing minus its value) → sink (the right item's capacity), plus a free source → sink arc for what stays
 * unassigned — and the answer carries that network, its flow and the verified {@link OptimalityCertificate}, so a
 * caller can check the optimum without trusting this class. Pinned edges are taken out first: they use their items'
 * capacity, and the network (hence the certificate) is about the best choice of everything else.
 */
public final class BipartiteAssignment {

    private int lefts;
    private long[] leftCapacity = new long[16];
    private int rights;
    private long[] rightCapacity = new long[16];
    private int edges;
    private int[] edgeLeft = new int[16];
    private int[] edgeRight = new int[16];
    private long[] edgeValue = new long[16];
    private boolean[] pinned = new boolean[16];

    /** Adds a left item that takes at most {@code capacity} edges, and returns its number (from 0). */
    public int addLeft(long capacity) {
        requireCapacity(capacity);
        if (lefts == leftCapacity.length) {
            leftCapacity = Arrays.copyOf(leftCapacity, lefts * 2);
        }
        leftCapacity[lefts] = capacity;
        return lefts++;
    }

    /** Adds a right item that takes at most {@code capacity} edges, and returns its number (from 0). */
    public int addRight(long capacity) {
        requireCapacity(capacity);
        if (rights == rightCapacity.length) {
            rightCapacity = Arrays.copyOf(rightCapacity, rights * 2);
        }
        rightCapacity[rights] = capacity;
        return rights++;
    }

    /**
     * Adds a candidate edge worth {@code value} (any sign; |value| ≤ 2^40) and returns its number (from 0). Parallel
     * edges are separate candidates.
     */
    public int addEdge(int left, int right, long value) {
        if (left < 0 || left >= lefts) {
            throw new IllegalArgumentException("No left item " + left);
        }
        if (right < 0 || right >= rights) {
            throw new IllegalArgumentException("No right item " + right);
        }
        if (Math.abs(value) > FlowNetwork.MAX_ABS_UNIT_COST) {
            throw new IllegalArgumentException("Value out of range (|value| ≤ 2^40): " + value);
        }
        if (edges == edgeLeft.length) {
            int grown = edges * 2;
            edgeLeft = Arrays.copyOf(edgeLeft, grown);
            edgeRight = Arrays.copyOf(edgeRight, grown);
            edgeValue = Arrays.copyOf(edgeValue, grown);
            pinned = Arrays.copyOf(pinned, grown);
        }
        edgeLeft[edges] = left;
        edgeRight[edges] = right;
        edgeValue[edges] = value;
        return edges++;
    }

    /** Makes the edge part of every answer; {@link #solve} refuses pins that exceed an item's capacity. */
    public void pin(int edge) {
        requireEdge(edge);
        pinned[edge] = true;
    }

    public int leftCount() {
        return lefts;
    }

    public int rightCount() {
        return rights;
    }

    public int edgeCount() {
        return edges;
    }

    public long leftCapacity(int left) {
        if (left < 0 || left >= lefts) {
            throw new IllegalArgumentException("No left item " + left);
        }
        return leftCapacity[left];
    }

    public long rightCapacity(int right) {
        if (right < 0 || right >= rights) {
            throw new IllegalArgumentException("No right item " + right);
        }
        return rightCapacity[right];
    }

    public int left(int edge) {
        requireEdge(edge);
        return edgeLeft[edge];
    }

    public int right(int edge) {
        requireEdge(edge);
        return edgeRight[edge];
    }

    public long value(int edge) {
        requireEdge(edge);
        return edgeValue[edge];
    }

    public boolean isPinned(int edge) {
        requireEdge(edge);
        return pinned[edge];
    }

    /**
     * The edges of greatest total value, pins included, with the proof.
     *
     * @throws IllegalArgumentException when the pins give an item more edges than its capacity
     * @throws IllegalStateException when the answer fails its certificate (a defect; never a silent wrong answer)
     */
    public Solution solve() {
        long[] leftLeft = Arrays.copyOf(leftCapacity, lefts);
        long[] rightLeft = Arrays.copyOf(rightCapacity, rights);
        long pinnedValue = 0;
        for (int e = 0; e < edges; e++) {
            if (pinned[e]) {
                if (--leftLeft[edgeLeft[e]] < 0) {
                    throw new IllegalArgumentException("Pins give left item " + edgeLeft[e] + " more edges than its"
                            + " capacity " + leftCapacity[edgeLeft[e]]);
                }
                if (--rightLeft[edgeRight[e]] < 0) {
                    throw new IllegalArgumentException("Pins give right item " + edgeRight[e] + " more edges than its"
                            + " capacity " + rightCapacity[edgeRight[e]]);
                }
                pinnedValue += edgeValue[e];
            }
        }
        Network built = network(leftLeft, rightLeft);
        boolean[] active = new boolean[edges];
        for (int e = 0; e < edges; e++) {
            active[e] = !pinned[e];
        }
        BipartiteSolver solver = new BipartiteSolver(lefts, leftLeft, rights, rightLeft, edges, edgeLeft, edgeRight,
                edgeValue, active);
        solver.run();
        FlowSolution flow = MinCostFlow.certified(built.network, flowOf(solver, built));
        boolean[] chosen = new boolean[edges];
        int count = 0;
        for (int e = 0; e < edges; e++) {
            chosen[e] = pinned[e] || (built.arcOfEdge[e] >= 0 && flow.flow(built.arcOfEdge[e]) > 0);
            if (chosen[e]) {
                count++;
            }
        }
        int[] list = new int[count];
        for (int e = 0, k = 0; e < edges; e++) {
            if (chosen[e]) {
                list[k++] = e;
            }
        }
        return new Solution(list, chosen, pinnedValue - flow.totalCost(), built.network, built.arcOfEdge, flow);
    }

    /** The solver's answer as a flow on the network's arcs, laid out as {@link #network} adds them. */
    private FlowSolution flowOf(BipartiteSolver solver, Network built) {
        long[] flow = new long[built.network.arcCount()];
        int arc = 0;
        for (int i = 0; i < lefts; i++) {
            flow[arc++] = solver.leftUsed(i);
        }
        for (int j = 0; j < rights; j++) {
            flow[arc++] = solver.rightUsed(j);
        }
        flow[arc] = solver.unassigned();
        long total = 0;
        for (int e = 0; e < edges; e++) {
            if (built.arcOfEdge[e] >= 0 && solver.matched(e)) {
                flow[built.arcOfEdge[e]] = 1;
                total = Math.addExact(total, -edgeValue[e]);
            }
        }
        return new FlowSolution(flow, total, new OptimalityCertificate(solver.potentials()));
    }

    /** The flow network of the unpinned edges with the capacities the pins leave. */
    private Network network(long[] leftLeft, long[] rightLeft) {
        FlowNetwork network = new FlowNetwork(2 + lefts + rights, lefts + rights + 1 + edges);
        int source = network.addNode();
        int sink = network.addNode();
        int firstLeft = 2;
        int firstRight = firstLeft + lefts;
        for (int i = 0; i < lefts + rights; i++) {
            network.addNode();
        }
        long supply = 0;
        for (int i = 0; i < lefts; i++) {
            network.addArc(source, firstLeft + i, leftLeft[i], 0);
            supply = Math.addExact(supply, leftLeft[i]);
        }
        for (int j = 0; j < rights; j++) {
            network.addArc(firstRight + j, sink, rightLeft[j], 0);
        }
        network.addArc(source, sink, supply, 0);
        network.setSupply(source, supply);
        network.setSupply(sink, -supply);
        int[] arcOfEdge = new int[edges];
        for (int e = 0; e < edges; e++) {
            arcOfEdge[e] = pinned[e] ? -1
                    : network.addArc(firstLeft + edgeLeft[e], firstRight + edgeRight[e], 1, -edgeValue[e]);
        }
        return new Network(network, arcOfEdge);
    }

    private record Network(FlowNetwork network, int[] arcOfEdge) {
    }

    private static void requireCapacity(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("Capacity must not be negative: " + capacity);
        }
    }

    private void requireEdge(int edge) {
        if (edge < 0 || edge >= edges) {
            throw new IllegalArgumentException("No edge " + edge);
        }
    }

    /**
     * The chosen edges, their total value, and the proof: {@link #network()} is the flow network of the unpinned
     * edges (node 0 the source, 1 the sink, then the left items, then the right items; its arcs the source's to each
     * left item, each right item's to the sink, the source's to the sink, then one per unpinned edge in edge order),
     * {@link #flow()} its minimum-cost flow, and {@code certificate().verify(network(), flow())} checks it.
     */
    public static final class Solution {

        private final int[] chosenEdges;
        private final boolean[] chosen;
        private final long objective;
        private final FlowNetwork network;
        private final int[] arcOfEdge;
        private final FlowSolution flow;

        Solution(int[] chosenEdges, boolean[] chosen, long objective, FlowNetwork network, int[] arcOfEdge,
                FlowSolution flow) {
            this.chosenEdges = chosenEdges;
            this.chosen = chosen;
            this.objective = objective;
            this.network = network;
            this.arcOfEdge = arcOfEdge;
            this.flow = flow;
        }

        /** The arc of {@link #network()} that stands for an unpinned edge; -1 for a pinned edge. */
        public int arcOf(int edge) {
            if (edge < 0 || edge >= arcOfEdge.length) {
                throw new IllegalArgumentException("No edge " + edge);
            }
            return arcOfEdge[edge];
        }

        /** The chosen edges' numbers, ascending, pins included. */
        public int[] chosenEdges() {
            return chosenEdges.clone();
        }

        public boolean isChosen(int edge) {
            if (edge < 0 || edge >= chosen.length) {
                throw new IllegalArgumentException("No edge " + edge);
            }
            return chosen[edge];
        }

        /** The total value of the chosen edges, pins included. */
        public long objective() {
            return objective;
        }

        public OptimalityCertificate certificate() {
            return flow.certificate();
        }

        public FlowNetwork network() {
            return network;
        }

        public FlowSolution flow() {
            return flow;
        }
    }
}
