package nl.instroom.careeradvice.cases.application;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import nl.instroom.careeradvice.agenda.domain.Slots;
import nl.instroom.careeradvice.cases.domain.Cases;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.retention.RetentionRule;
import org.springframework.stereotype.Component;

/**
 * Purges a case once the retention period its person chose (6, 12 or 24 months after the case's last activity) has
 * ended, like an erasure: the case with its key, the slots' reference to it, its id in the audit trail. The kind's
 * own period ({@code instroom.retention.advice-case}, default one day) is the grace after the chosen period. The
 * ids of purged cases that were referred (so left the service on advice.referrals.v1) go with the chassis'
 * PersonalDataPurged notice.
 */
@Component
class CaseRetention implements RetentionRule {

    private final Cases cases;
    private final Slots slots;
    private final AuditTrail audit;
    private final Clock clock;

    CaseRetention(Cases cases, Slots slots, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.slots = slots;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "advice-case";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofDays(1);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        List<Cases.Due> due = cases.dueBefore(cutoff, limit);
        Instant now = clock.instant();
        for (Cases.Due each : due) {
            cases.erase(each.id());
            slots.forgetCase(each.id(), now);
            audit.forget(each.id());
        }
        return new Purged(due.size(), due.stream().filter(Cases.Due::referred).map(Cases.Due::id).toList());
    }
}
