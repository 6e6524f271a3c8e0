package nl.instroom.portal.web;

import static nl.instroom.portal.services.ServiceCalls.Service.TUTORING;

import java.util.List;
import java.util.Map;
import nl.instroom.portal.services.ServiceCalls;
import nl.instroom.portal.services.ServiceProblem;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cancelling a tutor placement, the same for the coordinator and school HR. The reason is one of tutoring's reason
 * codes, not free text: it travels in {@code PlacementCancelled} to other services, and text about a pupil must
 * not. Tutoring refuses any other code as well; the portal checks first so the refusal never depends on it alone.
 */
@Component
public class PlacementCancellation {

    /** The reasons a person can give, as tutoring's codes. */
    public static final List<String> REASONS = List.of("SCHOOL_DECLINED", "TUTOR_DECLINED", "SCHEDULE_CONFLICT",
            "TUTOR_STOPPED", "OTHER");

    /** Placement ids as tutoring makes them; anything else never reaches a path. */
    private static final String PLACEMENT_ID = "[A-Za-z0-9-]{1,64}";

    private final ServiceCalls services;

    PlacementCancellation(ServiceCalls services) {
        this.services = services;
    }

    /** Cancels with the person's token; the page after the redirect shows it done or why not. */
    public void cancel(OAuth2AuthorizedClient client, String placementId, String reasonCode,
            RedirectAttributes redirect) {
        try {
            if (placementId == null || !placementId.matches(PLACEMENT_ID)) {
                throw new ServiceProblem("portal", 404, "No such placement", null, Map.of());
            }
            if (!REASONS.contains(reasonCode)) {
                throw new ServiceProblem("portal", 400, "Choose a reason", null,
                        Map.of("reasonCode", "choose one of the reasons in the list"));
            }
            services.post(client, TUTORING, "/api/placements/" + placementId + "/cancel",
                    Map.of("reasonCode", reasonCode));
            redirect.addFlashAttribute("cancelled", placementId);
        } catch (ServiceProblem problem) {
            redirect.addFlashAttribute("problem", problem);
        }
    }
}
