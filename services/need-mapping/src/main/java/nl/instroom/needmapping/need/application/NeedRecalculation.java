package nl.instroom.needmapping.need.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.instroom.needmapping.need.domain.NeedIndexFormula;
import nl.instroom.needmapping.need.domain.NeedInputs;
import nl.instroom.needmapping.need.domain.NeedReadModel;
import nl.instroom.needmapping.need.domain.NeedSources;
import nl.instroom.needmapping.need.domain.SchoolNeed;
import nl.instroom.needmapping.need.domain.SchoolNeeds;
import nl.instroom.needmapping.school.application.RegionsChanged;
import nl.instroom.needmapping.vacancy.application.VacancyChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Scores again the schools whose inputs changed — only those: a school's score depends on the school alone — on a
 * thread of its own, in passes that coalesce a burst of changes.
 *
 * <p>A pass reads, for up to {@value #MAX_PER_PASS} marked schools at once, their stored needs (first, for the
 * revisions), their inputs and their regions' median sizes, scores them, and stores those whose need changed in one
 * bulk write, each guarded by the revision it was computed from; those whose need did not change are confirmed in
 * the same write, guarded by the revision read. With several need-mapping instances, a school scored by two at once is stored (or
 * confirmed) by one; the other gets it back and scores it again from fresh inputs, so no change is lost and no
 * revision is published twice with different contents. The confirmation matters when the two passes read the inputs
 * on either side of a change: the later one finds nothing to store, and without its confirmation the earlier one's
 * write — made from the inputs before the change — would be the last word.
 *
 * <p>Which schools are marked is kept in memory: after a (re)start every school is scored once, which makes good a
 * stop in the middle of a pass. Scores age with their vacancies (the age factor counts months), so once a day the
 * schools with open vacancies are marked.
 *
 * <p>Each pass also brings the read model ({@link NeedReadModel}) up to date: the views of the pass's schools, then,
 * once no school is waiting (or, under a steady stream of changes, now and then: {@link #nextAggregationWhileBusy}),
 * the aggregates of the regions whose views changed — so a burst of changes in a region aggregates it once, not once
 * per school. The ranking and the summaries read only the read model.
 */
@Service
public class NeedRecalculation implements SmartLifecycle, RegionsChanged, VacancyChanges {

    /**
     * Schools per pass. Each pass costs a dozen round trips to the store whatever its size, and one journaled write
     * of its changed needs; the open vacancies are read in slices of a few schools (MongoNeedStore), so a larger pass
     * does not keep the vacancies collection from new vacancies longer. With 200 the national benchmark's 4,933
     * schools took 25 passes.
     */
    static final int MAX_PER_PASS = 500;
    private static final Logger log = LoggerFactory.getLogger(NeedRecalculation.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    static final long AGGREGATE_AT_LEAST_EVERY_MS = 1000;
    static final int SCORING_PER_AGGREGATING = 4;

    private final NeedSources sources;
    private final SchoolNeeds needs;
    private final NeedReadModel readModel;
    private final NeedIndexFormula formula;
    private final Clock clock;
    private final Duration coalesce;
    private final Set<String> marked = ConcurrentHashMap.newKeySet();
    private final Set<String> regionsToAggregate = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private volatile boolean running;
    private Thread worker;
    private long nextAggregationWhileBusy;

    NeedRecalculation(NeedSources sources, SchoolNeeds needs, NeedReadModel readModel, NeedIndexFormula formula,
            Clock clock, @Value("${instroom.need.coalesce-interval:100ms}") Duration coalesce) {
        this.sources = sources;
        this.needs = needs;
        this.readModel = readModel;
        this.formula = formula;
        this.clock = clock;
        this.coalesce = coalesce;
    }

    /** Something about this school changed: it is scored again soon. */
    @Override
    public void schoolChanged(String schoolCode) {
        marked.add(schoolCode);
        wake();
    }

    @Override
    public void schoolsChanged(Collection<String> schoolCodes) {
        if (!schoolCodes.isEmpty()) {
            marked.addAll(schoolCodes);
            wake();
        }
    }

    /**
     * The region changed as a whole (its schools, its median school size): its median is counted again — before its
     * schools are marked, so every score computed after the mark, by any instance, reads the new one — and each of its
     * schools is scored again.
     */
    @Override
    public void regionChanged(String region) {
        sources.refreshMedianPupils(List.of(region));
        schoolsChanged(sources.schoolsOf(region));
    }

    @EventListener(ApplicationReadyEvent.class)
    void everySchoolOnceAfterStart() {
        try {
            // A stop between writing views and aggregating their regions is made good here as well: every region
            // with schools, and every region aggregated before, is aggregated again (the read model is written
            // without waiting for the journal, so a crash may have lost an aggregate whose views were kept).
            regionsToAggregate.addAll(readModel.aggregatedRegions());
            // A stop between an import's writes and its region's new median is made good too.
            regionsToAggregate.addAll(sources.refreshMedianPupils(List.of()));
            schoolsChanged(sources.allSchools());
        } catch (RuntimeException e) {
            log.warn("Schools not marked for recalculation after start: {}", e.getMessage());
        }
    }

    /** The age factor counts months: once a day the scores of schools with open vacancies are brought up to date. */
    @Scheduled(cron = "${instroom.need.ageing-cron:0 5 0 * * *}", zone = "UTC")
    void ageOpenVacancies() {
        schoolsChanged(sources.schoolsWithOpenVacancies());
    }

    /**
     * Scores these schools now, stores what changed and brings their views in the read model up to date; returns how
     * many needs were stored. Schools another instance changed meanwhile are marked again; the regions whose views
     * changed are aggregated again by the worker.
     */
    public int recalculate(Collection<String> schoolCodes) {
        Map<String, SchoolNeeds.StoredNeed> stored = needs.currentOf(schoolCodes);
        Map<String, NeedInputs> inputs = sources.inputsOf(schoolCodes);
        Set<String> regions = new HashSet<>();
        inputs.values().forEach(school -> regions.add(school.region()));
        Map<String, Double> medians = sources.medianPupils(regions);
        LocalDate today = LocalDate.now(clock);
        List<SchoolNeeds.Change> changes = new ArrayList<>();
        List<SchoolNeeds.StoredNeed> unchanged = new ArrayList<>();
        for (NeedInputs school : inputs.values()) {
            SchoolNeed need = formula.score(school, today,
                    medians.getOrDefault(school.region(), NeedIndexFormula.NO_KNOWN_SIZES));
            SchoolNeeds.StoredNeed before = stored.get(school.schoolCode());
            if (before == null || need.differsFrom(before.need())) {
                changes.add(before == null ? new SchoolNeeds.Change(need, 0, 0)
                        : new SchoolNeeds.Change(need, before.revision(), before.confirmations()));
            } else {
                unchanged.add(before);
            }
        }
        Instant now = clock.instant();
        // The unchanged are confirmed in the same write: with several instances, "nothing to store" holds only while
        // the stored revision is still the one read, and the confirmation refuses the write of another instance's
        // pass that read the inputs before ours (see SchoolNeeds.store). Refused ones are scored again below.
        Set<String> conflicts = changes.isEmpty() && unchanged.isEmpty() ? Set.of()
                : needs.store(changes, unchanged, now);
        // The views follow every scored school, changed or not: a school's facts (its name, its municipality) may
        // have changed without its need.
        List<SchoolNeeds.StoredNeed> current = new ArrayList<>();
        unchanged.stream().filter(before -> !conflicts.contains(before.need().schoolCode())).forEach(current::add);
        int written = 0;
        for (SchoolNeeds.Change change : changes) {
            if (!conflicts.contains(change.need().schoolCode())) {
                current.add(new SchoolNeeds.StoredNeed(change.need(), change.replacesRevision() + 1, now, 0));
                written++;
            }
        }
        NeedReadModel.Followed followed = readModel.follow(current);
        if (!followed.regions().isEmpty()) {
            regionsToAggregate.addAll(followed.regions());
            wake();
        }
        Set<String> again = new HashSet<>(conflicts);
        again.addAll(followed.stale());
        schoolsChanged(again);
        return written;
    }

    /**
     * Takes every marked school and scores them at once, without waiting, as the worker's next pass would; returns
     * whether any was marked. The use-case tests drive passes of several instances so, step by step.
     */
    boolean passNow() {
        List<String> pass = new ArrayList<>();
        for (Iterator<String> it = marked.iterator(); it.hasNext(); ) {
            pass.add(it.next());
            it.remove();
        }
        if (!pass.isEmpty()) {
            recalculate(pass);
        }
        return !pass.isEmpty();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::work, "need-recalculation");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private void work() {
        while (running) {
            try {
                List<String> pass = nextPass();
                if (!pass.isEmpty()) {
                    try {
                        recalculate(pass);
                    } catch (RuntimeException e) {
                        marked.addAll(pass);
                        log.warn("Need of {} school(s) not recalculated, will retry: {}", pass.size(), e.toString());
                        pause(RETRY_AFTER_FAILURE);
                    }
                }
                if (marked.isEmpty() || System.currentTimeMillis() >= nextAggregationWhileBusy) {
                    aggregateRegions();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Aggregates the regions whose views changed; one that fails is aggregated again on the next round. */
    private void aggregateRegions() throws InterruptedException {
        long began = System.currentTimeMillis();
        try {
            for (String region : List.copyOf(regionsToAggregate)) {
                regionsToAggregate.remove(region);
                try {
                    readModel.aggregate(region);
                } catch (RuntimeException e) {
                    regionsToAggregate.add(region);
                    log.warn("Need of region {} not aggregated, will retry: {}", region, e.toString());
                    pause(RETRY_AFTER_FAILURE);
                    return;
                }
            }
        } finally {
            nextAggregationWhileBusy = nextAggregationWhileBusy(began, System.currentTimeMillis());
        }
    }

    /**
     * While schools wait, when the regions are aggregated again: at least {@value #AGGREGATE_AT_LEAST_EVERY_MS} ms
     * after the last round ended, and at least {@value #SCORING_PER_AGGREGATING} times its length — so aggregating
     * takes at most a fifth of the worker while a burst is scored, and the rankings lag the scores by a few rounds'
     * length at most. Aggregating every region a burst touched reads all their views; in the national benchmark's
     * burst a round of 35 regions took longer than a second, so with a fixed interval every pass of schools was
     * followed by a whole round and the scores waited for the rankings.
     */
    static long nextAggregationWhileBusy(long began, long ended) {
        return ended + Math.max(AGGREGATE_AT_LEAST_EVERY_MS, SCORING_PER_AGGREGATING * (ended - began));
    }

    /**
     * Waits for marked schools or regions to aggregate, lets a burst gather for the coalescing interval (unless a
     * whole pass waits), takes up to a pass of the marked schools (none when only regions wait).
     */
    private List<String> nextPass() throws InterruptedException {
        synchronized (signal) {
            while (running && marked.isEmpty() && regionsToAggregate.isEmpty()) {
                signal.wait(1000);
            }
        }
        if (marked.isEmpty()) {
            return List.of();
        }
        if (marked.size() < MAX_PER_PASS) {
            // Lets a burst gather; a full pass is waiting already.
            pause(coalesce);
        }
        List<String> pass = new ArrayList<>();
        for (Iterator<String> it = marked.iterator(); it.hasNext() && pass.size() < MAX_PER_PASS; ) {
            pass.add(it.next());
            it.remove();
        }
        return pass;
    }

    /** A plain sleep: marks arriving meanwhile must not cut it short, gathering them is its point. */
    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(Math.max(1, duration.toMillis()));
    }
}
