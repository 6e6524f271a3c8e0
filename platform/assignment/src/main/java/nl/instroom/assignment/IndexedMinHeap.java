package nl.instroom.assignment;

import java.util.Arrays;

/**
 * A binary min-heap of node numbers keyed by a caller's distance array, with decrease-key: Dijkstra's queue without
 * an object per entry, because the searches here touch millions of arcs.
 */
final class IndexedMinHeap {

    private final int[] heap;
    private final int[] position;
    private long[] key;
    private int size;

    IndexedMinHeap(int capacity) {
        heap = new int[capacity];
        position = new int[capacity];
        Arrays.fill(position, -1);
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
            if (key[p] <= k) {
                break;
            }
            heap[i] = p;
            position[p] = i;
            i = parent;
        }
        heap[i] = node;
        position[node] = i;
    }

    private void siftDown(int i) {
        int node = heap[i];
        long k = key[node];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && key[heap[right]] < key[heap[child]]) {
                child = right;
            }
            if (key[heap[child]] >= k) {
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
