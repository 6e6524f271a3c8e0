package nl.instroom.careeradvice.routes.application;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.instroom.careeradvice.routes.domain.RouteBook;
import nl.instroom.careeradvice.routes.domain.RouteSession;
import nl.instroom.careeradvice.routes.domain.RouteSessions;
import nl.instroom.careeradvice.routes.domain.RouteUsage;
import nl.instroom.chassis.web.NotFoundException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The anonymous route finder: start a session, answer its questions one by one (each asked only when the earlier
 * answers lead to it), and read every route with why it fits or which conditions it misses. Nobody signs in and
 * nothing about the person is kept; the usage is counted per month without any id.
 */
@Service
public class RouteFinder {

    /** Sessions are anonymous and short-lived: removed a month after they started. */
    static final Duration SESSION_LIFETIME = Duration.ofDays(30);

    /** A session as its caller sees it: the answers so far, the next question, and whether it is complete. */
    public record SessionState(String id, String rulesVersion, Map<String, String> answers,
            Optional<RouteBook.Question> next, boolean complete) {
    }

    /** The routes for a session's answers. */
    public record Advice(String sessionId, String rulesVersion, boolean complete, Map<String, String> answers,
            List<RouteBook.Verdict> fitting, List<RouteBook.Verdict> notFitting) {
    }

    private final RouteBook book;
    private final RouteSessions sessions;
    private final RouteUsage usage;
    private final Clock clock;
    private final LastWritten lastWritten;

    RouteFinder(RouteBook book, RouteSessions sessions, RouteUsage usage, Clock clock) {
        this.book = book;
        this.sessions = sessions;
        this.usage = usage;
        this.clock = clock;
        this.lastWritten = new LastWritten();
    }

    public RouteBook book() {
        return book;
    }

    public SessionState start() {
        RouteSession session = RouteSession.start(UUID.randomUUID().toString(), book, clock.instant());
        sessions.save(session);
        lastWritten.remember(session);
        usage.sessionStarted(month());
        return state(session);
    }

    public SessionState get(String id) {
        return state(find(id));
    }

    /**
     * Answers a question. When this instance wrote the session last, the answer is applied to that copy and goes
     * straight to the store's update, which refuses it unless the stored revision is still the copy's; on any refusal
     * (answered elsewhere meanwhile, the session gone, or an answer the copy's state refuses) it is given again on the
     * session as read from the store, exactly as without the copy — so the copy saves a round trip and decides
     * nothing.
     */
    public SessionState answer(String id, String questionId, String value) {
        Optional<RouteSession> remembered = lastWritten.recall(id);
        if (remembered.isPresent()) {
            try {
                return answered(remembered.get(), questionId, value);
            } catch (RuntimeException staleOrRefused) {
                lastWritten.forget(id);
            }
        }
        return answered(find(id), questionId, value);
    }

    private SessionState answered(RouteSession session, String questionId, String value) {
        boolean completedNow = session.answer(book, questionId, value);
        sessions.save(session);
        lastWritten.remember(session);
        if (completedNow) {
            // The routes that fit the answers that completed the session are the ones its routes page shows: counted
            // here, once per session, so that reading the routes stays a read (one store round trip, no write).
            YearMonth month = month();
            usage.sessionCompleted(month);
            usage.routesShown(month, session.verdicts(book).stream().filter(RouteBook.Verdict::fits)
                    .map(verdict -> verdict.route().id()).toList());
        }
        return state(session);
    }

    /**
     * Every route for the session's answers: the fitting ones with why, the others with what they miss. A read only:
     * the fitting routes were counted when the last answer completed the session.
     */
    public Advice routes(String id) {
        RouteSession session = find(id);
        List<RouteBook.Verdict> verdicts = session.verdicts(book);
        List<RouteBook.Verdict> fitting = verdicts.stream().filter(RouteBook.Verdict::fits).toList();
        boolean complete = session.complete(book);
        return new Advice(session.id(), book.version(), complete, session.current(book), fitting,
                verdicts.stream().filter(verdict -> !verdict.fits()).toList());
    }

    /** The answers of a session, for an advice request made from it (empty when there is no such session). */
    public Map<String, String> answersOf(String id) {
        return sessions.find(id).map(session -> session.current(book)).orElse(Map.of());
    }

    /** The usage per month over the last {@code months} months, this one included. */
    public List<RouteUsage.Month> usage(int months) {
        YearMonth to = month();
        return usage.months(to.minusMonths(Math.max(1, Math.min(months, 60)) - 1L), to);
    }

    /** The usage per month from {@code from} to {@code to}, oldest first (the desk's figures). */
    public List<RouteUsage.Month> usage(YearMonth from, YearMonth to) {
        return usage.months(from, to);
    }

    @Scheduled(cron = "${instroom.advice.session-cleanup-cron:0 40 2 * * *}", zone = "UTC")
    void removeOldSessions() {
        sessions.removeStartedBefore(clock.instant().minus(SESSION_LIFETIME));
    }

    private RouteSession find(String id) {
        return sessions.find(id).orElseThrow(() -> new NotFoundException("Route finder session", id));
    }

    private SessionState state(RouteSession session) {
        Map<String, String> answers = session.current(book);
        Optional<RouteBook.Question> next = book.next(answers);
        return new SessionState(session.id(), book.version(), answers, next, next.isEmpty());
    }

    private YearMonth month() {
        return YearMonth.now(clock);
    }
}
