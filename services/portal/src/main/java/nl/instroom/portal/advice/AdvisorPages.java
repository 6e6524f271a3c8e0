package nl.instroom.portal.advice;

import static nl.instroom.portal.services.ServiceCalls.Service.CAREER_ADVICE;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
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

/** The adviser's pages: cases, one case with its log, need nearby and referral, and the agenda of slots. */
@Controller
@RequestMapping("/advisor")
class AdvisorPages {

    static final List<String> PHASES = List.of("NEW", "ORIENTING", "PREPARING", "IN_TRAINING", "WORKING", "LEFT");
    static final List<String> REASONS = List.of("WORKING_IN_EDUCATION", "CONTINUES_ON_OWN", "CHOSE_OTHER_CAREER",
            "NOT_ELIGIBLE", "FINANCES", "PERSONAL_CIRCUMSTANCES", "NO_RESPONSE", "ON_REQUEST", "OTHER");
    static final List<String> CONTACT_KINDS = List.of("PHONE", "VIDEO", "MEETING", "EMAIL", "EVENT");
    /** The desk works in Dutch time; slots are typed as local times. */
    static final ZoneId DESK = ZoneId.of("Europe/Amsterdam");

    private final ServiceCalls services;

    AdvisorPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/cases")
    String cases(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam(required = false) String phase, Model model) {
        model.addAttribute("cases", services.list(client, CAREER_ADVICE, "/api/cases", query("phase", phase)));
        model.addAttribute("phases", PHASES);
        model.addAttribute("phase", phase);
        return "advice/cases";
    }

    @GetMapping("/cases/{id}")
    String advice(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        model.addAttribute("advice", services.get(client, CAREER_ADVICE, "/api/cases/" + id, Map.of()));
        try {
            model.addAttribute("nearby", services.get(client, CAREER_ADVICE, "/api/cases/" + id + "/need-nearby",
                    Map.of()));
        } catch (ServiceProblem noProfileYet) {
            model.addAttribute("nearbyProblem", noProfileYet);
        }
        model.addAttribute("phases", PHASES);
        model.addAttribute("reasons", REASONS);
        model.addAttribute("contactKinds", CONTACT_KINDS);
        return "advice/case";
    }

    @PostMapping("/cases/{id}/contacts")
    String contact(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", form.get("kind"));
        body.put("on", form.get("on"));
        body.put("minutes", form.get("minutes"));
        body.put("summary", form.get("summary"));
        return send(redirect, id, () -> services.post(client, CAREER_ADVICE, "/api/cases/" + id + "/contacts",
                body));
    }

    @PostMapping("/cases/{id}/phase")
    String phase(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam String phase, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("phase", phase);
        body.put("reason", reason == null || reason.isBlank() ? null : reason);
        return send(redirect, id, () -> services.post(client, CAREER_ADVICE, "/api/cases/" + id + "/phase", body));
    }

    @PostMapping("/cases/{id}/profile")
    String profile(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sector", form.get("sector"));
        body.put("subject", form.get("subject"));
        body.put("pc4", form.get("pc4"));
        return send(redirect, id, () -> services.put(client, CAREER_ADVICE, "/api/cases/" + id + "/profile", body));
    }

    @PostMapping("/cases/{id}/referrals")
    String refer(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam String region, RedirectAttributes redirect) {
        return send(redirect, id, () -> services.post(client, CAREER_ADVICE, "/api/cases/" + id + "/referrals",
                Map.of("region", region)));
    }

    /**
     * The introduction step: the person agreed (explicitly, on a day) to be introduced to the coordinator of a region
     * they were referred to, sharing a first name and/or a contact address. The box must be ticked; career-advice
     * refuses anything else.
     */
    @PostMapping("/cases/{id}/introduction")
    String introduce(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agreed", "on".equals(form.get("agreed")) || "true".equals(form.get("agreed")));
        body.put("agreedOn", blankToNull(form.get("agreedOn")));
        body.put("region", form.get("region"));
        body.put("firstName", blankToNull(form.get("firstName")));
        body.put("contactEmail", blankToNull(form.get("contactEmail")));
        return send(redirect, id, () -> services.put(client, CAREER_ADVICE, "/api/cases/" + id + "/introduction",
                body));
    }

    /** The person withdrew their agreement: the coordinator sees them pseudonymous again. */
    @PostMapping("/cases/{id}/introduction/withdraw")
    String withdraw(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, RedirectAttributes redirect) {
        return send(redirect, id, () -> services.delete(client, CAREER_ADVICE, "/api/cases/" + id
                + "/introduction"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @GetMapping("/agenda")
    String agenda(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client, Model model) {
        model.addAttribute("slots", services.list(client, CAREER_ADVICE, "/api/agenda", Map.of()).stream()
                .map(slot -> {
                    Map<String, Object> shown = new LinkedHashMap<>(slot);
                    shown.put("label", deskTime(slot.get("start")));
                    return shown;
                }).toList());
        return "advice/agenda";
    }

    @PostMapping("/agenda")
    String publish(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam String start, @RequestParam(defaultValue = "30") String minutes,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            body.put("start", LocalDateTime.parse(start).atZone(DESK).toInstant().toString());
        } catch (DateTimeParseException e) {
            body.put("start", start);
        }
        body.put("minutes", minutes);
        try {
            services.post(client, CAREER_ADVICE, "/api/slots", body);
            redirect.addFlashAttribute("published", true);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/advisor/agenda";
    }

    /** An instant as the desk reads it: Dutch date and time. */
    static String deskTime(Object instant) {
        try {
            return java.time.Instant.parse(String.valueOf(instant)).atZone(DESK)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"));
        } catch (DateTimeParseException e) {
            return String.valueOf(instant);
        }
    }

    private static String send(RedirectAttributes redirect, String id, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("saved", true);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/advisor/cases/" + id;
    }

    private static Map<String, Object> query(String name, String value) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put(name, value);
        return query;
    }
}
