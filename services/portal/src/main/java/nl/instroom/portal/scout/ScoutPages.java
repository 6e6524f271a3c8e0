package nl.instroom.portal.scout;

import static nl.instroom.portal.services.ServiceCalls.Service.SCOUTING;
import static nl.instroom.portal.web.FormValues.blankToNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.portal.security.PortalUser;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import org.springframework.security.core.Authentication;
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

@Controller
@RequestMapping("/scout")
class ScoutPages {

    static final List<String> STAGES = List.of("FLAGGED", "APPROACHED", "INTERESTED", "ENROLLED", "DECLINED",
            "WITHDRAWN");
    static final List<String> KINDS = List.of("POTENTIAL_TEACHER", "ROLE_MODEL", "AMBASSADOR", "HIGH_POTENTIAL");
    static final List<String> FUNNEL = List.of("flagged", "approached", "interested", "enrolled");

    /** One bar of the funnel chart: its label, count and share of the widest bar. */
    public record Bar(String personKind, String step, int count, double percent) {
    }

    private final ServiceCalls services;

    ScoutPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/suggestions")
    String suggestions(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, Model model) {
        model.addAttribute("suggestions", services.list(client, SCOUTING, "/api/suggestions",
                Map.of("region", region(authentication))));
        model.addAttribute("kinds", KINDS);
        return "scout/suggestions";
    }

    @PostMapping("/suggestions/{id}/accept")
    String accept(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String rationale, @RequestParam(required = false) String nextStepOn,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", blankToNull(kind));
        body.put("rationale", blankToNull(rationale));
        body.put("nextStepOn", blankToNull(nextStepOn));
        try {
            services.post(client, SCOUTING, "/api/suggestions/" + id + "/accept", body);
            redirect.addFlashAttribute("accepted", id);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("failedId", id);
            redirect.addFlashAttribute("rationale", rationale);
        }
        return "redirect:/scout/suggestions";
    }

    @PostMapping("/suggestions/{id}/dismiss")
    String dismiss(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, RedirectAttributes redirect) {
        try {
            services.post(client, SCOUTING, "/api/suggestions/" + id + "/dismiss", null);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/scout/suggestions";
    }

    @GetMapping("/pipeline")
    String pipeline(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, Model model) {
        String region = region(authentication);
        List<Map<String, Object>> talents = services.list(client, SCOUTING, "/api/talents", Map.of("region", region));
        Map<String, List<Map<String, Object>>> board = new LinkedHashMap<>();
        STAGES.forEach(stage -> board.put(stage, new ArrayList<>()));
        for (Map<String, Object> talent : talents) {
            board.computeIfAbsent(String.valueOf(talent.get("stage")), stage -> new ArrayList<>()).add(talent);
        }
        model.addAttribute("board", board);
        model.addAttribute("stages", STAGES);
        Map<String, Object> funnel = services.get(client, SCOUTING, "/api/funnel", Map.of("region", region));
        model.addAttribute("bars", bars(funnel));
        // Next to the talents' funnel: career switchers the Onderwijsloket referred to the region in the same period,
        // and how many of them reached in training and working (career-advice's events, counted by scouting).
        model.addAttribute("switchers", funnel == null ? Map.of() : Map.of(
                "referred", count(funnel, "referred"), "inTraining", count(funnel, "referredInTraining"),
                "working", count(funnel, "referredWorking")));
        model.addAttribute("coverage", services.get(client, SCOUTING, "/api/ambassadors/coverage",
                Map.of("region", region)));
        return "scout/pipeline";
    }

    @PostMapping("/talents/{id}/stage")
    String move(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam String stage, RedirectAttributes redirect) {
        try {
            services.post(client, SCOUTING, "/api/talents/" + id + "/stage", Map.of("stage", stage));
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/scout/pipeline";
    }

    static List<Bar> bars(Map<String, Object> funnel) {
        List<Bar> bars = new ArrayList<>();
        Object figures = funnel == null ? null : funnel.get("figures");
        if (!(figures instanceof List<?> rows)) {
            return bars;
        }
        int widest = 1;
        for (Object row : rows) {
            for (String step : FUNNEL) {
                widest = Math.max(widest, count(row, step));
            }
        }
        for (Object row : rows) {
            String kind = String.valueOf(((Map<?, ?>) row).get("personKind"));
            for (String step : FUNNEL) {
                int count = count(row, step);
                bars.add(new Bar(kind, step, count, Math.round(1000.0 * count / widest) / 10.0));
            }
        }
        return bars;
    }

    private static int count(Object row, String step) {
        Object value = ((Map<?, ?>) row).get(step);
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static String region(Authentication authentication) {
        return PortalUser.of(authentication).region();
    }
}
