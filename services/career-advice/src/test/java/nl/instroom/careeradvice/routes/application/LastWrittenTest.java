package nl.instroom.careeradvice.routes.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import nl.instroom.careeradvice.routes.domain.RouteSession;
import org.junit.jupiter.api.Test;

/** The copies of the last writes, without a lock: bounded by writes, a session written again kept over older ones. */
class LastWrittenTest {

    private static final Instant STARTED = Instant.parse("2026-11-27T12:00:00Z");

    private static RouteSession written(String id, long revision) {
        return RouteSession.restore(id, STARTED, Map.of("sector", "vo"), "test-1", false, revision);
    }

    @Test
    void keepsTheCopiesOfTheLastWritesAndRecallsThemAsWritten() {
        LastWritten last = new LastWritten(3);
        last.remember(written("a", 1));
        last.remember(written("b", 1));
        last.remember(written("c", 1));
        last.remember(written("d", 1));

        assertThat(last.recall("a")).as("the oldest write out").isEmpty();
        assertThat(last.size()).isEqualTo(3);
        RouteSession d = last.recall("d").orElseThrow();
        assertThat(d.revision()).isEqualTo(1);
        assertThat(d.loadedRevision()).as("as if read from the store").isEqualTo(1);
        assertThat(d.answers()).containsEntry("sector", "vo");
        assertThat(d.startedAt()).isEqualTo(STARTED);
    }

    @Test
    void aSessionWrittenAgainKeepsItsNewestCopyWhenItsOlderWriteGoes() {
        LastWritten last = new LastWritten(2);
        last.remember(written("a", 1));
        last.remember(written("a", 2));
        last.remember(written("b", 1));

        assertThat(last.recall("a")).as("a's first write went, its second is kept").map(RouteSession::revision)
                .contains(2L);
        last.remember(written("c", 1));
        assertThat(last.recall("a")).as("now its second write went too").isEmpty();
        assertThat(last.recall("b")).isPresent();
        assertThat(last.recall("c")).isPresent();
    }

    @Test
    void aForgottenSessionIsNotRecalled() {
        LastWritten last = new LastWritten(10);
        last.remember(written("a", 1));
        last.forget("a");
        assertThat(last.recall("a")).isEmpty();
        assertThat(last.size()).isZero();
    }

    @Test
    void concurrentWritersStayWithinTheBoundAndNeverLeaveAnOlderCopy() throws Exception {
        int limit = 50;
        LastWritten last = new LastWritten(limit);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 5_000; i++) {
                        String id = prefix + (i % 20);
                        last.remember(written(id, i));
                        last.recall(id).ifPresent(copy -> {
                            if (copy.revision() > 0 && !copy.id().equals(id)) {
                                throw new AssertionError("a copy of another session");
                            }
                        });
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            running.add(thread);
        }
        start.countDown();
        for (Thread thread : running) {
            thread.join();
        }

        assertThat(failure.get()).isNull();
        assertThat(last.size()).isLessThanOrEqualTo(limit);
        for (int t = 0; t < threads; t++) {
            for (int k = 0; k < 20; k++) {
                // Never an older copy: a session's copy, when kept, is its last write (i = 4980 + k).
                long lastWrite = 4_980L + k;
                last.recall("t" + t + "-" + k).ifPresent(copy -> assertThat(copy.revision()).isEqualTo(lastWrite));
            }
        }
        last.remember(written("after", 1));
        assertThat(last.recall("after")).isPresent();
    }
}
