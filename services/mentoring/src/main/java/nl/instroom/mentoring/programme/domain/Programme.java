package nl.instroom.mentoring.programme.domain;

import java.time.LocalDate;
import nl.instroom.chassis.refusal.InvalidRequest;

/** A mentoring programme, such as the cross-mentoring of school leaders and executives; it runs in cohorts. */
public record Programme(String id, String name, LocalDate createdOn) {

    public static final int MAX_NAME = 120;

    public Programme {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidRequest("A programme needs a name of at most " + MAX_NAME + " characters");
        }
        name = name.strip();
    }
}
