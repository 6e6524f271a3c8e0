package nl.instroom.portal.admin;

import static nl.instroom.portal.services.ServiceCalls.Service.IDENTITY;
import static nl.instroom.portal.services.ServiceCalls.Service.STAY_INTERVIEWS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * The admin's pages: erasure requests and school-key deletions — both four-eyes work: one admin asks, another
 * approves (the one who asked may withdraw), and the services enforce it; the pages only offer each admin the step
 * that is theirs — and the audit trail of each service and of identity (sign-ins).
 */
@Controller
@RequestMapping("/admin")
class AdminPages {

    static final List<String> SUBJECT_KINDS = List.of("TUTOR", "STAFF", "EXTERNAL");
    static final Map<String, ServiceCalls.Service> AUDITED = new LinkedHashMap<>();
    /** Request ids are UUIDs; anything else never reaches a service's path. */
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f-]{36}");
    private static final Pattern SCHOOL_CODE = Pattern.compile("[0-9]{2}[A-Z]{2}[0-9]{2}");

    static {
        AUDITED.put("identity", ServiceCalls.Service.IDENTITY);
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
            @PathVariable String id, Authentication me, Model model) {
        if (!REQUEST_ID.matcher(id).matches()) {
            return "redirect:/admin/erasure";
        }
        model.addAttribute("request", services.get(client, IDENTITY, "/api/admin/erasure-requests/" + id,
                Map.of()));
        model.addAttribute("subject", me.getName());
        return "admin/erasure-request";
    }

    /** A second admin approves a waiting erasure request (identity refuses the one who asked). */
    @PostMapping("/erasure/{id}/approve")
    String approveErasure(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, RedirectAttributes redirect) {
        return decide(client, IDENTITY, "/api/admin/erasure-requests/" + id + "/approval", id, "approved",
                "redirect:/admin/erasure/" + id, redirect);
    }

    @PostMapping("/erasure/{id}/withdraw")
    String withdrawErasure(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, RedirectAttributes redirect) {
        return decide(client, IDENTITY, "/api/admin/erasure-requests/" + id + "/withdrawal", id, "withdrawn",
                "redirect:/admin/erasure/" + id, redirect);
    }

    /** Deleting a school's key (its stay-interview text becomes unreadable for good): requests and decisions. */
    @GetMapping("/school-keys")
    String schoolKeys(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication me, Model model) {
        if (!model.containsAttribute("schoolCode")) {
            model.addAttribute("schoolCode", "");
        }
        model.addAttribute("subject", me.getName());
        model.addAttribute("deletions", services.list(client, STAY_INTERVIEWS, "/api/admin/key-deletions",
                Map.of("limit", 50)));
        return "admin/school-keys";
    }

    @PostMapping("/school-keys")
    String requestKeyDeletion(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam String schoolCode, @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        String code = schoolCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SCHOOL_CODE.matcher(code).matches() || !confirmed) {
            redirect.addFlashAttribute("invalid", true);
            redirect.addFlashAttribute("schoolCode", schoolCode);
            return "redirect:/admin/school-keys";
        }
        try {
            services.post(client, STAY_INTERVIEWS, "/api/admin/schools/" + code + "/key-deletions", null);
            redirect.addFlashAttribute("requested", code);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("schoolCode", schoolCode);
        }
        return "redirect:/admin/school-keys";
    }

    @PostMapping("/school-keys/{id}/approve")
    String approveKeyDeletion(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, RedirectAttributes redirect) {
        return decide(client, STAY_INTERVIEWS, "/api/admin/key-deletions/" + id + "/approval", id, "approved",
                "redirect:/admin/school-keys", redirect);
    }

    @PostMapping("/school-keys/{id}/withdraw")
    String withdrawKeyDeletion(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, RedirectAttributes redirect) {
        return decide(client, STAY_INTERVIEWS, "/api/admin/key-deletions/" + id + "/withdrawal", id, "withdrawn",
                "redirect:/admin/school-keys", redirect);
    }

    private String decide(OAuth2AuthorizedClient client, ServiceCalls.Service service, String path, String id,
            String outcome, String back, RedirectAttributes redirect) {
        if (!REQUEST_ID.matcher(id).matches()) {
            return back;
        }
        try {
            services.post(client, service, path, null);
            redirect.addFlashAttribute("decided", outcome);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return back;
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
        model.addAttribute("subject", SecurityContextHolder.getContext().getAuthentication().getName());
        model.addAttribute("kinds", SUBJECT_KINDS);
        model.addAttribute("requests", services.list(client, IDENTITY, "/api/admin/erasure-requests",
                Map.of("limit", 50)));
        return "admin/erasure";
    }
}
