package nl.instroom.portal.web;

import java.util.List;
import java.util.Map;
import nl.instroom.portal.services.ServiceProblem;

/**
 * The reasons a person can give for cancelling a tutor placement, as tutoring's reason codes. A code, not free
 * text: the reason travels in {@code PlacementCancelled} to other services, and free text about a pupil must not.
 * Tutoring refuses any other code as well; the portal checks first so a refusal never depends on it alone.
 */
public final class CancellationReasons {

    public static final List<String> CODES = List.of("SCHOOL_DECLINED", "TUTOR_DECLINED", "SCHEDULE_CONFLICT",
            "TUTOR_STOPPED", "OTHER");

    /** Placement ids as tutoring makes them; anything else never reaches a path. */
    private static final String PLACEMENT_ID = "[A-Za-z0-9-]{1,64}";

    private CancellationReasons() {
    }

    /** The cancel request for tutoring, or a refusal the page shows when the reason is not one of the list. */
    public static Map<String, Object> request(String placementId, String reasonCode) {
        if (placementId == null || !placementId.matches(PLACEMENT_ID)) {
            throw new ServiceProblem("portal", 404, "No such placement", null, Map.of());
        }
        if (!CODES.contains(reasonCode)) {
            throw new ServiceProblem("portal", 400, "Choose a reason", null,
                    Map.of("reasonCode", "choose one of the reasons in the list"));
        }
        return Map.of("reasonCode", reasonCode);
    }
}
