package nl.instroom.needmapping.need.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.instroom.events.Sector;

/**
 * What the ranking, the regional summary and the national picture read: a view per school (its facts next to its
 * current need) and an aggregate per region, kept up to date by the recalculation. A read costs one region's
 * aggregate and the views it shows, never a pass over all schools or vacancies.
 */
public interface NeedReadModel {

    /**
     * Brings the views of these schools up to date with their current needs and the schools' facts now; writes only
     * views that changed, and never over a view made from newer revisions.
     *
     * @return the regions whose views changed (both regions of a school that moved), to be aggregated again, and the
     *     schools whose view another instance wrote from revisions this one did not see in full (to be looked at again)
     */
    Followed follow(Collection<SchoolNeeds.StoredNeed> current);

    /** Aggregates the region again from its schools' views. */
    void aggregate(String region);

    /** The codes of the regions aggregated so far. */
    List<String> aggregatedRegions();

    /**
     * The views of the region's schools that pass the filter, by score (highest first, then by code); {@code offset}
     * and {@code limit} page through them.
     */
    List<SchoolNeedView> schools(Filter filter, int offset, int limit);

    Optional<RegionNeed> region(String region);

    List<RegionNeed> regions();

    /** Which schools of a region the ranking asks for; null leaves a field out. */
    record Filter(String region, String municipality, Sector sector, String subject, boolean withNeedOnly) {
    }

    /** What following a pass of recalculated needs changed. */
    record Followed(Set<String> regions, Set<String> stale) {
    }
}
