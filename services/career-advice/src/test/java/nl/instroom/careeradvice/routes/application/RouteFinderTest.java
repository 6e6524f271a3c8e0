package nl.instroom.careeradvice.routes.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.careeradvice.routes.domain.RouteBook;
import nl.instroom.careeradvice.routes.domain.RouteSession;
import nl.instroom.careeradvice.routes.domain.RouteSessions;
import nl.instroom.careeradvice.routes.domain.RouteUsage;
import nl.instroom.careeradvice.routes.persistence.RouteBookFile;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import org.junit.jupiter.api.Test;

/**
 * An answer goes straight to the version-checked update when this instance wrote the session last — no read — and
 * is given again on the stored session whenever that update refuses: answered elsewhere meanwhile, or gone.
 */
class RouteFinderTest {

    private static final RouteBook BOOK = RouteBookFile.read(new ByteArrayInputStream("""
            version: "test-1"
            published: "2026-09-01"
            questions:
              - id: sector
                text: Sector?
                options: [{value: po, label: po}, {value: vo, label: vo}]
              - id: degree
                text: Diploma?
                options: [{value: hbo, label: hbo}, {value: none, label: geen}]
            routes:
              - id: vo-route
                name: Een vo-route
                summary: Voor het vo.
                qualification: tweedegraads
                requires:
                  - {question: sector, in: [vo], fits: Je wilt vo., misses: Alleen vo.}
                  - {question: degree, in: [hbo], fits: Je hebt hbo., misses: Hbo nodig.}
                steps: [Doe iets]
                duration: 2 jaar
                costs: collegegeld
                sources: [{title: Bron, url: 'https://www.rijksoverheid.nl/'}]
            """.getBytes(StandardCharsets.UTF_8)), "test");

    /** The store as the adapter behaves: a conditional update on the revision read, and reads counted. */
    static final class Store implements RouteSessions {

        record Stored(Instant startedAt, Map<String, String> answers, String rulesVersion, boolean counted,
                long revision) {
        }

        final Map<String, Stored> sessions = new HashMap<>();
        int reads;

        @Override
        public Optional<RouteSession> find(String id) {
            reads++;
            Stored stored = sessions.get(id);
            return stored == null ? Optional.empty() : Optional.of(RouteSession.restore(id, stored.startedAt(),
                    stored.answers(), stored.rulesVersion(), stored.counted(), stored.revision()));
        }

        @Override
        public void save(RouteSession session) {
            Stored before = sessions.get(session.id());
            long storedRevision = before == null ? 0 : before.revision();
            if (storedRevision != session.loadedRevision()) {
                throw new ChangedMeanwhile("changed");
            }
            sessions.put(session.id(), new Stored(session.startedAt(), session.answers(), session.rulesVersion(),
                    session.countedComplete(), session.revision()));
        }

        @Override
        public int removeStartedBefore(Instant cutoff) {
            return 0;
        }
    }

    static final class Usage implements RouteUsage {

        int completed;

        @Override
        public void sessionStarted(YearMonth month) {
        }

        @Override
        public void sessionCompleted(YearMonth month) {
            completed++;
        }

        @Override
        public void routesShown(YearMonth month, List<String> routeIds) {
        }

        @Override
        public List<Month> months(YearMonth from, YearMonth to) {
            return new ArrayList<>();
        }
    }

    private final Store store = new Store();
    private final Usage usage = new Usage();
    private final RouteFinder finder = new RouteFinder(BOOK, store, usage,
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void anAnswerToASessionThisInstanceWroteLastGoesStraightToTheUpdateWithoutARead() {
        String id = finder.start().id();

        finder.answer(id, "sector", "vo");
        RouteFinder.SessionState done = finder.answer(id, "degree", "hbo");

        assertThat(store.reads).as("no read before the updates").isZero();
        assertThat(done.complete()).isTrue();
        assertThat(store.sessions.get(id).answers()).containsEntry("sector", "vo").containsEntry("degree", "hbo");
        assertThat(store.sessions.get(id).revision()).isEqualTo(3);
        assertThat(usage.completed).isEqualTo(1);
    }

    @Test
    void whenAnotherInstanceAnsweredMeanwhileTheAnswerIsGivenAgainOnTheStoredSession() {
        String id = finder.start().id();
        finder.answer(id, "sector", "vo");
        // Another instance answers the degree: the stored revision moves past this instance's copy.
        RouteSession elsewhere = store.find(id).orElseThrow();
        elsewhere.answer(BOOK, "degree", "none");
        store.save(elsewhere);
        store.reads = 0;

        finder.answer(id, "sector", "po");

        assertThat(store.reads).as("the refused update, then one read").isEqualTo(1);
        assertThat(store.sessions.get(id).answers()).as("the other instance's answer kept")
                .containsEntry("degree", "none").containsEntry("sector", "po");
        assertThat(usage.completed).as("completed once, by the other instance's store state")
                .isZero();
        store.reads = 0;
        finder.answer(id, "degree", "hbo");
        assertThat(store.reads).as("its own write remembered again").isZero();
    }

    @Test
    void aGoneSessionAndARefusedAnswerAreDecidedOnTheStore() {
        String id = finder.start().id();
        store.sessions.clear();

        assertThatThrownBy(() -> finder.answer(id, "sector", "vo"))
                .isInstanceOf(nl.instroom.chassis.web.NotFoundException.class);

        String other = finder.start().id();
        assertThatThrownBy(() -> finder.answer(other, "nonsense", "vo")).isNotInstanceOf(ChangedMeanwhile.class);
        assertThat(store.sessions.get(other).revision()).as("nothing written").isEqualTo(1);
    }
}
