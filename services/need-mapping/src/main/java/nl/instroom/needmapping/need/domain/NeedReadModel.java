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

    /**
     * A page of the region's ranking by score, from the ranked pages the last aggregation stored
     * ({@link RankedPages}), with that aggregate: the page and the scale its indexes are measured against come from
     * one moment. Empty when the region's ranking is not kept in rank order (not aggregated since it was), or keeps
     * changing under the read: then {@link #schools} answers.
     */
    Optional<RankedPage> ranking(String region, boolean withNeedOnly, int offset, int limit);

    /**
     * The count of the aggregation whose ranked pages {@link #ranking} read at most the ranking's staleness bound ago
     * ({@code instroom.need.ranking-staleness}), when the region's ranking is kept in pages: the one this instance
     * stored or read last, without a round trip to the store while that is recent enough. A page of the ranking read
     * after it was read is made from this aggregation or a later one ({@link RankedPage#aggregation}).
     */
    java.util.OptionalLong rankedAt(String region);

    Optional<RegionNeed> region(String region);

    List<RegionNeed> regions();

    /** Which schools of a region the ranking asks for; null leaves a field out. */
    record Filter(String region, String municipality, Sector sector, String subject, boolean withNeedOnly) {
    }

    /** A page of a region's ranking, the region's aggregate it was ranked with, and that aggregation's count. */
    record RankedPage(RegionNeed region, List<SchoolNeedView> schools, long aggregation) {
    }

    /** What following a pass of recalculated needs changed. */
    record Followed(Set<String> regions, Set<String> stale) {
    }
}
