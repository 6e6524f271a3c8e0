package nl.instroom.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the store's file so that a write acknowledged with a journaled write concern is on disk before the
 * acknowledgement, and concurrent such writes share one commit and one {@code fdatasync} (group commit).
 *
 * <p>Every write command takes a ticket when it is done; a journaled one waits until a commit that began after that
 * covers its ticket. The committer thread commits ({@link MVStore#commit()}) and forces the file to disk while
 * commands go on: it never waits for them, nor they for it. A commit may therefore hold part of a command that was
 * still running — never one that was acknowledged as journaled — such as a document whose index entry was not yet
 * written; {@link StoreFormat#repair} mends that when a store opens after a crash. (A first design made commits
 * wait for running commands behind a lock; under the pipeline benchmark a query holding a collection kept a write
 * waiting, the commit waited for that write and every journaled write for the commit.) Writes without journaling
 * are committed in the background within {@code backgroundInterval}: those may be lost on a crash.
 *
 * <p>The store is opened with H2's own background commits off, so that commits happen only here; housekeeping
 * (rewriting sparse chunks) therefore runs here too.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final long HOUSEKEEPING_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int TARGET_FILL_RATE = 50;
    private static final int HOUSEKEEPING_WRITE_BYTES = 4 * 1024 * 1024;

    private final MVStore store;
    private final FileChannel dataSync;
    private final long backgroundNanos;
    private final Thread committer;

    // Guarded by this.
    private long issued;
    private long committed;
    private long firstUncommittedAt;
    private int journaledWaiting;
    private boolean closed;
    private RuntimeException failure;
    private long commits;
    private long lastHousekeeping = System.nanoTime();

    GroupCommit(MVStore store, Duration backgroundInterval) {
        this.store = store;
        this.dataSync = openForDataSync(store);
        this.backgroundNanos = backgroundInterval.toNanos();
        this.committer = new Thread(this::run, "store-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** Runs a write command; with {@code journaled}, returns only once a commit on disk holds its effects. */
    <T> T write(Supplier<T> command, boolean journaled) {
        T result;
        long ticket;
        try {
            result = command.get();
        } finally {
            ticket = issue();
        }
        if (journaled) {
            awaitCommitted(ticket);
        }
        return result;
    }

    /** How many commits were made: the number of forces to disk that journaled writes cost. */
    synchronized long commits() {
        return commits;
    }

    private synchronized long issue() {
        if (issued == committed) {
            firstUncommittedAt = System.nanoTime();
        }
        issued++;
        notifyAll();
        return issued;
    }

    private synchronized void awaitCommitted(long ticket) {
        journaledWaiting++;
        notifyAll();
        try {
            while (committed < ticket) {
                if (failure != null) {
                    throw new IllegalStateException("The store could not commit to its file", failure);
                }
                if (closed) {
                    throw new IllegalStateException("The store is closing; the write was not committed");
                }
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the commit", e);
        } finally {
            journaledWaiting--;
        }
    }

    private void run() {
        try {
            while (true) {
                long target = -1;
                synchronized (this) {
                    while (!commitDue()) {
                        if (closed) {
                            return;
                        }
                        if (housekeepingDue()) {
                            break;
                        }
                        wait(waitMillis());
                    }
                    if (commitDue()) {
                        target = issued;
                    }
                }
                // Outside the monitor: a writer holding the shared lock may be waiting for it to take its ticket.
                if (target >= 0) {
                    commit(target);
                } else {
                    housekeeping();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Committing the store failed; journaled writes are refused from now on", e);
            synchronized (this) {
                failure = e;
                notifyAll();
            }
        }
    }

    /** Guarded by this: a journaled write waits, or unjournaled writes have waited their background interval. */
    private boolean commitDue() {
        if (issued == committed) {
            return false;
        }
        return journaledWaiting > 0 || closed || System.nanoTime() - firstUncommittedAt >= backgroundNanos;
    }

    /** Guarded by this: until the background commit or the housekeeping is due, whichever comes first. */
    private long waitMillis() {
        long now = System.nanoTime();
        long remaining = HOUSEKEEPING_NANOS - (now - lastHousekeeping);
        if (issued != committed) {
            remaining = Math.min(remaining, backgroundNanos - (now - firstUncommittedAt));
        }
        return Math.max(1, remaining / 1_000_000);
    }

    private void commit(long target) {
        store.commit();
        forceToDisk();
        synchronized (this) {
            committed = Math.max(committed, target);
            commits++;
            if (issued > committed) {
                firstUncommittedAt = System.nanoTime();
            }
            notifyAll();
        }
    }

    /**
     * A second channel on the store's file, only to force its data to disk. H2 forces its file with {@code fsync}
     * ({@code force(true)}), which also writes the file's times; {@code fdatasync} ({@code force(false)}) writes the
     * data and what reading it back needs (the file's length included) and skips the rest, as MongoDB's journal and
     * PostgreSQL's WAL do on Linux. Both act on the file, not on the descriptor, so this channel forces what H2's
     * wrote. Appending 4 KB and forcing it took 2.4 ms with {@code fsync} and 1.1 ms with {@code fdatasync} on the
     * benchmark's disk — and every journaled write waits for one.
     */
    private static FileChannel openForDataSync(MVStore store) {
        if (store.getFileStore() == null || store.getFileStore().getFileName() == null
                || store.getFileStore().isReadOnly()) {
            return null;
        }
        try {
            return FileChannel.open(Path.of(store.getFileStore().getFileName()), StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the store's file to force it to disk", e);
        }
    }

    private void forceToDisk() {
        if (dataSync == null) {
            store.sync();
            return;
        }
        try {
            dataSync.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not force the store's file to disk", e);
        }
    }

    /** Guarded by this. */
    private boolean housekeepingDue() {
        return System.nanoTime() - lastHousekeeping >= HOUSEKEEPING_NANOS;
    }

    private void housekeeping() {
        synchronized (this) {
            lastHousekeeping = System.nanoTime();
        }
        if (store.getFillRate() >= TARGET_FILL_RATE) {
            return;
        }
        store.compact(TARGET_FILL_RATE, HOUSEKEEPING_WRITE_BYTES);
        store.commit();
    }

    /** Commits what is left and stops the committer; writes still waiting are committed first. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            committer.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!store.isClosed()) {
            store.commit();
        }
        if (dataSync != null) {
            try {
                dataSync.close();
            } catch (IOException e) {
                log.warn("Closing the store file's sync channel failed", e);
            }
        }
    }
}
