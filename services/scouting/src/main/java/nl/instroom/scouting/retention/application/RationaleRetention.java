package nl.instroom.scouting.retention.application;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.scouting.talent.domain.Talents;
import org.springframework.stereotype.Component;

/**
 * The scout's rationale is the only free text scouting keeps about a person, and it serves the follow-up: it is
 * dropped {@code instroom.retention.talent-rationale} (default one year) after the follow-up ended — the pipeline
 * closed (enrolled, declined, withdrawn) and any ambassadorship ended. Stages and dates stay for the funnel.
 */
@Component
class RationaleRetention implements RetentionRule {

    private final Talents talents;

    RationaleRetention(Talents talents) {
        this.talents = talents;
    }

    @Override
    public String kind() {
        return "talent-rationale";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofYears(1);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        List<String> due = ClosedTalents.inactiveBefore(talents, cutoff, limit, talent -> talent.rationale() != null);
        int dropped = due.isEmpty() ? 0 : talents.dropRationale(due);
        // Talent ids left the service on scouting.talent.v1.
        return new Purged(dropped, due.subList(0, Math.min(dropped, due.size())));
    }
}
