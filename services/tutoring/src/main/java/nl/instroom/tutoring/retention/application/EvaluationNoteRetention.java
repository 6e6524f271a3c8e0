package nl.instroom.tutoring.retention.application;

import java.time.Instant;
import java.time.Period;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.tutoring.placement.domain.Placements;
import org.springframework.stereotype.Component;

/**
 * The host school's free-text note on a completed placement is about a pupil, often a minor, and serves only the
 * coordinator's follow-up: it is dropped {@code instroom.retention.evaluation-note} (default six months) after the
 * placement was completed. The scores stay with the placement (they are what scouting was told).
 */
@Component
class EvaluationNoteRetention implements RetentionRule {

    private final Placements placements;

    EvaluationNoteRetention(Placements placements) {
        this.placements = placements;
    }

    @Override
    public String kind() {
        return "evaluation-note";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofMonths(6);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        // Placement ids left the service on tutoring.placements.v1.
        return Purged.of(placements.dropEvaluationNotes(cutoff, limit));
    }
}
