package nl.instroom.scouting.retention.application;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.scouting.talent.domain.Talents;
import org.springframework.stereotype.Component;

/**
 * Who a closed talent was — the person's reference — is kept {@code instroom.retention.talent-reference} (default
 * two years) after the follow-up ended, so a scout does not approach again soon someone who declined; then the talent
 * is anonymised as on erasure (reference {@code erased}, no rationale) and stays in the funnel's counts.
 */
@Component
class TalentReferenceRetention implements RetentionRule {

    private final Talents talents;

    TalentReferenceRetention(Talents talents) {
        this.talents = talents;
    }

    @Override
    public String kind() {
        return "talent-reference";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofYears(2);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        List<String> due = ClosedTalents.inactiveBefore(talents, cutoff, limit, talent -> !talent.anonymised());
        int anonymised = due.isEmpty() ? 0 : talents.anonymiseTalents(due);
        // Talent ids left the service on scouting.talent.v1; the person's reference itself is never named.
        return new Purged(anonymised, due.subList(0, Math.min(anonymised, due.size())));
    }
}
