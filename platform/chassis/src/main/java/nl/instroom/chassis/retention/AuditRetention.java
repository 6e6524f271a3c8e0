package nl.instroom.chassis.retention;

import java.time.Instant;
import java.time.Period;
import nl.instroom.chassis.audit.AuditTrail;

/**
 * Audit entries name pseudonymous ids (whose data someone read or changed): they are kept for
 * {@code instroom.retention.audit-entry} (default two years: long enough to answer a person's question who read
 * their data over a school year and to investigate an incident afterwards), then deleted. Counted only: an entry's
 * id never left the service.
 */
public class AuditRetention implements RetentionRule {

    private final AuditTrail audit;

    public AuditRetention(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public String kind() {
        return "audit-entry";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofYears(2);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        return Purged.counted(audit.removeBefore(cutoff, limit));
    }
}
