package nl.instroom.portal.coordinator;

import static nl.instroom.portal.services.ServiceCalls.Service.TUTORING;
import static nl.instroom.portal.web.FormValues.blankToNull;
import static nl.instroom.portal.web.FormValues.whole;

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
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region's tutors a page at a time (tutoring audits every pupil shown), registering a tutor, one tutor's record
 * and the parent's consent.
 */
@Controller
@RequestMapping("/coordinator/tutors")
class TutorPages {

    /** What the coordinator typed, kept as typed so an error never loses it. */
    record TutorForm(String name, String schoolAttended, String schoolYear, String dateOfBirth, String subject,
            String level, String hoursPerWeek, List<String> weekdays, String pc4, String maxTravelKm) {

        static TutorForm empty() {
            return new TutorForm("", "", "", "", "", "havo", "2", List.of(), "", "10");
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("schoolAttended", schoolAttended);
            body.put("schoolYear", whole(schoolYear));
            body.put("dateOfBirth", blankToNull(dateOfBirth));
            body.put("subjects", List.of(Map.of("subject", subject == null ? "" : subject,
                    "level", level == null ? "" : level)));
            body.put("hoursPerWeek", whole(hoursPerWeek));
            body.put("weekdays", weekdays == null ? List.of() : weekdays);
            body.put("pc4", pc4);
            body.put("maxTravelKm", whole(maxTravelKm));
            return body;
        }

        boolean onDay(String day) {
            return weekdays != null && weekdays.contains(day);
        }
    }

    static final int PAGE_SIZE = 50;
    static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    private final ServiceCalls services;

    TutorPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    String page(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @RequestParam(required = false) String id, @RequestParam(defaultValue = "0") int offset, Model model) {
        if (id != null && !id.isBlank()) {
            return "redirect:/coordinator/tutors/" + id.trim();
        }
        model.addAttribute("form", TutorForm.empty());
        return listPage(client, Math.max(0, offset), model);
    }

    private String listPage(OAuth2AuthorizedClient client, int offset, Model model) {
        List<Map<String, Object>> tutors = services.list(client, TUTORING, "/api/tutors",
                Map.of("offset", offset, "limit", PAGE_SIZE));
        model.addAttribute("tutors", tutors);
        model.addAttribute("offset", offset);
        model.addAttribute("previousOffset", offset > 0 ? Math.max(0, offset - PAGE_SIZE) : null);
        model.addAttribute("nextOffset", tutors.size() == PAGE_SIZE ? offset + PAGE_SIZE : null);
        model.addAttribute("weekdays", WEEKDAYS);
        return "coordinator/tutors";
    }

    @PostMapping
    String register(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @ModelAttribute("form") TutorForm form, Model model) {
        try {
            Map<String, Object> tutor = services.post(client, TUTORING, "/api/tutors", form.request());
            return "redirect:/coordinator/tutors/" + tutor.get("id") + "?registered";
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            return listPage(client, 0, model);
        }
    }

    @GetMapping("/{id}")
    String tutor(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client, @PathVariable String id,
            Model model) {
        model.addAttribute("tutor", services.get(client, TUTORING, "/api/tutors/" + id, Map.of()));
        return "coordinator/tutor";
    }

    @PostMapping("/{id}/consent")
    String consent(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam String givenOn, Model model) {
        try {
            services.put(client, TUTORING, "/api/tutors/" + id + "/parental-consent",
                    Map.of("givenOn", givenOn));
            return "redirect:/coordinator/tutors/" + id;
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("givenOn", givenOn);
            model.addAttribute("tutor", services.get(client, TUTORING, "/api/tutors/" + id, Map.of()));
            return "coordinator/tutor";
        }
    }
}
