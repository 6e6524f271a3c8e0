package nl.instroom.careeradvice.routes.application;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import nl.instroom.careeradvice.routes.domain.RouteSession;

/**
 * The sessions this instance wrote last, as it wrote them, so that an answer can go straight to the store's
 * version-checked update instead of reading the session first: one round trip per answer instead of two
 * (docs/performance.md, route finder). The copy is only a guess at the stored state — another instance may have
 * answered since, or the session may be gone — and the update's revision check is what decides: when it refuses,
 * the answer is given again on the session as read from the store. The sessions are anonymous (an id and
 * answers), so keeping some in memory keeps no one.
 *
 * <p>Bounded by writes, without a lock: every request thread of the route finder passes here twice, and the
 * benchmark's profile showed threads waiting on the monitor of the synchronized, access-ordered map this was before.
 * The copies of the last {@link #LIMIT} writes are kept; when a write is older than that, its copy goes, unless
 * the session was written again since (then the newer write's copy stays, to go in its turn).
 */
final class LastWritten {

    /** A visitor answers six questions within minutes; this many writes is far beyond the desk's traffic then. */
    static final int LIMIT = 10_000;

    private record Copy(Instant startedAt, Map<String, String> answers, String rulesVersion, boolean countedComplete,
            long revision) {
    }

    /** One write, in the order of writing: which session, and the copy it left. */
    private record Written(String id, Copy copy) {
    }

    private final int limit;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final Queue<Written> writes = new ConcurrentLinkedQueue<>();
    /** The length of {@link #writes}, kept apart: a concurrent queue counts its size by walking it. */
    private final AtomicInteger queued = new AtomicInteger();

    LastWritten() {
        this(LIMIT);
    }

    LastWritten(int limit) {
        this.limit = limit;
    }

    /** Remembers the session as just written (its revision is the stored one now). */
    void remember(RouteSession session) {
        Copy copy = new Copy(session.startedAt(), session.answers(), session.rulesVersion(),
                session.countedComplete(), session.revision());
        copies.put(session.id(), copy);
        writes.add(new Written(session.id(), copy));
        if (queued.incrementAndGet() > limit) {
            Written oldest = writes.poll();
            if (oldest != null) {
                queued.decrementAndGet();
                // Only when that write's copy is still the session's (the same object): a newer write keeps its own.
                copies.computeIfPresent(oldest.id(), (id, current) -> current == oldest.copy() ? null : current);
            }
        }
    }

    /** A fresh session object from the copy, as if it had been read from the store; empty when none is kept. */
    Optional<RouteSession> recall(String id) {
        Copy copy = copies.get(id);
        return copy == null ? Optional.empty() : Optional.of(RouteSession.restore(id, copy.startedAt(),
                copy.answers(), copy.rulesVersion(), copy.countedComplete(), copy.revision()));
    }

    void forget(String id) {
        copies.remove(id);
    }

    /** How many sessions have a copy. */
    int size() {
        return copies.size();
    }
}
