package nl.instroom.portal.hr;

import static nl.instroom.portal.services.ServiceCalls.Service.STAY_INTERVIEWS;
import static nl.instroom.portal.web.FormValues.blankToNull;
import static nl.instroom.portal.web.FormValues.decimal;
import static nl.instroom.portal.web.FormValues.whole;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import nl.instroom.portal.charts.LineChart;
import nl.instroom.portal.security.PortalUser;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import org.springframework.context.i18n.LocaleContextHolder;
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

@Controller
@RequestMapping("/hr")
class HrPages {

    /**
     * What HR typed in the stay-interview form, kept as typed. Follow-up actions come as parallel lists, one entry
     * per row of the form. Each growth ambition is one choice of three — not named, named, or named and the
     * employee agreed that a talent scout may know it ({@code MENTOR:SCOUT}) — so consent cannot be given for an
     * ambition that was not named.
     */
    public record InterviewForm(String heldOn, String interviewer, String lookingForwardTo, String learning,
            String whyStay, String lastThoughtOfLeaving, String whatWouldMakeTheJobBetter, String workload,
            String satisfaction, String intentToStay, List<String> ambitions, List<String> actionDescription,
            List<String> actionOwner, List<String> actionDueOn, String notes) {

        /** Rows for follow-up actions on a new form; the service takes more, but three fit a conversation. */
        static final int ACTION_ROWS = 3;

        /** The suffix of an ambition the employee agreed a talent scout may know. */
        static final String SHARED = ":SCOUT";

        public InterviewForm {
            ambitions = ambitions == null ? List.of()
                    : ambitions.stream().filter(a -> a != null && !a.isBlank()).toList();
            int rows = Math.max(ACTION_ROWS, Math.max(size(actionDescription), Math.max(size(actionOwner),
                    size(actionDueOn))));
            actionDescription = padded(actionDescription, rows);
            actionOwner = padded(actionOwner, rows);
            actionDueOn = padded(actionDueOn, rows);
        }

        static InterviewForm empty() {
            return new InterviewForm("", "", "", "", "", "", "", "3", "3", "YES", List.of(), List.of(), List.of(),
                    List.of(), "");
        }

        /** The row numbers the form shows: at least {@link #ACTION_ROWS}, more when more came back. */
        public List<Integer> actionRows() {
            return IntStream.range(0, actionDescription.size()).boxed().toList();
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
            List<Map<String, Object>> named = new ArrayList<>();
            for (String choice : ambitions) {
                boolean shared = choice.endsWith(SHARED);
                Map<String, Object> ambition = new LinkedHashMap<>();
                ambition.put("ambition", shared ? choice.substring(0, choice.length() - SHARED.length()) : choice);
                ambition.put("scoutMayKnow", shared);
                named.add(ambition);
            }
            body.put("ambitions", named);
            List<Map<String, Object>> actions = new ArrayList<>();
            for (int row = 0; row < actionDescription.size(); row++) {
                String description = blankToNull(actionDescription.get(row));
                String owner = blankToNull(actionOwner.get(row));
                String dueOn = blankToNull(actionDueOn.get(row));
                if (description != null || owner != null || dueOn != null) {
                    // a half-filled row goes as it is: the service names the missing field
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("description", description);
                    action.put("owner", owner);
                    action.put("dueOn", dueOn);
                    actions.add(action);
                }
            }
            body.put("actions", actions);
            body.put("notes", blankToNull(notes));
            return body;
        }

        private static int size(List<String> typed) {
            return typed == null ? 0 : typed.size();
        }

        private static List<String> padded(List<String> typed, int rows) {
            List<String> padded = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                String value = typed != null && row < typed.size() ? typed.get(row) : null;
                padded.add(value == null ? "" : value);
            }
            return List.copyOf(padded);
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

    /** The stay interview's questions, in the order the form asks them. */
    static final List<String> QUESTIONS = List.of("lookingForwardTo", "learning", "whyStay", "lastThoughtOfLeaving",
            "whatWouldMakeTheJobBetter");

    /** Interview ids as stay-interviews makes them; anything else never reaches a path. */
    private static final String INTERVIEW_ID = "[A-Za-z0-9-]{1,64}";

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
            @PathVariable int index, @RequestParam(defaultValue = "staff") String from,
            RedirectAttributes redirect) {
        try {
            if (!interviewId.matches(INTERVIEW_ID)) {
                throw new ServiceProblem("portal", 404, "No such interview", null, Map.of());
            }
            // stay-interviews answers with the employee's interviews, text included: not needed, not read
            services.send(client, STAY_INTERVIEWS, "/api/schools/" + school(authentication) + "/staff/"
                    + ref(staffRef) + "/interviews/" + interviewId + "/actions/" + index + "/done");
            redirect.addFlashAttribute("actionDone", staffRef);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            redirect.addFlashAttribute("problemAt", "overdue");
        }
        // marked from the colleague's own page, the person stays there
        return "dossier".equals(from) ? "redirect:/hr/staff/" + ref(staffRef) : "redirect:/hr/staff";
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
        model.addAttribute("chart", LineChart.draw(values, 1, LocaleContextHolder.getLocale()));
        model.addAttribute("chartWidth", LineChart.WIDTH);
        model.addAttribute("chartHeight", LineChart.HEIGHT);
        return "hr/staff";
    }

    /** One colleague's stay interviews, newest first, with the answers and notes only this school's HR may read. */
    @GetMapping("/staff/{staffRef}")
    String dossier(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @PathVariable String staffRef, Model model) {
        String school = school(authentication);
        List<Map<String, Object>> interviews = new ArrayList<>(services.list(client, STAY_INTERVIEWS,
                "/api/schools/" + school + "/staff/" + ref(staffRef) + "/interviews", Map.of()));
        interviews.sort(Comparator.comparing((Map<String, Object> i) -> String.valueOf(i.get("heldOn")))
                .reversed());
        model.addAttribute("school", school);
        model.addAttribute("staffRef", staffRef);
        model.addAttribute("interviews", interviews);
        model.addAttribute("questions", QUESTIONS);
        return "hr/dossier";
    }

    /**
     * Removes a colleague and everything recorded about them; the service tells the talent scouts to forget a
     * shared ambition. Asked twice, because it cannot be undone.
     */
    @PostMapping("/staff/{staffRef}/remove")
    String remove(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @PathVariable String staffRef,
            @RequestParam(defaultValue = "false") boolean confirmed, RedirectAttributes redirect) {
        if (!confirmed) {
            redirect.addFlashAttribute("confirmRemoval", true);
            return "redirect:/hr/staff/" + ref(staffRef);
        }
        try {
            services.delete(client, STAY_INTERVIEWS, "/api/schools/" + school(authentication) + "/staff/"
                    + ref(staffRef));
            redirect.addFlashAttribute("removed", staffRef);
            return "redirect:/hr/staff";
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
            return "redirect:/hr/staff/" + ref(staffRef);
        }
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
            services.post(client, STAY_INTERVIEWS, "/api/schools/" + school(authentication) + "/staff/"
                    + ref(staffRef) + "/interviews", form.request());
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
}
