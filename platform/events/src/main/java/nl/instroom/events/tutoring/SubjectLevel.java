package nl.instroom.events.tutoring;

/** A subject a tutor can help with and the school level (e.g. vmbo, havo, vwo) at which they can. */
public record SubjectLevel(String subject, String level) {
}
