package nl.instroom.mentoring.matching.domain;

import java.util.Map;
import java.util.Set;
import nl.instroom.mentoring.signup.domain.Theme;

/**
 * One side of a possible pair as matching sees it: the sign-up, the pseudonymous person behind it, where they are,
 * their organisation and the organisations they will not meet (both normalised), their themes (for a leader each
 * with its importance, 1–3) and how many pairs they take.
 */
public record Participant(String signUpId, String participantRef, String region, String organisation,
        Set<String> notWith, Map<Theme, Integer> themes, int capacity) {

    public Participant {
        notWith = Set.copyOf(notWith);
        themes = Map.copyOf(themes);
    }
}
