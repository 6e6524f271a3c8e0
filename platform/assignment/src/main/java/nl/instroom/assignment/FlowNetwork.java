package nl.instroom.assignment;

import java.util.Arrays;

/**
 * A directed network with capacities, unit costs and node supplies: the question a {@link MinCostFlow} answers.
 * Nodes and arcs are numbered from 0 in the order they are added; parallel arcs and arcs in both directions are
 * allowed. A positive supply is flow that must leave a node, a negative one flow that must arrive; the supplies
 * must add up to zero when solving.
 *
 * <p>Arrays of primitives rather than objects, because the networks of a national cohort have millions of arcs.
 */
public final class FlowNetwork {

    /**
     * The largest unit cost magnitude accepted: path costs (up to a node count times this) and potentials then
     * stay far from {@code long} overflow for any network that fits in memory.
     */
    public static final long MAX_ABS_UNIT_COST = 1L << 40;

    private int nodes;
    private long[] supply;
    private int arcs;
    private int[] from;
    private int[] to;
    private long[] capacity;
    private long[] unitCost;

    /** An empty network. */
    public FlowNetwork() {
        this(16, 16);
    }

    /** An empty network with room for this many nodes and arcs before it grows (it still grows past them). */
    public FlowNetwork(int expectedNodes, int expectedArcs) {
        supply = new long[Math.max(1, expectedNodes)];
        int room = Math.max(1, expectedArcs);
        from = new int[room];
        to = new int[room];
        capacity = new long[room];
        unitCost = new long[room];
    }

    /** Adds a node with supply 0 and returns its number. */
    public int addNode() {
        if (nodes == supply.length) {
            supply = Arrays.copyOf(supply, Math.max(16, nodes * 2));
        }
        return nodes++;
    }

    /** Adds an arc and returns its number; its flow will be between 0 and {@code capacity}. */
    public int addArc(int from, int to, long capacity, long unitCost) {
        checkNode(from);
        checkNode(to);
        if (capacity < 0) {
            throw new IllegalArgumentException("Capacity must not be negative: " + capacity);
        }
        if (Math.abs(unitCost) > MAX_ABS_UNIT_COST) {
            throw new IllegalArgumentException("Unit cost out of range (|cost| ≤ 2^40): " + unitCost);
        }
        if (arcs == this.from.length) {
            int grown = Math.max(16, arcs * 2);
            this.from = Arrays.copyOf(this.from, grown);
            this.to = Arrays.copyOf(this.to, grown);
            this.capacity = Arrays.copyOf(this.capacity, grown);
            this.unitCost = Arrays.copyOf(this.unitCost, grown);
        }
        this.from[arcs] = from;
        this.to[arcs] = to;
        this.capacity[arcs] = capacity;
        this.unitCost[arcs] = unitCost;
        return arcs++;
    }

    /** Sets how much flow must leave the node (positive) or arrive at it (negative). */
    public void setSupply(int node, long supply) {
        checkNode(node);
        this.supply[node] = supply;
    }

    public int nodeCount() {
        return nodes;
    }

    public int arcCount() {
        return arcs;
    }

    public long supply(int node) {
        checkNode(node);
        return supply[node];
    }

    public int from(int arc) {
        checkArc(arc);
        return from[arc];
    }

    public int to(int arc) {
        checkArc(arc);
        return to[arc];
    }

    public long capacity(int arc) {
        checkArc(arc);
        return capacity[arc];
    }

    public long unitCost(int arc) {
        checkArc(arc);
        return unitCost[arc];
    }

    // The solvers and the certificate read the arrays directly (no bounds check per arc); they are never handed out.

    int[] fromArray() {
        return from;
    }

    int[] toArray() {
        return to;
    }

    long[] capacityArray() {
        return capacity;
    }

    long[] unitCostArray() {
        return unitCost;
    }

    long[] supplyArray() {
        return supply;
    }

    private void checkNode(int node) {
        if (node < 0 || node >= nodes) {
            throw new IllegalArgumentException("No node " + node + " (the network has " + nodes + ")");
        }
    }

    private void checkArc(int arc) {
        if (arc < 0 || arc >= arcs) {
            throw new IllegalArgumentException("No arc " + arc + " (the network has " + arcs + ")");
        }
    }
}
