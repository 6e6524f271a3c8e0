package nl.instroom.assignment;

import java.util.Arrays;

/**
 * A binary min-heap of node numbers keyed by a caller's distance array, with decrease-key: Dijkstra's queue without
 * an object per entry, because the searches here touch millions of arcs.
 */
final class IndexedMinHeap {

    private final int[] heap;
    private final int[] position;
    /** Among equal keys, the lower node number first (else in no particular order). */
    private final boolean lowerNodeFirst;
    private long[] key;
    private int size;

    IndexedMinHeap(int capacity) {
        this(capacity, false);
    }

    /**
     * @param lowerNodeFirst among nodes of equal key, poll the lower node number first: with many equal distances
     *     (scores that tie) a search can then reach the nodes numbered first — source, sink, left items — before it
     *     walks the whole plateau of equal distances through the right items (see {@link BipartiteSolver})
     */
    IndexedMinHeap(int capacity, boolean lowerNodeFirst) {
        heap = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
        this.lowerNodeFirst = lowerNodeFirst;
    }

    /** Empties the heap and keys it by {@code key} from now on. */
    void reset(long[] key) {
        for (int i = 0; i < size; i++) {
            position[heap[i]] = -1;
        }
        size = 0;
        this.key = key;
    }

    boolean isEmpty() {
        return size == 0;
    }

    boolean contains(int node) {
        return position[node] >= 0;
    }

    /** Inserts the node, or moves it up after its key was lowered. */
    void insertOrDecrease(int node) {
        int i = position[node];
        if (i < 0) {
            i = size++;
            heap[i] = node;
            position[node] = i;
        }
        siftUp(i);
    }

    int pollMin() {
        int min = heap[0];
        position[min] = -1;
        size--;
        if (size > 0) {
            heap[0] = heap[size];
            position[heap[0]] = 0;
            siftDown(0);
        }
        return min;
    }

    private void siftUp(int i) {
        int node = heap[i];
        long k = key[node];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (key[p] < k || key[p] == k && (!lowerNodeFirst || p < node)) {
                break;
            }
            heap[i] = p;
            position[p] = i;
            i = parent;
        }
        heap[i] = node;
        position[node] = i;
    }

    private boolean before(int a, int b) {
        return key[a] < key[b] || lowerNodeFirst && key[a] == key[b] && a < b;
    }

    private void siftDown(int i) {
        int node = heap[i];
        long k = key[node];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            int c = heap[child];
            if (key[c] > k || key[c] == k && (!lowerNodeFirst || c > node)) {
                break;
            }
            heap[i] = heap[child];
            position[heap[i]] = i;
            i = child;
        }
        heap[i] = node;
        position[node] = i;
    }
}
