package nl.instroom.portal.hr;

import static nl.instroom.portal.services.ServiceCalls.Service.NEED_MAPPING;
import static nl.instroom.portal.services.ServiceCalls.Service.TUTORING;
import static nl.instroom.portal.web.FormValues.whole;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import nl.instroom.portal.web.PlacementCancellation;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The tutor placements at HR's own school: starting a confirmed one and completing an active one with the school's
 * evaluation, whose talent-for-teaching score is what may bring the tutor to a talent scout's attention. Here HR
 * also says on which weekdays and how many tutors at once the school hosts, which matching keeps to.
 */
@Controller
@RequestMapping("/hr/placements")
class SchoolPlacementPages {

    /** The school's evaluation as HR chose and typed it, kept as typed. */
    public record EvaluationForm(String reliability, String talentForTeaching, String note) {

        static EvaluationForm empty() {
            return new EvaluationForm("", "", "");
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reliability", whole(reliability));
            body.put("talentForTeaching", whole(talentForTeaching));
            body.put("note", note == null || note.isBlank() ? null : note.trim());
            return body;
        }
    }

    /** On which weekdays and how many tutors at once the school hosts, as HR ticked and typed it. */
    public record HostingForm(List<String> weekdays, String capacity) {

        static HostingForm of(Map<String, Object> school) {
            Object days = school.get("tutoringDays");
            Object capacity = school.get("tutorCapacity");
            return new HostingForm(days instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of(), capacity == null ? "" : capacity.toString());
        }

        public boolean has(String day) {
            return weekdays != null && weekdays.contains(day);
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("weekdays", weekdays == null ? List.of() : weekdays);
            body.put("capacity", whole(capacity == null ? "" : capacity));
            return body;
        }
    }

    static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    private final ServiceCalls services;
    private final PlacementCancellation cancellation;

    SchoolPlacementPages(ServiceCalls services, PlacementCancellation cancellation) {
        this.services = services;
        this.cancellation = cancellation;
    }

    @GetMapping
    String placements(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, Model model) {
        return listPage(client, HrPages.school(authentication), model);
    }

    @PostMapping("/{id}/start")
    String start(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @PathVariable String id,
            @RequestParam(required = false) String startedOn, Model model, RedirectAttributes redirect) {
        String school = HrPages.school(authentication);
        try {
            // without a date tutoring records today
            services.post(client, TUTORING, "/api/placements/" + id + "/start",
                    startedOn == null || startedOn.isBlank() ? null : Map.of("startedOn", startedOn.trim()));
            redirect.addFlashAttribute("started", id);
            return "redirect:/hr/placements";
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("startId", id);
            model.addAttribute("startedOn", startedOn);
            return listPage(client, school, model);
        }
    }

    /** HR says on which weekdays and how many tutors the school hosts; need-mapping keeps it and tells tutoring. */
    @PostMapping("/hosting")
    String hosting(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @ModelAttribute("hostingForm") HostingForm form, Model model,
            RedirectAttributes redirect) {
        String school = HrPages.school(authentication);
        try {
            services.put(client, NEED_MAPPING, "/api/schools/" + school + "/tutoring-hosting", form.request());
            redirect.addFlashAttribute("hostingSaved", true);
            return "redirect:/hr/placements";
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            return listPage(client, school, model);
        }
    }

    /** The school no longer wants the placement, or the tutor stopped: cancelled with a reason code. */
    @PostMapping("/{id}/cancel")
    String cancel(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam(defaultValue = "") String reasonCode,
            RedirectAttributes redirect) {
        cancellation.cancel(client, id, reasonCode, redirect);
        return "redirect:/hr/placements";
    }

    @GetMapping("/{id}/complete")
    String completeForm(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        model.addAttribute("form", EvaluationForm.empty());
        return completePage(client, id, model);
    }

    @PostMapping("/{id}/complete")
    String complete(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @ModelAttribute("form") EvaluationForm form, Model model,
            RedirectAttributes redirect) {
        try {
            services.post(client, TUTORING, "/api/placements/" + id + "/complete", form.request());
            redirect.addFlashAttribute("completed", id);
            return "redirect:/hr/placements";
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            return completePage(client, id, model);
        }
    }

    private String listPage(OAuth2AuthorizedClient client, String school, Model model) {
        model.addAttribute("school", school);
        // tutoring answers SCHOOL_HR only for the school in its token; the portal asks for no other
        model.addAttribute("placements", services.list(client, TUTORING, "/api/placements",
                Map.of("schoolCode", school)));
        model.addAttribute("reasons", PlacementCancellation.REASONS);
        model.addAttribute("weekdays", WEEKDAYS);
        if (!model.containsAttribute("hostingForm")) {
            // what the school said before; nothing ticked while it has not said (then every weekday counts)
            try {
                Map<String, Object> said = services.get(client, NEED_MAPPING, "/api/schools/" + school, Map.of());
                model.addAttribute("hostingForm", HostingForm.of(said));
                model.addAttribute("hostingNotSaid", said.get("tutorCapacity") == null);
            } catch (ServiceProblem unknownThere) {
                // the placements are tutoring's and still shown; the form then starts empty
                model.addAttribute("hostingForm", new HostingForm(List.of(), ""));
            }
        }
        return "hr/placements";
    }

    private String completePage(OAuth2AuthorizedClient client, String id, Model model) {
        model.addAttribute("placement", services.get(client, TUTORING, "/api/placements/" + id, Map.of()));
        return "hr/complete-placement";
    }
}
