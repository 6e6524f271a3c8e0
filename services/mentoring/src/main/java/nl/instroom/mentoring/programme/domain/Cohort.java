package nl.instroom.mentoring.programme.domain;

import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * One round of a programme: people sign up from {@code signUpOpens} to {@code signUpCloses} (both included), the
 * coordinator matches them, and pairs meet from {@code starts} to {@code ends}. The real programme's pairs met for
 * about four months; nothing here fixes a length.
 */
public record Cohort(String id, String programmeId, String name, LocalDate signUpOpens, LocalDate signUpCloses,
        LocalDate starts, LocalDate ends) {

    public static final int MAX_NAME = 120;

    public Cohort {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidRequest("A cohort needs a name of at most " + MAX_NAME + " characters");
        }
        if (signUpOpens == null || signUpCloses == null || starts == null || ends == null) {
            throw new InvalidRequest("A cohort needs its sign-up window, start and end");
        }
        if (signUpCloses.isBefore(signUpOpens)) {
            throw new InvalidRequest("The sign-up window closes before it opens");
        }
        if (starts.isBefore(signUpCloses)) {
            throw new InvalidRequest("A cohort starts after its sign-up window closes, not before");
        }
        if (!ends.isAfter(starts)) {
            throw new InvalidRequest("A cohort ends after it starts");
        }
        name = name.strip();
    }

    /** Whether people may sign up on this day. */
    public boolean takesSignUpsOn(LocalDate day) {
        return !day.isBefore(signUpOpens) && !day.isAfter(signUpCloses);
    }

    /** Whether the cohort's pairs are meant to meet on this day. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(starts) && !day.isAfter(ends);
    }
}
