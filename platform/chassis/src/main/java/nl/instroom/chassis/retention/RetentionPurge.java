package nl.instroom.chassis.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.events.privacy.PersonalDataPurged;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The retention job of a service, on the shared scheduler: daily ({@code instroom.retention.purge-cron}, 02:15 UTC)
 * every {@link RetentionRule} removes what is past its period, in batches, and each batch is recorded with its
 * {@code PersonalDataPurged} notice (privacy.retention.v1) in one document of {@value #REPORTS}, whose outbox the
 * relay publishes. The document keeps the kind, period, cutoff and count, never the ids (those leave with the
 * notice and are gone from the outbox once published); an audit entry names the batch.
 *
 * <p>Safe on several instances: a lease lets one instance purge at a time, and every rule removes conditionally,
 * so a second run — or another instance after the lease ran out — removes nothing twice and reports nothing twice.
 * A batch is recorded after its removal: a crash in between loses that batch's notice, never the removal.
 */
public class RetentionPurge {

    /** What each batch removed, with its notice in the outbox. */
    public static final String REPORTS = "retention_purges";
    static final String LEASES = "retention_leases";
    static final int BATCH = 500;
    /** A rule that keeps reporting full batches is stopped after this many, so one bad rule cannot run for ever. */
    static final int MAX_BATCHES_PER_KIND = 200;

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
    private static final String LEASE_ID = "purge";

    /** What one run removed of one kind. */
    public record Report(String kind, Period retention, Instant purgedBefore, int recordsPurged) {
    }

    private final List<RetentionRule> rules;
    private final RetentionPeriods periods;
    private final MongoTemplate mongo;
    private final PendingEvents pendingEvents;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final String service;
    private final Clock clock;
    private final Duration lease;

    public RetentionPurge(List<RetentionRule> rules, RetentionPeriods periods, MongoTemplate mongo,
            PendingEvents pendingEvents, Outbox outbox, AuditTrail audit, String service, Clock clock,
            Duration lease) {
        this.rules = List.copyOf(rules);
        this.periods = periods;
        this.mongo = mongo;
        this.pendingEvents = pendingEvents;
        this.outbox = outbox;
        this.audit = audit;
        this.service = service;
        this.clock = clock;
        this.lease = lease;
        outbox.declare(REPORTS);
    }

    /** The rules' kinds and the periods in force. */
    public RetentionPeriods periods() {
        return periods;
    }

    /**
     * Purges every kind now; returns what was removed (nothing when another instance holds the lease).
     */
    public List<Report> purge() {
        String holder = UUID.randomUUID().toString();
        if (!acquireLease(holder)) {
            log.info("Retention purge skipped: another instance is purging");
            return List.of();
        }
        try {
            Instant now = clock.instant();
            List<Report> reports = new ArrayList<>();
            for (RetentionRule rule : rules) {
                Period period = periods.of(rule);
                Instant cutoff = now.atZone(ZoneOffset.UTC).minus(period).toInstant();
                int total = 0;
                for (int batch = 0; batch < MAX_BATCHES_PER_KIND; batch++) {
                    RetentionRule.Purged purged = rule.purge(cutoff, BATCH);
                    if (purged.count() == 0) {
                        break;
                    }
                    record(rule.kind(), period, cutoff, purged);
                    total += purged.count();
                    if (purged.count() < BATCH) {
                        break;
                    }
                }
                if (total > 0) {
                    reports.add(new Report(rule.kind(), period, cutoff, total));
                    log.info("Retention purge removed {} record(s) of {} (period {})", total, rule.kind(), period);
                }
            }
            return reports;
        } finally {
            releaseLease(holder);
        }
    }

    @Scheduled(cron = "${instroom.retention.purge-cron:0 15 2 * * *}", zone = "UTC")
    void purgeDaily() {
        try {
            purge();
        } catch (RuntimeException e) {
            log.warn("Retention purge stopped, it runs again tomorrow: {}", e.toString());
        }
    }

    private void record(String kind, Period period, Instant cutoff, RetentionRule.Purged purged) {
        String purgeId = UUID.randomUUID().toString();
        PersonalDataPurged notice = new PersonalDataPurged(purgeId, service, kind, period.toString(), cutoff,
                purged.count(), purged.references());
        Document report = new Document("_id", purgeId).append("kind", kind).append("retention", period.toString())
                .append("purgedBefore", Date.from(cutoff)).append("recordsPurged", purged.count())
                .append("at", Date.from(clock.instant()))
                .append(PendingEvents.FIELD, OutboxDocuments.of(mongo.getConverter(),
                        pendingEvents.append(List.of(), List.of(notice))));
        mongo.insert(report, REPORTS);
        outbox.written(REPORTS, purgeId, 1);
        audit.recordAs("retention-purge", "PURGED_" + kind.toUpperCase(Locale.ROOT).replace('-', '_'), purgeId);
    }

    private boolean acquireLease(String holder) {
        Instant now = clock.instant();
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(LEASE_ID).and("until").lt(Date.from(now))),
                    new Update().set("holder", holder).set("until", Date.from(now.plus(lease))), LEASES);
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    private void releaseLease(String holder) {
        mongo.remove(Query.query(Criteria.where("_id").is(LEASE_ID).and("holder").is(holder)), LEASES);
    }
}
