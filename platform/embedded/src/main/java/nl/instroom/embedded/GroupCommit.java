package nl.instroom.embedded;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits the store's file so that a write acknowledged with a journaled write concern is on disk before the
 * acknowledgement, and concurrent such writes share one commit and one {@code fsync} (group commit).
 *
 * <p>Every write command runs under the shared side of a lock and takes a ticket when it is done; the committer
 * thread takes the exclusive side only for the moment of {@link MVStore#commit()}, so a commit never holds half of
 * a command (a document without its index entry), then forces the file to disk outside the lock while the next
 * writes go on. A journaled write waits until a commit covers its ticket. Writes without journaling are committed
 * in the background within {@code backgroundInterval}, as before: those may be lost on a crash.
 *
 * <p>The store is opened with H2's own background commits off: they would commit at any moment, halfway through a
 * command. Housekeeping (rewriting sparse chunks) therefore runs here too, under the exclusive lock.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    private static final long HOUSEKEEPING_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int TARGET_FILL_RATE = 50;
    private static final int HOUSEKEEPING_WRITE_BYTES = 4 * 1024 * 1024;

    private final MVStore store;
    private final long backgroundNanos;
    private final ReentrantReadWriteLock commands = new ReentrantReadWriteLock();
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
        this.backgroundNanos = backgroundInterval.toNanos();
        this.committer = new Thread(this::run, "store-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** Runs a write command; with {@code journaled}, returns only once a commit on disk holds its effects. */
    <T> T write(Supplier<T> command, boolean journaled) {
        T result;
        long ticket;
        commands.readLock().lock();
        try {
            result = command.get();
        } finally {
            ticket = issue();
            commands.readLock().unlock();
        }
        if (journaled) {
            awaitCommitted(ticket);
        }
        return result;
    }

    /** How many commits were made: the number of {@code fsync}s that journaled writes cost. */
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
        commands.writeLock().lock();
        try {
            store.commit();
        } finally {
            commands.writeLock().unlock();
        }
        // Forcing the file needs no lock: writers only change memory until the next commit.
        store.sync();
        synchronized (this) {
            committed = Math.max(committed, target);
            commits++;
            if (issued > committed) {
                firstUncommittedAt = System.nanoTime();
            }
            notifyAll();
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
        commands.writeLock().lock();
        try {
            store.compact(TARGET_FILL_RATE, HOUSEKEEPING_WRITE_BYTES);
            store.commit();
        } finally {
            commands.writeLock().unlock();
        }
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
        commands.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.commit();
            }
        } finally {
            commands.writeLock().unlock();
        }
    }
}
