package nl.instroom.portal.coordinator;

import static nl.instroom.portal.services.ServiceCalls.Service.TUTORING;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Matching: ask tutoring for proposals, review each with its score breakdown, pin or exclude pairs and solve again
 * (a new run that remembers the choices), and accept a run into proposed placements.
 */
@Controller
@RequestMapping("/coordinator/matching")
class MatchingPages {

    private final ServiceCalls services;

    MatchingPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    String runs(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, Model model) {
        model.addAttribute("runs", services.list(client, TUTORING, "/api/matching/runs",
                Map.of("region", NeedPages.region(authentication))));
        model.addAttribute("subject", "");
        model.addAttribute("level", "");
        return "coordinator/matching";
    }

    @PostMapping
    String solve(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String level, Model model) {
        try {
            Map<String, Object> run = services.post(client, TUTORING, "/api/matching/runs",
                    question(NeedPages.region(authentication), subject, level, List.of(), List.of()));
            return "redirect:/coordinator/matching/" + run.get("id");
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("subject", subject);
            model.addAttribute("level", level);
            model.addAttribute("runs", services.list(client, TUTORING, "/api/matching/runs",
                    Map.of("region", NeedPages.region(authentication))));
            return "coordinator/matching";
        }
    }

    @GetMapping("/{id}")
    String run(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client, @PathVariable String id,
            Model model) {
        model.addAttribute("run", services.get(client, TUTORING, "/api/matching/runs/" + id, Map.of()));
        return "coordinator/run";
    }

    /** Solves again with the pairs the coordinator pinned and excluded (each "tutor|school|subject"). */
    @PostMapping("/{id}/resolve")
    String resolve(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @PathVariable String id,
            @RequestParam(name = "pin", required = false) List<String> pins,
            @RequestParam(name = "exclude", required = false) List<String> exclusions, Model model) {
        Map<String, Object> previous = services.get(client, TUTORING, "/api/matching/runs/" + id, Map.of());
        Set<String> excluded = new LinkedHashSet<>(exclusions == null ? List.of() : exclusions);
        Set<String> pinned = new LinkedHashSet<>(pins == null ? List.of() : pins);
        pinned.removeAll(excluded);
        try {
            Map<String, Object> run = services.post(client, TUTORING, "/api/matching/runs",
                    question(NeedPages.region(authentication), (String) previous.get("subject"),
                            (String) previous.get("level"), List.copyOf(pinned), List.copyOf(excluded)));
            return "redirect:/coordinator/matching/" + run.get("id");
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("run", previous);
            return "coordinator/run";
        }
    }

    @PostMapping("/{id}/accept")
    String accept(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model, RedirectAttributes redirect) {
        try {
            Map<String, Object> accepted = services.post(client, TUTORING, "/api/matching/runs/" + id + "/accept",
                    null);
            redirect.addFlashAttribute("accepted", accepted.get("placementIds"));
            return "redirect:/coordinator/placements";
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("run", services.get(client, TUTORING, "/api/matching/runs/" + id, Map.of()));
            return "coordinator/run";
        }
    }

    private static Map<String, Object> question(String region, String subject, String level, List<String> pins,
            List<String> exclusions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("region", region);
        body.put("subject", subject == null || subject.isBlank() ? null : subject.trim());
        body.put("level", level == null || level.isBlank() ? null : level);
        body.put("pins", pairs(pins));
        body.put("exclusions", pairs(exclusions));
        return body;
    }

    private static List<Map<String, String>> pairs(List<String> keys) {
        List<Map<String, String>> pairs = new ArrayList<>();
        for (String key : keys) {
            String[] parts = key.split("\\|", 3);
            if (parts.length == 3) {
                pairs.add(Map.of("tutorId", parts[0], "schoolCode", parts[1], "subject", parts[2]));
            }
        }
        return pairs;
    }
}
