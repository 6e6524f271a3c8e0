package nl.instroom.assignment;

import java.util.Arrays;

/**
 * The assignment network of {@link BipartiteAssignment} solved by shortest augmenting paths one right item at a
 * time (the Hungarian method, generalised to capacities and to leaving items unassigned), after a cheap bidding
 * phase when left items take one edge each, with the potentials of that network kept valid throughout, so they are
 * its certificate at the end.
 *
 * <p>Why not the general {@link MinCostFlow}: its searches start from the source (or the sink), which reaches every
 * left (or right) item at once, so each search scans most of the network. Here a search starts from the one right
 * item being added and walks backwards, and mostly stops after a few columns: at a left item with room, or at a
 * right item that would rather give up a unit. Nodes are numbered as in the network: 0 source, 1 sink, 2 + i left
 * item i, 2 + lefts + j right item j. Right items not yet added are not part of the network yet; adding one gives
 * it the highest potential its arcs from the left items allow.
 *
 * <p>Each unit of a right item's capacity is a question: is there a cycle through its arc to the sink, back to it
 * through the residual network, of negative cost? The backward Dijkstra from the item answers it; if so the cycle
 * is pushed, if not the item is done. Only arcs into the sink of items not yet done may have a negative reduced
 * cost meanwhile, and the search never relaxes an arc into the sink (it stops there).
 */
final class BipartiteSolver {

    private static final int SOURCE = 0;
    private static final int SINK = 1;
    private static final long UNREACHED = Long.MAX_VALUE;

    private final int lefts;
    private final int rights;
    private final long[] leftCapacity;
    private final long[] rightCapacity;
    private final int[] edgeLeft;
    private final int[] edgeRight;
    private final long[] edgeValue;

    /** Column lists: the active edges of right item j are columnEdge[columnStart[j] .. columnStart[j + 1]). */
    private final int[] columnStart;
    private final int[] columnEdge;
    private final int[] columnLeft;
    private final long[] columnValue;
    /** Whether the edge at a column position is matched, and each edge's position: scans then read in order. */
    private final boolean[] columnMatched;
    private final int[] positionOfEdge;

    private final boolean[] matched;
    private final long[] leftUsed;
    private final long[] rightUsed;
    /** The matched edges of each left item, as linked lists through nextMatched. */
    private final int[] firstMatched;
    private final int[] nextMatched;
    private final int[] previousMatched;
    private long unassigned;

    private final long[] potential;
    private final boolean[] initialized;
    private final long[] distance;
    private final boolean[] settled;
    private final int[] nextNode;
    private final int[] nextEdge;
    private final IndexedMinHeap heap;
    private final int[] touched;
    private int touchedCount;

    /**
     * @param active which edges take part (pinned edges do not: the capacities given are what the pins leave)
     */
    BipartiteSolver(int lefts, long[] leftCapacity, int rights, long[] rightCapacity, int edges, int[] edgeLeft,
            int[] edgeRight, long[] edgeValue, boolean[] active) {
        this.lefts = lefts;
        this.rights = rights;
        this.leftCapacity = leftCapacity;
        this.rightCapacity = rightCapacity;
        this.edgeLeft = edgeLeft;
        this.edgeRight = edgeRight;
        this.edgeValue = edgeValue;
        columnStart = new int[rights + 1];
        for (int e = 0; e < edges; e++) {
            if (active[e]) {
                columnStart[edgeRight[e] + 1]++;
            }
        }
        for (int j = 0; j < rights; j++) {
            columnStart[j + 1] += columnStart[j];
        }
        int count = columnStart[rights];
        columnEdge = new int[count];
        columnLeft = new int[count];
        columnValue = new long[count];
        columnMatched = new boolean[count];
        positionOfEdge = new int[edges];
        int[] fill = Arrays.copyOf(columnStart, rights);
        for (int e = 0; e < edges; e++) {
            if (active[e]) {
                int k = fill[edgeRight[e]]++;
                positionOfEdge[e] = k;
                columnEdge[k] = e;
                columnLeft[k] = edgeLeft[e];
                columnValue[k] = edgeValue[e];
            }
        }
        matched = new boolean[edges];
        leftUsed = new long[lefts];
        rightUsed = new long[rights];
        firstMatched = new int[lefts];
        Arrays.fill(firstMatched, -1);
        nextMatched = new int[edges];
        previousMatched = new int[edges];
        for (int i = 0; i < lefts; i++) {
            unassigned = Math.addExact(unassigned, leftCapacity[i]);
        }
        int nodes = 2 + lefts + rights;
        potential = new long[nodes];
        initialized = new boolean[rights];
        distance = new long[nodes];
        settled = new boolean[nodes];
        Arrays.fill(distance, UNREACHED);
        nextNode = new int[nodes];
        nextEdge = new int[nodes];
        // Scores tie often (a pair's points are sums of a few weights), so many arcs have the same reduced cost:
        // polling source, sink and left items before right items of equal distance ends a search as soon as a
        // cheapest path is known, instead of scanning every right item's column on that plateau first. On a
        // national cross-mentoring cohort (2,000 × 1,200) it cut the relaxations ninefold and the solve from about
        // 1.6 to 0.5 s (docs/performance.md).
        heap = new IndexedMinHeap(nodes, true);
        touched = new int[nodes];
    }

    private int leftNode(int i) {
        return 2 + i;
    }

    private int rightNode(int j) {
        return 2 + lefts + j;
    }

    /** Solves; afterwards {@link #matched}, the usages and the potentials describe an optimal flow. */
    void run() {
        boolean unitLefts = true;
        long top = 0;
        for (int i = 0; i < lefts; i++) {
            unitLefts &= leftCapacity[i] <= 1;
        }
        for (int c = 0; c < columnValue.length; c++) {
            top = Math.max(top, Math.abs(columnValue[c]));
        }
        for (int i = 0; i < lefts; i++) {
            if (leftCapacity[i] == 0) {
                // No flow can reach this item; a potential above every value keeps its arcs valid and unattractive.
                potential[leftNode(i)] = top + 1;
            }
        }
        if (unitLefts) {
            bid();
        }
        for (int j = 0; j < rights; j++) {
            addRight(j);
        }
    }

    /**
     * A cheap first phase for the usual case of left items taking one edge each (Jonker and Volgenant's augmenting
     * row reduction, an auction without ε): a right item with room takes the left item of greatest profit (value
     * minus the left item's price), taking it from its holder if need be, and sets its own dual to the second-best
     * profit (at least 0, leaving it unassigned), which raises that left item's price to keep the pair tight. Every
     * step keeps the potentials a valid dual of the flow so far, except on the arcs to the sink of right items that
     * still have room, which is exactly where the shortest-path phase takes over. Ties can make items take a left
     * item from each other without raising its price; the bid budget ends that, and the shortest paths finish.
     */
    private void bid() {
        int[] queue = new int[rights + 1];
        boolean[] queued = new boolean[rights];
        int head = 0;
        int tail = 0;
        int size = 0;
        long units = 0;
        for (int j = 0; j < rights; j++) {
            if (rightCapacity[j] > 0 && columnStart[j + 1] > columnStart[j]) {
                queue[tail++] = j;
                queued[j] = true;
                size++;
                units += rightCapacity[j];
            }
        }
        tail %= queue.length;
        int[] own = new int[16];
        long budget = 4 * units + rights;
        while (size > 0 && budget-- > 0) {
            int j = queue[head];
            head = (head + 1) % queue.length;
            size--;
            queued[j] = false;
            long first = Long.MIN_VALUE;
            long second = Long.MIN_VALUE;
            int best = -1;
            int owned = 0;
            for (int c = columnStart[j]; c < columnStart[j + 1]; c++) {
                int i = columnLeft[c];
                if (columnMatched[c]) {
                    if (owned == own.length) {
                        own = Arrays.copyOf(own, owned * 2);
                    }
                    own[owned++] = columnEdge[c];
                    continue;
                }
                if (leftCapacity[i] == 0) {
                    continue;
                }
                long profit = columnValue[c] - potential[leftNode(i)];
                if (profit > first || (profit == first && leftUsed[i] == 0 && leftUsed[columnLeft[best]] > 0)) {
                    second = first;
                    first = profit;
                    best = c;
                } else if (profit > second) {
                    second = profit;
                }
            }
            if (first <= 0) {
                // Nothing left worth taking: the item keeps what it has, with dual 0 (its room may stay unused).
                setDual(j, 0, own, owned);
                initialized[j] = true;
                continue;
            }
            int e = columnEdge[best];
            int i = columnLeft[best];
            if (leftUsed[i] > 0) {
                int taken = firstMatched[i];
                int holder = edgeRight[taken];
                unmatch(taken);
                leftUsed[i]--;
                rightUsed[holder]--;
                unassigned++;
                if (!queued[holder]) {
                    queue[tail] = holder;
                    tail = (tail + 1) % queue.length;
                    queued[holder] = true;
                    size++;
                }
            }
            match(e);
            leftUsed[i]++;
            rightUsed[j]++;
            unassigned--;
            if (owned == own.length) {
                own = Arrays.copyOf(own, owned * 2);
            }
            own[owned++] = e;
            setDual(j, Math.max(second, 0), own, owned);
            initialized[j] = true;
            if (rightUsed[j] < rightCapacity[j] && !queued[j]) {
                queue[tail] = j;
                tail = (tail + 1) % queue.length;
                queued[j] = true;
                size++;
            }
        }
    }

    /** Sets right item j's dual to {@code dual} and its left items' prices so that each of its pairs is tight. */
    private void setDual(int j, long dual, int[] own, int owned) {
        potential[rightNode(j)] = potential[SINK] - dual;
        for (int k = 0; k < owned; k++) {
            int e = own[k];
            potential[leftNode(edgeLeft[e])] = potential[SOURCE] + edgeValue[e] - dual;
        }
    }

    private void addRight(int j) {
        int node = rightNode(j);
        if (!initialized[j]) {
            long best = potential[SINK];
            for (int k = columnStart[j]; k < columnStart[j + 1]; k++) {
                best = Math.min(best, potential[leftNode(columnLeft[k])] - columnValue[k]);
            }
            potential[node] = best;
            initialized[j] = true;
        }
        while (rightUsed[j] < rightCapacity[j]) {
            long arcToSink = potential[node] - potential[SINK];
            if (arcToSink >= 0) {
                return;
            }
            long back = searchBackFrom(j);
            // The potentials moved by the search: the arc's reduced cost is now arcToSink + back, the cost of the
            // cycle through it. Not negative: j is done.
            if (back == UNREACHED || arcToSink + back >= 0) {
                forgetSearch();
                return;
            }
            rightUsed[j]++;
            pushPathFromSink(node);
            forgetSearch();
        }
    }

    /**
     * Dijkstra over reversed residual arcs from right item j to the sink; returns the sink's distance and lowers
     * every potential by its node's distance, capped at the sink's, which keeps every reduced cost non-negative and
     * makes the arcs of the path found cost exactly 0.
     */
    private long searchBackFrom(int j) {
        heap.reset(distance);
        int root = rightNode(j);
        distance[root] = 0;
        touched[touchedCount++] = root;
        heap.insertOrDecrease(root);
        long reach = UNREACHED;
        while (!heap.isEmpty()) {
            int x = heap.pollMin();
            settled[x] = true;
            long dx = distance[x];
            if (x == SINK) {
                reach = dx;
                break;
            }
            long px = potential[x];
            if (x == SOURCE) {
                if (unassigned > 0) {
                    relax(SINK, dx + potential[SINK] - px, x, -1);
                }
                for (int i = 0; i < lefts; i++) {
                    if (leftUsed[i] > 0) {
                        int y = leftNode(i);
                        relax(y, dx + potential[y] - px, x, -1);
                    }
                }
            } else if (x < 2 + lefts) {
                int i = x - 2;
                if (leftUsed[i] < leftCapacity[i]) {
                    relax(SOURCE, dx + potential[SOURCE] - px, x, -1);
                }
                for (int e = firstMatched[i]; e >= 0; e = nextMatched[e]) {
                    // The matched edge undone: right item → left item, at cost +value.
                    int y = rightNode(edgeRight[e]);
                    relax(y, dx + edgeValue[e] + potential[y] - px, x, e);
                }
            } else {
                int k = x - 2 - lefts;
                if (rightUsed[k] > 0) {
                    relax(SINK, dx + potential[SINK] - px, x, -1);
                }
                for (int c = columnStart[k]; c < columnStart[k + 1]; c++) {
                    if (!columnMatched[c]) {
                        int y = leftNode(columnLeft[c]);
                        relax(y, dx - columnValue[c] + potential[y] - px, x, columnEdge[c]);
                    }
                }
            }
        }
        boolean sinkReached = reach != UNREACHED;
        if (!sinkReached) {
            // No residual path from the sink to j (every left item j could take is full and none can give up a
            // unit): there is no cycle through j's arc to the sink. Move the potentials as if the sink lay just
            // beyond the farthest node reached; the reached nodes are exactly those with a residual path to j.
            reach = 0;
            for (int t = 0; t < touchedCount; t++) {
                reach = Math.max(reach, distance[touched[t]]);
            }
        }
        // Lowering every potential by min(distance, reach) is, up to one shift of all potentials together (which
        // changes no reduced cost), raising the nodes closer than the sink by (reach − distance): only those are
        // touched.
        for (int t = 0; t < touchedCount; t++) {
            int v = touched[t];
            if (distance[v] < reach) {
                potential[v] += reach - distance[v];
            }
        }
        if (sinkReached) {
            return reach;
        }
        // No arc enters the reached set from outside it in the residual network, so raising its potentials
        // together invalidates nothing; raise them until j's arc to the sink costs 0 and is a valid residual arc.
        long lift = potential[SINK] - potential[root];
        if (lift > 0) {
            for (int t = 0; t < touchedCount; t++) {
                potential[touched[t]] += lift;
            }
        }
        return UNREACHED;
    }

    private void relax(int y, long d, int via, int edge) {
        // A node already settled is final: with valid potentials it cannot improve, and if a defect made a reduced
        // cost negative, re-opening it could search forever; settled, the search ends and the certificate fails.
        if (d < distance[y] && !settled[y]) {
            if (distance[y] == UNREACHED) {
                touched[touchedCount++] = y;
            }
            distance[y] = d;
            nextNode[y] = via;
            nextEdge[y] = edge;
            heap.insertOrDecrease(y);
        }
    }

    /** Pushes one unit from the sink along the path found back to the root, then forgets the search. */
    private void pushPathFromSink(int root) {
        int v = SINK;
        while (v != root) {
            int u = nextNode[v];
            int e = nextEdge[v];
            if (v == SINK) {
                if (u == SOURCE) {
                    unassigned--;
                } else {
                    rightUsed[u - 2 - lefts]--;
                }
            } else if (v == SOURCE) {
                leftUsed[u - 2]++;
            } else if (v < 2 + lefts) {
                if (u == SOURCE) {
                    leftUsed[v - 2]--;
                } else {
                    match(e);
                }
            } else {
                unmatch(e);
            }
            v = u;
        }
    }

    private void forgetSearch() {
        for (int t = 0; t < touchedCount; t++) {
            distance[touched[t]] = UNREACHED;
            settled[touched[t]] = false;
        }
        touchedCount = 0;
    }

    private void match(int e) {
        matched[e] = true;
        columnMatched[positionOfEdge[e]] = true;
        int i = edgeLeft[e];
        nextMatched[e] = firstMatched[i];
        previousMatched[e] = -1;
        if (firstMatched[i] >= 0) {
            previousMatched[firstMatched[i]] = e;
        }
        firstMatched[i] = e;
    }

    private void unmatch(int e) {
        matched[e] = false;
        columnMatched[positionOfEdge[e]] = false;
        int i = edgeLeft[e];
        if (previousMatched[e] >= 0) {
            nextMatched[previousMatched[e]] = nextMatched[e];
        } else {
            firstMatched[i] = nextMatched[e];
        }
        if (nextMatched[e] >= 0) {
            previousMatched[nextMatched[e]] = previousMatched[e];
        }
    }

    boolean matched(int e) {
        return matched[e];
    }

    long leftUsed(int i) {
        return leftUsed[i];
    }

    long rightUsed(int j) {
        return rightUsed[j];
    }

    long unassigned() {
        return unassigned;
    }

    /** The potentials of the network's nodes: the certificate. */
    long[] potentials() {
        return potential.clone();
    }
}
