package nl.instroom.portal.mentoring;

import static nl.instroom.portal.services.ServiceCalls.Service.MENTORING;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import nl.instroom.portal.web.FormValues;
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
 * A participant's own pages: their pairs (with the other side's name, organisation and address, to get in touch),
 * saying yes or no to a proposed pair, logging a meeting, adding a goal and giving feedback. Mentoring finds the
 * participant's sign-ups by the signed-in account, so no page names a side or another person's pair: the service
 * refuses a pair the person is not in.
 */
@Controller
@RequestMapping("/mentoring")
class ParticipantPages {

    private final ServiceCalls services;

    ParticipantPages(ServiceCalls services) {
        this.services = services;
    }

    @GetMapping
    String pairs(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client, Model model) {
        model.addAttribute("pairs", services.list(client, MENTORING, "/api/my/pairs", Map.of()));
        return "mentoring/my-pairs";
    }

    @GetMapping("/pairs/{id}")
    String pair(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, Model model) {
        model.addAttribute("detail", services.get(client, MENTORING, "/api/my/pairs/" + id, Map.of()));
        model.addAttribute("modes", ProgrammePages.MODES);
        model.addAttribute("moments", ProgrammePages.MOMENTS);
        return "mentoring/my-pair";
    }

    @PostMapping("/pairs/{id}/{answer:acceptance|refusal}")
    String answer(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @PathVariable String answer, RedirectAttributes redirect) {
        return sent(redirect, id, () -> services.send(client, MENTORING, "/api/my/pairs/" + id + "/" + answer));
    }

    @PostMapping("/pairs/{id}/{what:meetings|goals|feedback}")
    String record(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @PathVariable String what, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return sent(redirect, id, () -> services.post(client, MENTORING, "/api/my/pairs/" + id + "/" + what,
                recordBody(what, form)));
    }

    /**
     * A meeting (date, minutes, mode), a goal (text) or feedback (moment, score, optional text) as mentoring takes
     * it, without a side: mentoring knows the participant's side from their sign-in.
     */
    static Map<String, Object> recordBody(String what, Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (what) {
            case "meetings" -> {
                body.put("on", FormValues.blankToNull(form.get("on")));
                body.put("minutes", FormValues.whole(form.getOrDefault("minutes", "")));
                body.put("mode", FormValues.blankToNull(form.get("mode")));
            }
            case "goals" -> body.put("text", FormValues.blankToNull(form.get("text")));
            default -> {
                body.put("moment", FormValues.blankToNull(form.get("moment")));
                body.put("score", FormValues.whole(form.getOrDefault("score", "")));
                body.put("text", FormValues.blankToNull(form.get("text")));
            }
        }
        return body;
    }

    private static String sent(RedirectAttributes redirect, String id, Runnable call) {
        try {
            call.run();
            redirect.addFlashAttribute("saved", true);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        return "redirect:/mentoring/pairs/" + id;
    }
}
