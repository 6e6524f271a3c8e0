package nl.instroom.portal.mentoring;

import static nl.instroom.portal.services.ServiceCalls.Service.MENTORING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.instroom.portal.charts.BarChart;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import nl.instroom.portal.web.FormValues;
import org.springframework.context.MessageSource;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The programme coordinator's pages: programmes and cohorts, a cohort's sign-ups, the matching review (every pair's
 * score explained; pin, exclude, run again, confirm), the pairs and their life, and the cohort's figures with
 * charts. Everything is mentoring's answer with the coordinator's own token; the portal keeps nothing.
 */
@Controller
@RequestMapping("/programme")
class ProgrammePages {

    static final List<String> SIDES = List.of("SCHOOL_LEADER", "EXECUTIVE");
    static final List<String> THEMES = List.of("LEADERSHIP", "CHANGE_MANAGEMENT", "STRATEGY",
            "RECRUITMENT_AND_RETENTION", "TALENT_DEVELOPMENT", "INNOVATION", "DIGITALISATION", "FINANCE",
            "COMMUNICATION", "WELLBEING", "DIVERSITY_AND_INCLUSION", "STAKEHOLDER_MANAGEMENT");
    static final List<String> DAY_PARTS = List.of("MORNING", "AFTERNOON", "EVENING");
    static final List<String> END_REASONS = List.of("WITHDRAWN", "NO_TIME", "NO_MATCH", "CHANGED_JOBS", "ILLNESS",
            "OTHER");
    static final List<String> MODES = List.of("IN_PERSON", "ONLINE", "PHONE");
    static final List<String> MOMENTS = List.of("MIDWAY", "FINAL");

    private final ServiceCalls services;
    private final MessageSource messages;

    ProgrammePages(ServiceCalls services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping
    String programmes(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client, Model model) {
        List<Map<String, Object>> programmes = new ArrayList<>();
        for (Map<String, Object> programme : services.list(client, MENTORING, "/api/programmes", Map.of())) {
            Map<String, Object> shown = new LinkedHashMap<>(programme);
            shown.put("cohorts", services.list(client, MENTORING, "/api/programmes/" + programme.get("id")
                    + "/cohorts", Map.of()));
            programmes.add(shown);
        }
        model.addAttribute("programmes", programmes);
        return "mentoring/programmes";
    }

    @PostMapping
    String newProgramme(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam(required = false) String name, RedirectAttributes redirect) {
        return sent(redirect, "redirect:/programme", () -> services.post(client, MENTORING, "/api/programmes",
                Map.of("name", name == null ? "" : name)));
    }

    @PostMapping("/{programme}/cohorts")
    String newCohort(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String programme, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("name", "signUpOpens", "signUpCloses", "starts", "ends")) {
            body.put(field, FormValues.blankToNull(form.get(field)));
        }
        try {
            Map<String, Object> cohort = services.post(client, MENTORING, "/api/programmes/" + programme
                    + "/cohorts", body);
            return "redirect:/programme/cohorts/" + cohort.get("id");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/programme";
        }
    }

    /** The cohort's sign-ups, and the form to enter one from the questionnaire. */
    @GetMapping("/cohorts/{id}")
    String cohort(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        model.addAttribute("cohort", services.get(client, MENTORING, "/api/cohorts/" + id, Map.of()));
        model.addAttribute("signUps", services.list(client, MENTORING, "/api/cohorts/" + id + "/sign-ups",
                Map.of()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form(Map.of("side", "SCHOOL_LEADER", "capacity", "1"), List.of()));
        }
        options(model);
        return "mentoring/cohort";
    }

    @PostMapping("/cohorts/{id}/sign-ups")
    String signUp(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam Map<String, String> form,
            @RequestParam(name = "availability", required = false) List<String> availability, Model model,
            RedirectAttributes redirect) {
        try {
            Map<String, Object> signUp = services.post(client, MENTORING, "/api/cohorts/" + id + "/sign-ups",
                    signUpBody(form, availability));
            redirect.addFlashAttribute("signedUp", signUp.get("name"));
            return "redirect:/programme/cohorts/" + id;
        } catch (ServiceProblem problem) {
            // the form again with everything typed, above it what mentoring refused
            model.addAttribute("form", form(form, availability));
            model.addAttribute("problem", problem);
            return cohort(client, id, model);
        }
    }

    /**
     * The sign-up form's values, every field present (null when not typed or not ticked): the template reads them
     * as properties, which a map answers only for keys it has.
     */
    static Map<String, Object> form(Map<String, String> typed, List<String> availability) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String field : List.of("side", "name", "email", "sector", "region", "organisation", "capacity",
                "notWith", "account", "consent", "staffLink", "staffLinkConsent")) {
            form.put(field, typed.get(field));
        }
        for (String theme : THEMES) {
            form.put("theme-" + theme, typed.get("theme-" + theme));
        }
        form.put("availability", availability == null ? List.of() : availability);
        return form;
    }

    static Map<String, Object> signUpBody(Map<String, String> form, List<String> availability) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("side", FormValues.blankToNull(form.get("side")));
        body.put("name", FormValues.blankToNull(form.get("name")));
        body.put("email", FormValues.blankToNull(form.get("email")));
        body.put("sector", FormValues.blankToNull(form.get("sector")));
        body.put("region", FormValues.blankToNull(form.get("region")));
        body.put("organisation", FormValues.blankToNull(form.get("organisation")));
        Map<String, Integer> themes = new LinkedHashMap<>();
        for (String theme : THEMES) {
            int importance = FormValues.whole(form.getOrDefault("theme-" + theme, ""));
            if (importance > 0) {
                themes.put(theme, importance);
            }
        }
        body.put("themes", themes);
        body.put("availability", availability == null ? List.of() : availability);
        String capacity = form.get("capacity");
        body.put("capacity", capacity == null || capacity.isBlank() ? null : FormValues.whole(capacity));
        Set<String> notWith = new LinkedHashSet<>();
        Arrays.stream(form.getOrDefault("notWith", "").split("[,\\n]")).map(String::strip)
                .filter(name -> !name.isEmpty()).forEach(notWith::add);
        body.put("notWith", notWith);
        String account = FormValues.blankToNull(form.get("account"));
        if (account != null) {
            body.put("account", account);
        }
        body.put("consent", form.containsKey("consent"));
        // a school leader's staff link, with its own consent; mentoring keeps only its keyed hash and its school
        String staffLink = FormValues.blankToNull(form.get("staffLink"));
        if (staffLink != null) {
            body.put("staffLink", staffLink);
        }
        body.put("staffLinkConsent", form.containsKey("staffLinkConsent"));
        return body;
    }

    @PostMapping("/sign-ups/{signUp}/withdrawal")
    String withdraw(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String signUp, @RequestParam String cohort, RedirectAttributes redirect) {
        return sent(redirect, "redirect:/programme/cohorts/" + cohort, () -> services.send(client, MENTORING,
                "/api/sign-ups/" + signUp + "/withdrawal"));
    }

    /** The cohort's matching: the coordinator's pins and exclusions, and running the solver. */
    @GetMapping("/cohorts/{id}/matching")
    String matching(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        model.addAttribute("cohort", services.get(client, MENTORING, "/api/cohorts/" + id, Map.of()));
        model.addAttribute("rules", services.get(client, MENTORING, "/api/cohorts/" + id + "/matching-rules",
                Map.of()));
        model.addAttribute("names", names(client, id));
        return "mentoring/matching";
    }

    @PostMapping("/cohorts/{id}/matching")
    String run(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, RedirectAttributes redirect) {
        try {
            Map<String, Object> run = services.post(client, MENTORING, "/api/cohorts/" + id + "/matching-runs",
                    null);
            return "redirect:/programme/runs/" + run.get("id");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/programme/cohorts/" + id + "/matching";
        }
    }

    /** Lifts a pin or an exclusion ({@code kind} is "pins" or "exclusions"). */
    @PostMapping("/cohorts/{id}/rules/{kind}/removal")
    String lift(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @PathVariable String kind, @RequestParam String leader,
            @RequestParam String executive, RedirectAttributes redirect) {
        String rule = kind.equals("pins") ? "pins" : "exclusions";
        return sent(redirect, "redirect:/programme/cohorts/" + id + "/matching", () -> services.post(client,
                MENTORING, "/api/cohorts/" + id + "/" + rule + "/removal", pair(leader, executive)));
    }

    @GetMapping("/runs/{id}")
    String runPage(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        Map<String, Object> run = services.get(client, MENTORING, "/api/matching-runs/" + id, Map.of());
        String cohort = String.valueOf(run.get("cohortId"));
        model.addAttribute("run", run);
        model.addAttribute("cohort", services.get(client, MENTORING, "/api/cohorts/" + cohort, Map.of()));
        model.addAttribute("names", names(client, cohort));
        return "mentoring/run";
    }

    /**
     * The review: each ticked pair is pinned (or excluded, which wins over a pin of the same pair, as a pinned
     * pair must be unpinned before it can be excluded), then the cohort is matched again with those rules.
     */
    @PostMapping("/runs/{id}/review")
    String review(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam(name = "pin", required = false) List<String> pins,
            @RequestParam(name = "exclude", required = false) List<String> exclusions,
            RedirectAttributes redirect) {
        Map<String, Object> run = services.get(client, MENTORING, "/api/matching-runs/" + id, Map.of());
        String cohort = String.valueOf(run.get("cohortId"));
        Set<String> excluded = new LinkedHashSet<>(exclusions == null ? List.of() : exclusions);
        Set<String> pinned = new LinkedHashSet<>(pins == null ? List.of() : pins);
        pinned.removeAll(excluded);
        Set<String> wasPinned = new LinkedHashSet<>();
        for (Object pair : (List<?>) run.getOrDefault("pairs", List.of())) {
            Map<?, ?> proposed = (Map<?, ?>) pair;
            if (Boolean.TRUE.equals(proposed.get("pinned"))) {
                Map<?, ?> key = (Map<?, ?>) proposed.get("pair");
                wasPinned.add(key.get("leader") + "|" + key.get("executive"));
            }
        }
        try {
            for (String key : wasPinned) {
                if (!pinned.contains(key)) {
                    services.post(client, MENTORING, "/api/cohorts/" + cohort + "/pins/removal", pair(key));
                }
            }
            for (String key : pinned) {
                if (!wasPinned.contains(key)) {
                    services.post(client, MENTORING, "/api/cohorts/" + cohort + "/pins", pair(key));
                }
            }
            for (String key : excluded) {
                services.post(client, MENTORING, "/api/cohorts/" + cohort + "/exclusions", pair(key));
            }
            Map<String, Object> again = services.post(client, MENTORING, "/api/cohorts/" + cohort
                    + "/matching-runs", null);
            return "redirect:/programme/runs/" + again.get("id");
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/programme/runs/" + id;
        }
    }

    /** Confirms the run: its pairs are proposed to both sides. */
    @PostMapping("/runs/{id}/confirmation")
    String confirm(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, RedirectAttributes redirect) {
        Map<String, Object> run = services.get(client, MENTORING, "/api/matching-runs/" + id, Map.of());
        try {
            services.send(client, MENTORING, "/api/matching-runs/" + id + "/confirmation");
            redirect.addFlashAttribute("confirmed", true);
            return "redirect:/programme/cohorts/" + run.get("cohortId") + "/pairs";
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/programme/runs/" + id;
        }
    }

    @GetMapping("/cohorts/{id}/pairs")
    String pairs(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        model.addAttribute("cohort", services.get(client, MENTORING, "/api/cohorts/" + id, Map.of()));
        model.addAttribute("pairs", services.list(client, MENTORING, "/api/cohorts/" + id + "/pairs", Map.of()));
        model.addAttribute("quiet", services.get(client, MENTORING, "/api/cohorts/" + id + "/quiet-pairs",
                Map.of()));
        model.addAttribute("names", names(client, id));
        model.addAttribute("endReasons", END_REASONS);
        return "mentoring/pairs";
    }

    @GetMapping("/pairs/{id}")
    String pair(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        Map<String, Object> detail = services.get(client, MENTORING, "/api/pairs/" + id, Map.of());
        Map<?, ?> pair = (Map<?, ?>) detail.get("pair");
        model.addAttribute("detail", detail);
        model.addAttribute("names", names(client, String.valueOf(pair.get("cohortId"))));
        model.addAttribute("sides", SIDES);
        return "mentoring/pair";
    }

    /** A step of the pair's life: acceptance or refusal for a side, activation, completion, an early end. */
    @PostMapping("/pairs/{id}/{step:acceptance|refusal|activation|completion|early-end}")
    String step(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @PathVariable String step, @RequestParam(required = false) String side,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (side != null) {
            body.put("side", side);
        }
        if (step.equals("early-end")) {
            body.put("reason", FormValues.blankToNull(reason));
        }
        String to = back != null && back.matches("[A-Za-z0-9-]{1,80}") ? "redirect:/programme/cohorts/" + back
                + "/pairs" : "redirect:/programme/pairs/" + id;
        return sent(redirect, to, () -> services.post(client, MENTORING, "/api/pairs/" + id + "/" + step, body));
    }

    @GetMapping("/cohorts/{id}/figures")
    String figures(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Locale locale, Model model) {
        Map<String, Object> figures = services.get(client, MENTORING, "/api/cohorts/" + id + "/figures", Map.of());
        model.addAttribute("cohort", services.get(client, MENTORING, "/api/cohorts/" + id, Map.of()));
        model.addAttribute("figures", figures);
        // each chart has its heading and, below it, a table of the same numbers (the chart's text alternative)
        model.addAttribute("charts", List.of(
                Map.of("name", "pairs", "chart", BarChart.draw(pairBars(figures, locale), 0, 0, locale)),
                Map.of("name", "feedback", "chart", BarChart.draw(feedbackBars(figures, locale), 5, 1, locale)),
                Map.of("name", "endings", "chart", BarChart.draw(endingBars(figures, locale), 0, 0, locale)),
                Map.of("name", "shortage", "chart", BarChart.draw(shortageBars(figures, locale), 0, 0, locale))));
        return "mentoring/figures";
    }

    /** The pairs by where they got to, in the order a pair goes. */
    List<BarChart.Value> pairBars(Map<String, Object> figures, Locale locale) {
        List<BarChart.Value> values = new ArrayList<>();
        for (String figure : List.of("pairsMatched", "pairsDeclined", "pairsStarted", "pairsActiveNow",
                "pairsQuietNow", "pairsCompleted")) {
            values.add(new BarChart.Value(text("mentoring.figures." + figure, locale), number(figures.get(figure))));
        }
        return values;
    }

    /**
     * What the cohort did for the shortage: the school leaders who took part, those followed (a staff link at a
     * school with stay interviews), of them who stayed and who left, those unknown, and the ambassadors.
     */
    List<BarChart.Value> shortageBars(Map<String, Object> figures, Locale locale) {
        List<BarChart.Value> values = new ArrayList<>();
        if (figures.get("shortage") instanceof Map<?, ?> shortage) {
            for (String figure : List.of("leadersTookPart", "followed", "stayed", "left", "unknown", "ambassadors")) {
                values.add(new BarChart.Value(text("mentoring.figures.shortage." + figure, locale),
                        number(shortage.get(figure))));
            }
        }
        return values;
    }

    List<BarChart.Value> feedbackBars(Map<String, Object> figures, Locale locale) {
        List<BarChart.Value> values = new ArrayList<>();
        for (Object row : (List<?>) figures.getOrDefault("feedback", List.of())) {
            Map<?, ?> score = (Map<?, ?>) row;
            values.add(new BarChart.Value(text("mentoring.moment." + score.get("moment"), locale) + " · "
                    + text("mentoring.side." + score.get("side"), locale), number(score.get("averageScore"))));
        }
        return values;
    }

    List<BarChart.Value> endingBars(Map<String, Object> figures, Locale locale) {
        List<BarChart.Value> values = new ArrayList<>();
        Object endings = figures.get("earlyEndings");
        if (endings instanceof Map<?, ?> byReason) {
            byReason.forEach((reason, count) -> values.add(new BarChart.Value(text("mentoring.reason." + reason,
                    locale), number(count))));
        }
        return values;
    }

    /** Every sign-up's name by its id, so pairs and runs (which carry ids only) read as people. */
    Map<String, String> names(OAuth2AuthorizedClient client, String cohort) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map<String, Object> signUp : services.list(client, MENTORING, "/api/cohorts/" + cohort + "/sign-ups",
                Map.of())) {
            // an erased participant's sign-up keeps no name or organisation
            names.put(String.valueOf(signUp.get("id")), signUp.get("name") == null ? "–"
                    : signUp.get("name") + " (" + signUp.get("organisation") + ")");
        }
        return names;
    }

    private String text(String code, Locale locale) {
        return messages.getMessage(code, null, code.substring(code.lastIndexOf('.') + 1), locale);
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static void options(Model model) {
        model.addAttribute("sides", SIDES);
        model.addAttribute("themes", THEMES);
        model.addAttribute("dayParts", DAY_PARTS);
    }

    private static Map<String, String> pair(String key) {
        String[] parts = key.split("\\|", 2);
        return pair(parts[0], parts.length > 1 ? parts[1] : "");
    }

    private static Map<String, String> pair(String leader, String executive) {
        return Map.of("leader", leader, "executive", executive);
    }

    private static String sent(RedirectAttributes redirect, String to, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("saved", true);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return to;
    }
}
