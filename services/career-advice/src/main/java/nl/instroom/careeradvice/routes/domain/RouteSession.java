package nl.instroom.careeradvice.routes.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One anonymous walk through the route finder: a random id and the answers given, nothing about who gives them. It
 * remembers whether it was counted as completed (with the routes that fit its answers then), so the usage figures
 * count each session once however often it is answered again or its routes are read.
 */
public final class RouteSession {

    private final String id;
    private final Instant startedAt;
    private Map<String, String> answers;
    private String rulesVersion;
    private boolean countedComplete;
    private final long loadedRevision;
    private long revision;

    private RouteSession(String id, Instant startedAt, Map<String, String> answers, String rulesVersion,
            boolean countedComplete, long revision) {
        this.id = id;
        this.startedAt = startedAt;
        this.answers = new LinkedHashMap<>(answers);
        this.rulesVersion = rulesVersion;
        this.countedComplete = countedComplete;
        this.loadedRevision = revision;
        this.revision = revision;
    }

    public static RouteSession start(String id, RouteBook book, Instant now) {
        RouteSession session = new RouteSession(id, now, Map.of(), book.version(), false, 0);
        session.revision = 1;
        return session;
    }

    public static RouteSession restore(String id, Instant startedAt, Map<String, String> answers,
            String rulesVersion, boolean countedComplete, long revision) {
        return new RouteSession(id, startedAt, answers, rulesVersion, countedComplete, revision);
    }

    /**
     * Answers one question under the given rules; answers that no longer apply are dropped.
     *
     * @return whether this answer completed the session for the first time (to be counted)
     */
    public boolean answer(RouteBook book, String questionId, String value) {
        answers = book.answer(current(book), questionId, value);
        rulesVersion = book.version();
        revision++;
        if (!countedComplete && book.next(answers).isEmpty()) {
            countedComplete = true;
            return true;
        }
        return false;
    }

    /**
     * The answers as the given rules still read them: an answer to a question these rules no longer have, or do not
     * ask after the other answers, is dropped (the rules may have changed since the session started).
     */
    public Map<String, String> current(RouteBook book) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (RouteBook.Question question : book.questions()) {
            String value = answers.get(question.id());
            if (value != null && question.offers(value) && book.asked(question, kept)) {
                kept.put(question.id(), value);
            }
        }
        return kept;
    }

    public boolean complete(RouteBook book) {
        return book.next(current(book)).isEmpty();
    }

    /** The verdicts on every route for the current answers. */
    public List<RouteBook.Verdict> verdicts(RouteBook book) {
        return book.verdicts(current(book));
    }

    public String id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Map<String, String> answers() {
        return Map.copyOf(answers);
    }

    public String rulesVersion() {
        return rulesVersion;
    }

    public boolean countedComplete() {
        return countedComplete;
    }

    public long loadedRevision() {
        return loadedRevision;
    }

    public long revision() {
        return revision;
    }
}
