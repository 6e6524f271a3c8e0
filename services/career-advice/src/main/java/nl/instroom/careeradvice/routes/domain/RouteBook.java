package nl.instroom.careeradvice.routes.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The route finder's rules as data: the questions, in the order they are asked, each asked only when earlier answers
 * allow it, and the routes into teaching, each with the answers it requires. Loaded from a versioned file and
 * checked whole when made ({@link #of}): a rule that names an unknown question or answer, or a question that depends
 * on a later one, stops the service at start rather than showing a route on a condition nobody can meet.
 *
 * @param version the rules' version (shown with every answer, so an answer can be traced to the rules it came from)
 * @param published when this version was published
 */
public record RouteBook(String version, String published, List<Question> questions, List<Route> routes) {

    public RouteBook {
        questions = List.copyOf(questions);
        routes = List.copyOf(routes);
    }

    /** A question, its possible answers, and the earlier answers it is asked after (all of them; none: always). */
    public record Question(String id, String text, List<Option> options, Map<String, Set<String>> askedWhen) {

        public Question {
            options = List.copyOf(options);
            askedWhen = Map.copyOf(askedWhen);
        }

        public boolean offers(String value) {
            // A loop, not a stream: asked on every answer for every question (docs/performance.md, route finder).
            for (Option option : options) {
                if (option.value().equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One possible answer: its value and what the person reads. */
    public record Option(String value, String label) {
    }

    /**
     * What a route requires of one answer, and what the person reads when it holds ({@code fits}) or not
     * ({@code misses}).
     */
    public record Condition(String question, Set<String> in, String fits, String misses) {

        public Condition {
            in = Set.copyOf(in);
        }
    }

    /** A public source a route's facts come from. */
    public record Source(String title, String url) {
    }

    /** A subsidy or grant that can pay for (part of) a route, and who grants it. */
    public record Subsidy(String name, String description, String source) {
    }

    /**
     * A route into teaching.
     *
     * @param qualification what it leads to (the bevoegdheid)
     * @param duration the typical duration, as the person reads it
     */
    public record Route(String id, String name, String summary, String qualification, List<Condition> requires,
            List<String> steps, String duration, String costs, List<Subsidy> subsidies, List<Source> sources) {

        public Route {
            requires = List.copyOf(requires);
            steps = List.copyOf(steps);
            subsidies = List.copyOf(subsidies);
            sources = List.copyOf(sources);
        }
    }

    /** A route and why it fits the answers, or which of its conditions they miss. */
    public record Verdict(Route route, boolean fits, List<String> reasons) {

        public Verdict {
            reasons = List.copyOf(reasons);
        }
    }

    /** The rules, checked whole; throws {@link InvalidRouteBook} naming every fault found. */
    public static RouteBook of(String version, String published, List<Question> questions, List<Route> routes) {
        RouteBook book = new RouteBook(version, published, questions, routes);
        List<String> faults = book.faults();
        if (!faults.isEmpty()) {
            throw new InvalidRouteBook(version, faults);
        }
        return book;
    }

    private List<String> faults() {
        List<String> faults = new ArrayList<>();
        if (blank(version)) {
            faults.add("the rules have no version");
        }
        if (questions.isEmpty()) {
            faults.add("there are no questions");
        }
        if (routes.isEmpty()) {
            faults.add("there are no routes");
        }
        Map<String, Question> earlier = new LinkedHashMap<>();
        for (Question question : questions) {
            if (blank(question.id()) || blank(question.text())) {
                faults.add("a question without id or text");
                continue;
            }
            if (earlier.containsKey(question.id())) {
                faults.add("question " + question.id() + " appears twice");
            }
            Set<String> values = new HashSet<>();
            for (Option option : question.options()) {
                if (blank(option.value()) || blank(option.label()) || !values.add(option.value())) {
                    faults.add("question " + question.id() + " has an empty or repeated answer " + option.value());
                }
            }
            if (question.options().size() < 2) {
                faults.add("question " + question.id() + " offers fewer than two answers");
            }
            question.askedWhen().forEach((other, allowed) -> {
                Question before = earlier.get(other);
                if (before == null) {
                    faults.add("question " + question.id() + " is asked after question " + other
                            + ", which is unknown or not asked before it");
                } else {
                    allowed.stream().filter(value -> !before.offers(value)).forEach(value -> faults.add(
                            "question " + question.id() + " depends on answer " + value + " that question " + other
                                    + " does not offer"));
                }
            });
            earlier.put(question.id(), question);
        }
        Set<String> routeIds = new HashSet<>();
        for (Route route : routes) {
            String name = "route " + route.id();
            if (blank(route.id()) || !route.id().matches("[a-z0-9-]{2,60}")) {
                faults.add("a route's id is not lower case with dashes: " + route.id());
            } else if (!routeIds.add(route.id())) {
                faults.add(name + " appears twice");
            }
            if (blank(route.name()) || blank(route.summary()) || blank(route.qualification())
                    || blank(route.duration()) || blank(route.costs())) {
                faults.add(name + " lacks a name, summary, qualification, duration or costs");
            }
            if (route.steps().isEmpty()) {
                faults.add(name + " has no steps");
            }
            if (route.sources().isEmpty() || route.sources().stream().anyMatch(source -> blank(source.title())
                    || blank(source.url()) || !source.url().startsWith("https://"))) {
                faults.add(name + " names no source, or a source without title or https address");
            }
            if (route.requires().isEmpty()) {
                faults.add(name + " has no conditions");
            }
            for (Condition condition : route.requires()) {
                Question question = earlier.get(condition.question());
                if (question == null) {
                    faults.add(name + " has a rule naming unknown question " + condition.question());
                    continue;
                }
                if (condition.in().isEmpty()) {
                    faults.add(name + " requires no answer of question " + condition.question());
                }
                condition.in().stream().filter(value -> !question.offers(value)).forEach(value -> faults.add(
                        name + " requires answer " + value + " that question " + condition.question()
                                + " does not offer"));
                if (blank(condition.fits()) || blank(condition.misses())) {
                    faults.add(name + " does not say why its condition on " + condition.question()
                            + " fits or misses");
                }
            }
        }
        return faults;
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(question -> question.id().equals(id)).findFirst();
    }

    /** Whether the question is asked, given these answers: every answer it depends on was given as it requires. */
    public boolean asked(Question question, Map<String, String> answers) {
        // Loops, not streams, here and in next(): every request of the route finder runs them for every question,
        // and their streams were the largest share of the service's own allocation under the benchmark.
        for (Map.Entry<String, Set<String>> entry : question.askedWhen().entrySet()) {
            String given = answers.get(entry.getKey());
            if (given == null || !entry.getValue().contains(given)) {
                return false;
            }
        }
        return true;
    }

    /** The next question to answer, or empty when every question that is asked has its answer. */
    public Optional<Question> next(Map<String, String> answers) {
        for (Question question : questions) {
            if (!answers.containsKey(question.id()) && asked(question, answers)) {
                return Optional.of(question);
            }
        }
        return Optional.empty();
    }

    /**
     * The answers after answering (or changing) one: the question must be asked given the other answers and offer
     * the value. Answers to questions no longer asked after the change are dropped, in question order.
     */
    public Map<String, String> answer(Map<String, String> answers, String questionId, String value) {
        Question question = question(questionId).orElseThrow(() -> new UnknownAnswer("There is no question "
                + questionId));
        if (!asked(question, answers)) {
            throw new QuestionNotAsked("Question " + questionId + " is not asked after the answers given so far");
        }
        if (!question.offers(value)) {
            throw new UnknownAnswer("Question " + questionId + " has no answer " + value);
        }
        Map<String, String> given = new LinkedHashMap<>(answers);
        given.put(questionId, value);
        Map<String, String> kept = new LinkedHashMap<>();
        for (Question each : questions) {
            if (given.containsKey(each.id()) && asked(each, kept)) {
                kept.put(each.id(), given.get(each.id()));
            }
        }
        return kept;
    }

    /** Every route, fitting or not, each with its reasons: why it fits, or every condition it misses. */
    public List<Verdict> verdicts(Map<String, String> answers) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Route route : routes) {
            List<String> fits = new ArrayList<>();
            List<String> misses = new ArrayList<>();
            for (Condition condition : route.requires()) {
                String answer = answers.get(condition.question());
                if (answer != null && condition.in().contains(answer)) {
                    fits.add(condition.fits());
                } else {
                    misses.add(condition.misses());
                }
            }
            verdicts.add(misses.isEmpty() ? new Verdict(route, true, fits) : new Verdict(route, false, misses));
        }
        return verdicts;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
