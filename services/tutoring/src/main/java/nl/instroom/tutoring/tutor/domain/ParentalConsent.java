package nl.instroom.tutoring.tutor.domain;

import java.time.LocalDate;

/** A parent's consent, as recorded by a coordinator: when, and by whom it was recorded (an account, not a name). */
public record ParentalConsent(LocalDate givenOn, String recordedBy) {
}
