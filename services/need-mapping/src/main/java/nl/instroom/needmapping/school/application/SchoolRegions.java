package nl.instroom.needmapping.school.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.needmapping.region.application.Regions;
import nl.instroom.needmapping.region.application.SchoolsOfRegions;
import nl.instroom.needmapping.region.domain.MunicipalityRegions;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import nl.instroom.needmapping.school.domain.Schools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Keeps every school in the region the register gives its municipality today. A school that moves is updated like
 * any changed school ({@code SchoolUpdated} with its new region), and the need of the region it left and of the one
 * it joined is recalculated.
 *
 * <p>The schools follow after an admin moves a municipality (at once when the move is effective today or earlier),
 * at start, and every hour ({@code instroom.regions.follow-cron}): that is how a move planned for a later day takes
 * effect on that day, and how a school stored before regions became data gets its municipality code (from its
 * postcode area) and its region. Following is safe to repeat and to run on several instances at once: a school
 * another instance moved first is left as it is.
 */
@Service
public class SchoolRegions implements SchoolsOfRegions {

    /** What one round of following did: schools moved, per region they joined. */
    public record Followed(int schoolsMoved, Map<String, Integer> joined) {
    }

    private static final Logger log = LoggerFactory.getLogger(SchoolRegions.class);

    private final Schools schools;
    private final Regions regions;
    private final RegionsChanged regionsChanged;

    SchoolRegions(Schools schools, Regions regions, RegionsChanged regionsChanged) {
        this.schools = schools;
        this.regions = regions;
        this.regionsChanged = regionsChanged;
    }

    @Override
    public Map<String, Integer> countByRegion() {
        Map<String, Integer> counts = new TreeMap<>();
        schools.placements().forEach(placement -> counts.merge(placement.region(), 1, Integer::sum));
        return counts;
    }

    /** After an admin moved the municipality (region's {@code MunicipalityMoves}): its schools follow now. */
    @Override
    public int followMunicipality(String municipalityCode) {
        return follow(municipalityCode).schoolsMoved();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void followAtStart() {
        try {
            followAll();
        } catch (RuntimeException e) {
            log.warn("Schools not checked against the region register at start, will be within the hour: {}",
                    e.getMessage());
        }
    }

    @Scheduled(cron = "${instroom.regions.follow-cron:0 1 * * * *}", zone = "${instroom.regions.zone:Europe/Amsterdam}")
    void followHourly() {
        try {
            followAll();
        } catch (RuntimeException e) {
            log.warn("Schools not checked against the region register, will be next time: {}", e.getMessage());
        }
    }

    /** Moves every school whose region is not its municipality's region today. */
    public Followed followAll() {
        return follow(null);
    }

    private Followed follow(String onlyMunicipality) {
        MunicipalityRegions today = regions.today();
        List<String> off = new ArrayList<>();
        for (Schools.Placement placement : schools.placements()) {
            if (onlyMunicipality != null && !onlyMunicipality.equals(placement.municipalityCode())) {
                continue;
            }
            if (placement.municipalityCode() == null || !today.regionOf(placement.municipalityCode())
                    .map(region -> region.equals(placement.region())).orElse(true)) {
                off.add(placement.vestigingscode());
            }
        }
        Map<String, Integer> joined = new TreeMap<>();
        Set<String> changedRegions = new TreeSet<>();
        int moved = 0;
        for (School school : schools.findAll(off).values()) {
            SchoolFacts facts = school.facts();
            Regions.Located located;
            try {
                located = facts.municipalityCode() != null
                        ? new Regions.Located(facts.municipalityCode(),
                                today.regionOf(facts.municipalityCode()).orElseThrow())
                        : regions.locate(today, null, facts.postcode(), facts.latitude(), facts.longitude());
            } catch (RuntimeException cannotPlace) {
                log.warn("School {} keeps region {}: {}", school.code(), facts.region(), cannotPlace.getMessage());
                continue;
            }
            String before = facts.region();
            if (!school.update(facts.placedIn(located.municipalityCode(), located.region()))) {
                continue;
            }
            try {
                schools.save(school);
            } catch (ChangedMeanwhile changedMeanwhile) {
                // another instance (or an import) changed it first; the next round looks at it again
                continue;
            }
            moved++;
            if (!Objects.equals(before, located.region())) {
                joined.merge(located.region(), 1, Integer::sum);
                changedRegions.add(before);
                changedRegions.add(located.region());
            }
        }
        changedRegions.forEach(regionsChanged::regionChanged);
        if (moved > 0) {
            log.info("{} schools follow the region register (joined, per region: {})", moved, joined);
        }
        return new Followed(moved, joined);
    }
}
