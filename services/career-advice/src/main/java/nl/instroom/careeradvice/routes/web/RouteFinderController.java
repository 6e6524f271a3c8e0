package nl.instroom.careeradvice.routes.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import nl.instroom.careeradvice.routes.application.RouteFinder;
import nl.instroom.careeradvice.routes.domain.RouteBook;
import nl.instroom.careeradvice.routes.domain.RouteUsage;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The route finder, open to anyone without signing in; it takes and keeps no personal data. */
@RestController
@RequestMapping("/api/route-finder")
@Validated
class RouteFinderController {

    record OptionView(String value, String label) {
    }

    record QuestionView(String id, String text, List<OptionView> options, Map<String, List<String>> askedWhen) {

        static QuestionView of(RouteBook.Question question) {
            Map<String, List<String>> when = new java.util.LinkedHashMap<>();
            question.askedWhen().forEach((other, values) -> when.put(other, values.stream().sorted().toList()));
            return new QuestionView(question.id(), question.text(), question.options().stream()
                    .map(option -> new OptionView(option.value(), option.label())).toList(), when);
        }
    }

    record RouteView(String id, String name, String summary, String qualification, List<String> steps,
            String duration, String costs, List<RouteBook.Subsidy> subsidies, List<RouteBook.Source> sources) {

        static RouteView of(RouteBook.Route route) {
            return new RouteView(route.id(), route.name(), route.summary(), route.qualification(), route.steps(),
                    route.duration(), route.costs(), route.subsidies(), route.sources());
        }
    }

    record RulesView(String version, String published, List<QuestionView> questions, List<RouteView> routes) {
    }

    record SessionView(String id, String rulesVersion, Map<String, String> answers, QuestionView next,
            boolean complete) {

        static SessionView of(RouteFinder.SessionState state) {
            return new SessionView(state.id(), state.rulesVersion(), state.answers(),
                    state.next().map(QuestionView::of).orElse(null), state.complete());
        }
    }

    /** A fitting route with why it fits. */
    record FittingRoute(RouteView route, List<String> why) {
    }

    /** A route that does not fit, with every condition the answers miss. */
    record RefusedRoute(String id, String name, List<String> missing) {
    }

    record RoutesView(String sessionId, String rulesVersion, boolean complete, Map<String, String> answers,
            List<FittingRoute> fitting, List<RefusedRoute> notFitting) {
    }

    record AnswerRequest(@NotBlank @Size(max = 60) String value) {
    }

    record UsageView(List<RouteUsage.Month> months) {
    }

    private final RouteFinder finder;

    RouteFinderController(RouteFinder finder) {
        this.finder = finder;
    }

    @GetMapping
    @Operation(summary = "The route finder's rules: its version, questions (each with the earlier answers it is "
            + "asked after) and every route with steps, duration, costs, subsidies and sources. No sign-in.")
    RulesView rules() {
        RouteBook book = finder.book();
        return new RulesView(book.version(), book.published(), book.questions().stream().map(QuestionView::of)
                .toList(), book.routes().stream().map(RouteView::of).toList());
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Starts an anonymous session; answers with its id and the first question. No sign-in.")
    SessionView start() {
        return SessionView.of(finder.start());
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "A session's answers so far and its next question.")
    SessionView session(@PathVariable @Size(max = 40) String id) {
        return SessionView.of(finder.get(id));
    }

    @PutMapping("/sessions/{id}/answers/{question}")
    @Operation(summary = "Answers (or changes the answer to) one question; answers to questions no longer asked "
            + "after the change are dropped. 400 for an unknown question or answer, 409 for a question the earlier "
            + "answers do not lead to.")
    SessionView answer(@PathVariable @Size(max = 40) String id, @PathVariable @Size(max = 60) String question,
            @Valid @RequestBody AnswerRequest request) {
        return SessionView.of(finder.answer(id, question, request.value()));
    }

    @GetMapping("/sessions/{id}/routes")
    @Operation(summary = "Every route for the session's answers: the fitting ones with why they fit, the others "
            + "with each condition the answers miss.")
    RoutesView routes(@PathVariable @Size(max = 40) String id) {
        RouteFinder.Advice advice = finder.routes(id);
        return new RoutesView(advice.sessionId(), advice.rulesVersion(), advice.complete(), advice.answers(),
                advice.fitting().stream().map(verdict -> new FittingRoute(RouteView.of(verdict.route()),
                        verdict.reasons())).toList(),
                advice.notFitting().stream().map(verdict -> new RefusedRoute(verdict.route().id(),
                        verdict.route().name(), verdict.reasons())).toList());
    }

    @GetMapping("/usage")
    @Operation(summary = "Anonymous usage per month: sessions started and completed, and how often each route was "
            + "shown as fitting.")
    UsageView usage(@RequestParam(defaultValue = "12") int months) {
        return new UsageView(finder.usage(months));
    }
}
