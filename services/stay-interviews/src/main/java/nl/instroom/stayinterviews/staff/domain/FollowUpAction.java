package nl.instroom.stayinterviews.staff.domain;

import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * An action agreed in a stay interview: what (free text, encrypted at rest), who owns it (free text, encrypted),
 * by when, and when it was done. The description and owner are null where they were not decrypted (overviews) or
 * can no longer be (the school's key was deleted).
 */
public record FollowUpAction(String description, String owner, LocalDate dueOn, LocalDate doneOn) {

    public static final int MAX_LENGTH = 500;

    public boolean overdueOn(LocalDate today) {
        return doneOn == null && dueOn.isBefore(today);
    }

    FollowUpAction doneOn(LocalDate day) {
        return new FollowUpAction(description, owner, dueOn, day);
    }

    void check(LocalDate heldOn) {
        if (description == null || description.isBlank() || description.length() > MAX_LENGTH) {
            throw new InvalidRequest("A follow-up action says what will be done, in at most "
                    + MAX_LENGTH + " characters");
        }
        if (owner == null || owner.isBlank() || owner.length() > 120) {
            throw new InvalidRequest("A follow-up action has an owner");
        }
        if (dueOn == null || dueOn.isBefore(heldOn)) {
            throw new InvalidRequest("A follow-up action is due on or after the day of the interview");
        }
    }
}
