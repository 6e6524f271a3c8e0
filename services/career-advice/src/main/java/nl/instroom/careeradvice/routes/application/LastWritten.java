package nl.instroom.careeradvice.routes.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.instroom.careeradvice.routes.domain.RouteSession;

/**
 * The sessions this instance wrote last, as it wrote them, so that an answer can go straight to the store's
 * version-checked update instead of reading the session first: one round trip per answer instead of two
 * (docs/performance.md, route finder). The copy is only a guess at the stored state — another instance may have
 * answered since, or the session may be gone — and the update's revision check is what decides: when it refuses,
 * the answer is given again on the session as read from the store. Bounded, least recently used first out; the
 * sessions are anonymous (an id and answers), so keeping some in memory keeps no one.
 */
final class LastWritten {

    /** A visitor answers six questions within minutes; this many walks at once is far beyond the desk's traffic. */
    static final int LIMIT = 10_000;

    private record Copy(Instant startedAt, Map<String, String> answers, String rulesVersion, boolean countedComplete,
            long revision) {
    }

    private final int limit;
    private final Map<String, Copy> copies;

    LastWritten() {
        this(LIMIT);
    }

    LastWritten(int limit) {
        this.limit = limit;
        this.copies = new LinkedHashMap<>(256, 0.75f, true);
    }

    /** Remembers the session as just written (its revision is the stored one now). */
    synchronized void remember(RouteSession session) {
        copies.put(session.id(), new Copy(session.startedAt(), session.answers(), session.rulesVersion(),
                session.countedComplete(), session.revision()));
        if (copies.size() > limit) {
            copies.remove(copies.keySet().iterator().next());
        }
    }

    /** A fresh session object from the copy, as if it had been read from the store; empty when none is kept. */
    synchronized Optional<RouteSession> recall(String id) {
        Copy copy = copies.get(id);
        return copy == null ? Optional.empty() : Optional.of(RouteSession.restore(id, copy.startedAt(),
                copy.answers(), copy.rulesVersion(), copy.countedComplete(), copy.revision()));
    }

    synchronized void forget(String id) {
        copies.remove(id);
    }

    synchronized int size() {
        return copies.size();
    }
}
