package nl.instroom.portal.hr;

import static nl.instroom.portal.services.ServiceCalls.Service.STAY_INTERVIEWS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.portal.charts.LineChart;
import nl.instroom.portal.security.PortalUser;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/hr")
class HrPages {

    /** What HR typed in the stay-interview form, kept as typed. */
    public record InterviewForm(String heldOn, String interviewer, String lookingForwardTo, String learning,
            String whyStay, String lastThoughtOfLeaving, String whatWouldMakeTheJobBetter, String workload,
            String satisfaction, String intentToStay, String actionDescription, String actionOwner,
            String actionDueOn, String notes) {

        static InterviewForm empty() {
            return new InterviewForm("", "", "", "", "", "", "", "3", "3", "YES", "", "", "", "");
        }

        Map<String, Object> request() {
            Map<String, Object> answers = new LinkedHashMap<>();
            answers.put("lookingForwardTo", lookingForwardTo);
            answers.put("learning", learning);
            answers.put("whyStay", whyStay);
            answers.put("lastThoughtOfLeaving", lastThoughtOfLeaving);
            answers.put("whatWouldMakeTheJobBetter", whatWouldMakeTheJobBetter);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("heldOn", blankToNull(heldOn));
            body.put("interviewer", interviewer);
            body.put("answers", answers);
            body.put("workload", whole(workload));
            body.put("satisfaction", whole(satisfaction));
            body.put("intentToStay", blankToNull(intentToStay));
            body.put("ambitions", List.of());
            body.put("actions", actionDescription == null || actionDescription.isBlank() ? List.of()
                    : List.of(Map.of("description", actionDescription, "owner", actionOwner == null ? "" : actionOwner,
                            "dueOn", actionDueOn == null ? "" : actionDueOn)));
            body.put("notes", blankToNull(notes));
            return body;
        }
    }

    /** What HR typed to register a staff member, kept as typed. */
    public record StaffForm(String staffRef, String role, String subject, String fte, String yearsInService,
            String lastStayInterviewOn) {

        static StaffForm empty() {
            return new StaffForm("", "docent", "", "1,0", "0", "");
        }

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("staffRef", staffRef == null ? "" : staffRef.trim());
            body.put("role", role);
            body.put("subject", blankToNull(subject));
            body.put("fte", decimal(fte));
            body.put("yearsInService", whole(yearsInService));
            body.put("lastStayInterviewOn", blankToNull(lastStayInterviewOn));
            return body;
        }
    }

    /** Whose leaving date HR records, and the date, kept as chosen. */
    public record LeavingForm(String staffRef, String leavesOn) {

        static LeavingForm empty() {
            return new LeavingForm("", "");
        }
    }

    /** The school's own staff reference, as stay-interviews accepts it; anything else never reaches a path. */
    private static final String STAFF_REF = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";

    private final ServiceCalls services;

    HrPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping("/staff")
    String staff(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, Model model) {
        return staffPage(client, school(authentication), model);
    }

    @PostMapping("/staff")
    String register(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @ModelAttribute("staffForm") StaffForm form, Model model,
            RedirectAttributes redirect) {
        String school = school(authentication);
        try {
            services.post(client, STAY_INTERVIEWS, "/api/schools/" + school + "/staff", form.request());
            redirect.addFlashAttribute("registered", form.staffRef().trim());
            return "redirect:/hr/staff";
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("problemAt", "register");
            return staffPage(client, school, model);
        }
    }

    @PostMapping("/staff/leaving-date")
    String leaving(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @ModelAttribute("leavingForm") LeavingForm form, Model model,
            RedirectAttributes redirect) {
        String school = school(authentication);
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("leavesOn", blankToNull(form.leavesOn()));
            services.put(client, STAY_INTERVIEWS, "/api/schools/" + school + "/staff/" + ref(form.staffRef())
                    + "/leaving-date", body);
            redirect.addFlashAttribute("leavingRecorded", form.staffRef());
            return "redirect:/hr/staff";
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            model.addAttribute("problemAt", "leaving");
            return staffPage(client, school, model);
        }
    }

    @PostMapping("/staff/{staffRef}/interviews/{interviewId}/actions/{index}/done")
    String actionDone(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @PathVariable String staffRef, @PathVariable String interviewId,
            @PathVariable int index, RedirectAttributes redirect) {
        try {
            // stay-interviews answers with the employee's interviews, text included: not needed, not read
            services.send(client, STAY_INTERVIEWS, "/api/schools/" + school(authentication) + "/staff/"
                    + ref(staffRef) + "/interviews/" + interviewId + "/actions/" + index + "/done");
            redirect.addFlashAttribute("actionDone", staffRef);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("problemAt", "overdue");
        }
        return "redirect:/hr/staff";
    }

    private String staffPage(OAuth2AuthorizedClient client, String school, Model model) {
        model.addAttribute("school", school);
        if (!model.containsAttribute("staffForm")) {
            model.addAttribute("staffForm", StaffForm.empty());
        }
        if (!model.containsAttribute("leavingForm")) {
            model.addAttribute("leavingForm", LeavingForm.empty());
        }
        model.addAttribute("staff", services.list(client, STAY_INTERVIEWS, "/api/schools/" + school + "/staff",
                Map.of()));
        Map<String, Object> overview = services.get(client, STAY_INTERVIEWS, "/api/schools/" + school
                + "/retention", Map.of());
        model.addAttribute("overview", overview);
        List<LineChart.Value> values = new ArrayList<>();
        Object history = overview == null ? null : overview.get("history");
        if (history instanceof List<?> points) {
            for (Object point : points) {
                Map<?, ?> p = (Map<?, ?>) point;
                values.add(new LineChart.Value(String.valueOf(p.get("assessedOn")),
                        Double.parseDouble(String.valueOf(p.get("expectedDeparturesFte")))));
            }
        }
        model.addAttribute("chart", LineChart.draw(values, 1));
        model.addAttribute("chartWidth", LineChart.WIDTH);
        model.addAttribute("chartHeight", LineChart.HEIGHT);
        return "hr/staff";
    }

    @GetMapping("/staff/{staffRef}/interview")
    String form(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String staffRef, Model model) {
        model.addAttribute("form", InterviewForm.empty());
        return formPage(client, staffRef, model);
    }

    @PostMapping("/staff/{staffRef}/interview")
    String hold(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @PathVariable String staffRef, @ModelAttribute("form") InterviewForm form,
            Model model, RedirectAttributes redirect) {
        try {
            services.post(client, STAY_INTERVIEWS, "/api/schools/" + school(authentication) + "/staff/" + staffRef
                    + "/interviews", form.request());
            redirect.addFlashAttribute("held", staffRef);
            return "redirect:/hr/staff";
        } catch (ServiceProblem problem) {
            model.addAttribute("problem", problem);
            return formPage(client, staffRef, model);
        }
    }

    private String formPage(OAuth2AuthorizedClient client, String staffRef, Model model) {
        model.addAttribute("staffRef", staffRef);
        model.addAttribute("questions", services.get(client, STAY_INTERVIEWS, "/api/stay-interview-form", Map.of()));
        return "hr/interview";
    }

    /** The person's own school, from the token: HR pages never take a school from the request. */
    static String school(Authentication authentication) {
        String school = PortalUser.of(authentication).school();
        if (school == null) {
            throw new ServiceProblem("portal", 403, "No school", null, Map.of());
        }
        return school;
    }

    /** A reference chosen in a form goes into a service's path only when it is one. */
    private static String ref(String staffRef) {
        if (staffRef == null || !staffRef.matches(STAFF_REF)) {
            throw new ServiceProblem("portal", 404, "No such staff member", null, Map.of());
        }
        return staffRef;
    }

    private static Object decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            // Dutch users type 0,8
            return new BigDecimal(value.trim().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            // the service explains the field; 0 is outside the allowed range
            return BigDecimal.ZERO;
        }
    }

    private static Object whole(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (RuntimeException notANumber) {
            return 0;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
