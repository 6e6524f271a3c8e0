package nl.instroom.scouting.retention.application;

import java.time.Instant;
import java.time.Period;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.scouting.suggestion.domain.Suggestions;
import org.springframework.stereotype.Component;

/**
 * A suggestion names a person and what a school scored them; a scout acts on it within weeks, and an accepted one
 * lives on as a talent. {@code instroom.retention.suggestion} (default six months) after it arrived it is emptied as
 * on erasure: no reference, no scores, out of the inbox — but kept under its id, so the same event delivered again
 * cannot bring the person back. Counted only: a suggestion's id never left scouting.
 */
@Component
class SuggestionRetention implements RetentionRule {

    private final Suggestions suggestions;

    SuggestionRetention(Suggestions suggestions) {
        this.suggestions = suggestions;
    }

    @Override
    public String kind() {
        return "suggestion";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofMonths(6);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        return Purged.counted(suggestions.anonymiseReceivedBefore(cutoff, limit));
    }
}
