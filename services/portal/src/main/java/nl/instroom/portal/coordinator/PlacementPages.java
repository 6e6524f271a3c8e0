package nl.instroom.portal.coordinator;

import static nl.instroom.portal.services.ServiceCalls.Service.NEED_MAPPING;
import static nl.instroom.portal.services.ServiceCalls.Service.TUTORING;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Placements by school (tutoring lists them per school), with confirmation of proposed ones and cancellation. */
@Controller
@RequestMapping("/coordinator/placements")
class PlacementPages {

    private final ServiceCalls services;
    private final PlacementCancellation cancellation;

    PlacementPages(ServiceCalls services, PlacementCancellation cancellation) {
        this.services = services;
        this.cancellation = cancellation;
    }

    @GetMapping
    String placements(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            Authentication authentication, @RequestParam(required = false) String schoolCode, Model model) {
        List<Map<String, Object>> schools = services.list(client, NEED_MAPPING, "/api/need/ranking",
                Map.of("region", NeedPages.region(authentication), "limit", 200));
        model.addAttribute("schools", schools);
        model.addAttribute("schoolCode", schoolCode);
        if (schoolCode != null && !schoolCode.isBlank()) {
            model.addAttribute("placements", services.list(client, TUTORING, "/api/placements",
                    Map.of("schoolCode", schoolCode)));
        }
        model.addAttribute("reasons", PlacementCancellation.REASONS);
        return "coordinator/placements";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam String schoolCode,
            @RequestParam(defaultValue = "") String reasonCode, RedirectAttributes redirect) {
        cancellation.cancel(client, id, reasonCode, redirect);
        redirect.addAttribute("schoolCode", schoolCode);
        return "redirect:/coordinator/placements";
    }

    @PostMapping("/{id}/confirm")
    String confirm(@RegisteredOAuth2AuthorizedClient("instroom") OAuth2AuthorizedClient client,
            @PathVariable String id, @RequestParam String schoolCode, RedirectAttributes redirect) {
        try {
            services.post(client, TUTORING, "/api/placements/" + id + "/confirm", null);
            redirect.addFlashAttribute("confirmed", id);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
        redirect.addAttribute("schoolCode", schoolCode);
        return "redirect:/coordinator/placements";
    }
}
