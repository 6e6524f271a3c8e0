package nl.instroom.needmapping.need.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.instroom.needmapping.need.domain.NeedIndexFormula;
import nl.instroom.needmapping.need.domain.NeedSources;
import nl.instroom.needmapping.need.domain.SchoolNeed;
import nl.instroom.needmapping.need.domain.SchoolNeeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Marks regions whose need may have changed and scores them again, coalescing bursts. */
@Service
public class NeedRecalculation {

    private static final Logger log = LoggerFactory.getLogger(NeedRecalculation.class);

    private final NeedSources sources;
    private final SchoolNeeds needs;
    private final NeedIndexFormula formula;
    private final Clock clock;
    private final Set<String> dirtyRegions = ConcurrentHashMap.newKeySet();

    NeedRecalculation(NeedSources sources, SchoolNeeds needs, NeedIndexFormula formula, Clock clock) {
        this.sources = sources;
        this.needs = needs;
        this.formula = formula;
        this.clock = clock;
    }

    /** Something about this school changed: its region is scored again soon. */
    public void schoolChanged(String schoolCode) {
        sources.regionOf(schoolCode).ifPresent(dirtyRegions::add);
    }

    public void regionChanged(String region) {
        dirtyRegions.add(region);
    }

    /**
     * Which regions were marked is kept in memory: after a restart every region is scored once, so a stop in the
     * middle of a recalculation (or before a marked region's turn) is made good.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recalculateEverythingOnceAfterStart() {
        try {
            dirtyRegions.addAll(sources.regions());
        } catch (RuntimeException e) {
            log.warn("Regions not marked for recalculation after start: {}", e.getMessage());
        }
    }

    @Scheduled(fixedDelayString = "${instroom.need.coalesce-interval:500ms}")
    void recalculateMarked() {
        for (String region : List.copyOf(dirtyRegions)) {
            dirtyRegions.remove(region);
            try {
                recalculate(region);
            } catch (RuntimeException e) {
                dirtyRegions.add(region);
                log.warn("Need of region {} not recalculated, will retry: {}", region, e.getMessage());
            }
        }
    }

    /** Scores the region now; returns how many schools' need changed. */
    public int recalculate(String region) {
        int changed = 0;
        for (SchoolNeed need : formula.score(sources.inputsOfRegion(region), LocalDate.now(clock))) {
            Optional<SchoolNeeds.StoredNeed> current = needs.current(need.schoolCode());
            if (current.isEmpty() || differs(current.get().need(), need)) {
                needs.changed(need, clock.instant());
                changed++;
            }
        }
        return changed;
    }

    /** A school that moved to another region has changed even if its numbers did not: its event names the region. */
    private static boolean differs(SchoolNeed before, SchoolNeed after) {
        return !before.region().equals(after.region())
                || before.index() != after.index() || before.rawScore() != after.rawScore()
                || !before.subjects().equals(after.subjects()) || !before.components().equals(after.components());
    }
}
