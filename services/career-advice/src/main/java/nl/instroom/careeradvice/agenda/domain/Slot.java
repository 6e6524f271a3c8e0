package nl.instroom.careeradvice.agenda.domain;

import java.time.Duration;
import java.time.Instant;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * An adviser's slot for a conversation (20 to 60 minutes; the desk's conversations take 20–30). Free until one
 * person books it; then it names the case it is for.
 *
 * @param advisorRef the adviser's pseudonymous subject (from their token)
 * @param caseId the case it is booked for, or null while free (and after the person was erased)
 */
public record Slot(String id, String advisorRef, Instant start, Instant end, Status status, String caseId) {

    public static final Duration SHORTEST = Duration.ofMinutes(20);
    public static final Duration LONGEST = Duration.ofMinutes(60);

    /** Free to book, or booked. */
    public enum Status {
        FREE, BOOKED
    }

    /** A new free slot; it must lie in the future and last 20 to 60 minutes. */
    public static Slot publish(String id, String advisorRef, Instant start, Duration length, Instant now) {
        if (start == null || !start.isAfter(now)) {
            throw new InvalidRequest("A slot must start in the future");
        }
        if (length.compareTo(SHORTEST) < 0 || length.compareTo(LONGEST) > 0) {
            throw new InvalidRequest("A slot lasts 20 to 60 minutes");
        }
        return new Slot(id, advisorRef, start, start.plus(length), Status.FREE, null);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
