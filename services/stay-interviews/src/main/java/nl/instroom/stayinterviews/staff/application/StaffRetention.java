package nl.instroom.stayinterviews.staff.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps an employee and their interviews no longer than {@code instroom.retention.staff-member} (ISO-8601, default
 * P2Y; {@code STAY_RETENTION}) after their leaving date: then they are removed as if HR had deleted them, including
 * telling others to forget a reference that left with a shared growth ambition. The chassis' daily purge runs this
 * rule and publishes what it removed, naming only references that had left the service.
 */
@Component
public class StaffRetention implements RetentionRule {

    private static final Logger log = LoggerFactory.getLogger(StaffRetention.class);

    private final StaffMembers staff;
    private final StaffRemoval removal;

    StaffRetention(StaffMembers staff, StaffRemoval removal) {
        this.staff = staff;
        this.removal = removal;
    }

    @Override
    public String kind() {
        return "staff-member";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofYears(2);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        LocalDate leftBefore = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        int removed = 0;
        List<String> shared = new ArrayList<>();
        for (StaffMember member : staff.leftBefore(leftBefore)) {
            if (removed == limit) {
                break;
            }
            if (member.leftBefore(leftBefore)
                    && removal.remove(member, true, "PURGED_STAFF_MEMBER_AFTER_RETENTION") > 0) {
                removed++;
                if (member.ambitionShared()) {
                    shared.add(member.id());
                }
            }
        }
        staff.dropPublishedTombstones();
        return new Purged(removed, shared);
    }

    /** Tombstones of removed members go as soon as their last events are published. */
    @Scheduled(fixedDelayString = "${instroom.stay.tombstone-interval:10s}")
    void dropPublishedTombstones() {
        try {
            staff.dropPublishedTombstones();
        } catch (RuntimeException e) {
            log.debug("Tombstones not dropped this time: {}", e.getMessage());
        }
    }
}
