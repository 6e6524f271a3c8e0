package nl.instroom.scouting.suggestion.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.instroom.events.scouting.PersonKind;

/** The suggestions inbox. */
public interface Suggestions {

    int LIST_LIMIT = 1000;

    /** Stores a new suggestion; false when one with its id exists (whatever became of it). */
    boolean offer(Suggestion suggestion);

    Optional<Suggestion> find(String id);

    /** Open suggestions at these schools (all schools when null), oldest first, at most {@link #LIST_LIMIT}. */
    List<Suggestion> open(Collection<String> schoolCodes);

    /** Stores the scout's decision, only if the suggestion is still open; false when someone decided first. */
    boolean decide(Suggestion decided);

    /**
     * Empties at most {@code limit} suggestions received before the moment as {@link #anonymise} does a person's
     * (open ones leave the inbox, every one keeps its id) and drops the school's scores; returns how many.
     */
    int anonymiseReceivedBefore(Instant moment, int limit);

    /**
     * Empties the person's suggestions: the reference becomes "erased" and they leave the inbox ({@code ERASED}),
     * but they stay under their id so a redelivered event cannot bring them back. Returns how many changed.
     */
    int anonymise(PersonKind personKind, String personRef);
}
