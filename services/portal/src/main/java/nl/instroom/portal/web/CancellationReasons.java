package nl.instroom.portal.web;

import java.util.List;

/**
 * The reasons a person can give for cancelling a tutor placement, as tutoring's reason codes. A code, not free
 * text: the reason travels in {@code PlacementCancelled} to other services, and free text about a pupil must not.
 */
public final class CancellationReasons {

    public static final List<String> CODES = List.of("SCHOOL_DECLINED", "TUTOR_DECLINED", "SCHEDULE_CONFLICT",
            "TUTOR_STOPPED", "OTHER");

    private CancellationReasons() {
    }
}
