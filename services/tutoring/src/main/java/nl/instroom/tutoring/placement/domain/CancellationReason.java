package nl.instroom.tutoring.placement.domain;

import java.util.Arrays;
import java.util.List;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * Why a placement was cancelled. A fixed list, not free text: the reason leaves tutoring in {@code
 * PlacementCancelled}, and text typed about a pupil must not.
 */
public enum CancellationReason {
    SCHOOL_DECLINED, TUTOR_DECLINED, SCHEDULE_CONFLICT, TUTOR_STOPPED, OTHER,
    /** Given by tutoring itself when a parent withdraws consent, never by a person cancelling. */
    CONSENT_WITHDRAWN;

    /** The reasons a coordinator or school may give. */
    public static List<CancellationReason> givenByPeople() {
        return Arrays.stream(values()).filter(reason -> reason != CONSENT_WITHDRAWN).toList();
    }

    /** The reason a person gave, or a refusal naming the ones they may give. */
    public static CancellationReason givenByPerson(String code) {
        return givenByPeople().stream().filter(reason -> reason.name().equals(code)).findFirst()
                .orElseThrow(() -> new InvalidRequest("Unknown cancellation reason '" + code
                        + "': use one of " + givenByPeople()));
    }
}
