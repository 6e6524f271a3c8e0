package nl.instroom.portal.admin;

import static nl.instroom.portal.services.ServiceCalls.Service.IDENTITY;

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

@Controller
@RequestMapping("/admin")
class AdminPages {

    static final List<String> SUBJECT_KINDS = List.of("TUTOR", "STAFF", "EXTERNAL");
    static final Map<String, ServiceCalls.Service> AUDITED = new LinkedHashMap<>();

    static {
        AUDITED.put("need-mapping", ServiceCalls.Service.NEED_MAPPING);
        AUDITED.put("tutoring", ServiceCalls.Service.TUTORING);
        AUDITED.put("scouting", ServiceCalls.Service.SCOUTING);
        AUDITED.put("stay-interviews", ServiceCalls.Service.STAY_INTERVIEWS);
    }

    private final ServiceCalls services;

    AdminPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/erasure")
    String erasure(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client, Model model) {
        model.addAttribute("subjectKind", "TUTOR");
        model.addAttribute("subjectRef", "");
        return erasurePage(client, model);
    }

    @PostMapping("/erasure")
    String requestErasure(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam String subjectKind, @RequestParam String subjectRef, Model model) {
        try {
            Map<String, Object> status = services.post(client, IDENTITY, "/api/admin/erasure-requests",
                    Map.of("subjectKind", subjectKind, "subjectRef", subjectRef.trim()));
            return "redirect:/admin/erasure/" + status.get("requestId");
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("subjectKind", subjectKind);
            model.addAttribute("subjectRef", subjectRef);
            return erasurePage(client, model);
        }
    }

    @GetMapping("/erasure/{id}")
    String erasureRequest(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        model.addAttribute("request", services.get(client, IDENTITY, "/api/admin/erasure-requests/" + id,
                Map.of()));
        return "admin/erasure-request";
    }

    @GetMapping("/audit")
    String audit(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam(defaultValue = "tutoring") String service,
            @RequestParam(required = false) String subjectRef, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String search, Model model) {
        model.addAttribute("services", AUDITED.keySet());
        model.addAttribute("service", service);
        model.addAttribute("subjectRef", subjectRef);
        model.addAttribute("actor", actor);
        ServiceCalls.Service target = AUDITED.get(service);
        if (search != null && target != null) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("subjectRef", subjectRef);
            query.put("actor", actor);
            query.put("limit", 200);
            try {
                model.addAttribute("entries", services.list(client, target, "/api/admin/audit", query));
            } catch (ServiceProblem problem) {
                model.addAttribute("problem", problem);
            }
        }
        return "admin/audit";
    }

    private String erasurePage(OAuth2AuthorizedClient client, Model model) {
        model.addAttribute("kinds", SUBJECT_KINDS);
        model.addAttribute("requests", services.list(client, IDENTITY, "/api/admin/erasure-requests",
                Map.of("limit", 50)));
        return "admin/erasure";
    }
}
