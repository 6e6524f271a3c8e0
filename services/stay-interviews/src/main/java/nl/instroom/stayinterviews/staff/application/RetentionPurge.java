package nl.instroom.stayinterviews.staff.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps interviews no longer than the retention period after the employee left ({@code instroom.stay.retention},
 * ISO-8601, default P2Y): then the employee and all their interviews are removed, as if HR had deleted them.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    private final StaffMembers staff;
    private final StaffRemoval removal;
    private final Period retention;
    private final Clock clock;

    @Autowired
    RetentionPurge(StaffMembers staff, StaffRemoval removal,
            @Value("${instroom.stay.retention:P2Y}") String retention, Clock clock) {
        this(staff, removal, Period.parse(retention), clock);
    }

    RetentionPurge(StaffMembers staff, StaffRemoval removal, Period retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("instroom.stay.retention must be a positive period, e.g. P2Y");
        }
        this.staff = staff;
        this.removal = removal;
        this.retention = retention;
        this.clock = clock;
    }

    /** Removes everyone whose retention period has passed; returns how many. */
    public int purge() {
        LocalDate today = LocalDate.now(clock);
        int removed = 0;
        for (StaffMember member : staff.leftBefore(today.minus(retention))) {
            if (member.retentionExpired(retention, today)) {
                removed += removal.remove(member, true, "PURGED_STAFF_MEMBER_AFTER_RETENTION");
            }
        }
        staff.dropPublishedTombstones();
        return removed;
    }

    @Scheduled(cron = "${instroom.stay.purge-cron:0 0 2 * * *}", zone = "UTC")
    void purgeDaily() {
        try {
            log.info("Retention purge removed {} staff member(s)", purge());
        } catch (RuntimeException e) {
            log.warn("Retention purge stopped, it runs again tomorrow: {}", e.getMessage());
        }
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
