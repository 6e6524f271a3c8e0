package nl.instroom.portal.advice;

import static nl.instroom.portal.services.ServiceCalls.Service.CAREER_ADVICE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The route finder and the request for a conversation, for anyone: nobody signs in, and the portal calls
 * career-advice's public API without a token. A session is career-advice's random id in the address; the portal
 * keeps nothing.
 */
@Controller
class RouteFinderPages {

    static final List<Integer> RETENTION_MONTHS = List.of(6, 12, 24);

    private final ServiceCalls services;

    RouteFinderPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/route-finder")
    String start(Model model) {
        model.addAttribute("rules", services.get(null, CAREER_ADVICE, "/api/route-finder", Map.of()));
        return "advice/route-finder-start";
    }

    @PostMapping("/route-finder")
    String begin() {
        Map<String, Object> session = services.post(null, CAREER_ADVICE, "/api/route-finder/sessions", null);
        return "redirect:/route-finder/" + session.get("id");
    }

    @GetMapping("/route-finder/{id}")
    String session(@PathVariable String id, Model model) {
        Map<String, Object> rules = services.get(null, CAREER_ADVICE, "/api/route-finder", Map.of());
        Map<String, Object> session = services.get(null, CAREER_ADVICE, "/api/route-finder/sessions/" + id,
                Map.of());
        model.addAttribute("walk", session);
        model.addAttribute("answered", answered(rules, session));
        if (Boolean.TRUE.equals(session.get("complete"))) {
            model.addAttribute("routes", services.get(null, CAREER_ADVICE, "/api/route-finder/sessions/" + id
                    + "/routes", Map.of()));
        }
        return "advice/route-finder";
    }

    @PostMapping("/route-finder/{id}/answer")
    String answer(@PathVariable String id, @RequestParam String question, @RequestParam(required = false)
            String value, RedirectAttributes redirect) {
        try {
            services.put(null, CAREER_ADVICE, "/api/route-finder/sessions/" + id + "/answers/" + question,
                    Map.of("value", value == null ? "" : value));
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/route-finder/" + id;
    }

    @GetMapping("/advice-request")
    String request(@RequestParam(required = false) String session, Model model) {
        model.addAttribute("slots", freeSlots());
        model.addAttribute("routeSession", session);
        model.addAttribute("retentionMonths", RETENTION_MONTHS);
        return "advice/request";
    }

    /** The free slots, each with its time as the desk reads it (Dutch time). */
    private List<Map<String, Object>> freeSlots() {
        return services.list(null, CAREER_ADVICE, "/api/slots", Map.of()).stream().map(slot -> {
            Map<String, Object> shown = new LinkedHashMap<>(slot);
            shown.put("label", AdvisorPages.deskTime(slot.get("start")));
            return shown;
        }).toList();
    }

    @PostMapping("/advice-request")
    String ask(@RequestParam Map<String, String> form, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.get("name"));
        body.put("email", form.get("email"));
        body.put("question", form.get("question"));
        body.put("consent", "on".equals(form.get("consent")) || "true".equals(form.get("consent")));
        body.put("retentionMonths", number(form.get("retentionMonths")));
        body.put("slotId", form.get("slotId"));
        body.put("routeSessionId", blankToNull(form.get("session")));
        try {
            Map<String, Object> booked = services.post(null, CAREER_ADVICE, "/api/advice-requests", body);
            model.addAttribute("booked", AdvisorPages.deskTime(booked.get("start")));
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("typed", form);
            model.addAttribute("slots", freeSlots());
            model.addAttribute("routeSession", form.get("session"));
            model.addAttribute("retentionMonths", RETENTION_MONTHS);
        }
        return "advice/request";
    }

    /** The answers so far as the person reads them: each question's text with the label of the answer given. */
    @SuppressWarnings("unchecked")
    static Map<String, String> answered(Map<String, Object> rules, Map<String, Object> session) {
        Map<String, String> answered = new LinkedHashMap<>();
        Map<String, Object> answers = (Map<String, Object>) session.getOrDefault("answers", Map.of());
        for (Object each : (List<Object>) rules.getOrDefault("questions", List.of())) {
            Map<String, Object> question = (Map<String, Object>) each;
            Object value = answers.get(question.get("id"));
            if (value == null) {
                continue;
            }
            String label = String.valueOf(value);
            for (Object option : (List<Object>) question.getOrDefault("options", List.of())) {
                if (value.equals(((Map<String, Object>) option).get("value"))) {
                    label = String.valueOf(((Map<String, Object>) option).get("label"));
                }
            }
            answered.put(String.valueOf(question.get("text")), label);
        }
        return answered;
    }

    private static Integer number(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
