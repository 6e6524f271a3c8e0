package nl.instroom.needmapping.need.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.Sector;
import nl.instroom.events.needmap.NeedIndex;
import nl.instroom.needmapping.need.domain.NeedReadModel;
import nl.instroom.needmapping.need.domain.RegionNeed;
import nl.instroom.needmapping.need.domain.SchoolNeed;
import nl.instroom.needmapping.need.domain.SchoolNeedView;
import nl.instroom.needmapping.need.domain.SchoolNeeds;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.Schools;
import org.springframework.stereotype.Service;

/** What a coordinator asks of the need index: the ranking, a school's history, the region at a glance. */
@Service
public class NeedQueries {

    /** One school in the ranking: who, where, how high, and why. */
    public record RankedSchool(int rank, String vestigingscode, String name, Sector sector, String municipality,
            double latitude, double longitude, Double distanceKm, double index, double rawScore,
            List<SchoolNeed.Component> components, Map<String, SubjectIndex> subjects) {
    }

    /** A subject's need at a school: its index within the region, its score and the open FTE behind it. */
    public record SubjectIndex(double index, double weightedOpenFte, double openFte) {
    }

    /** A school's current need as shown: the stored need with its index within the region today. */
    public record CurrentNeed(NeedView need, long revision, Instant computedAt) {
    }

    /** A need with its index within the region and per subject. */
    public record NeedView(String schoolCode, String region, double index, double rawScore,
            List<SchoolNeed.Component> components, Map<String, SubjectIndex> subjects) {
    }

    /** One point of a school's need over time: its score then, and that score's index on today's regional scale. */
    public record HistoryPoint(Instant at, double rawScore, double index) {
    }

    /**
     * Filters of the ranking; each optional. {@code withNeedOnly} leaves out schools without need (raw score 0);
     * {@code offset} and {@code limit} page through the rest.
     */
    public record RankingFilter(String region, Sector sector, String subject, String municipality, Double latitude,
            Double longitude, Double radiusKm, boolean withNeedOnly, int offset, int limit) {
    }

    /** The region by municipality and by subject. */
    public record RegionSummary(String region, int schools, Map<String, Area> byMunicipality,
            Map<String, Area> bySubject) {
    }

    /** Totals of one municipality or subject. */
    public record Area(int schoolsWithNeed, double openFte, double averageIndex) {
    }

    private final SchoolNeeds needs;
    private final NeedReadModel readModel;
    private final Schools schools;

    NeedQueries(SchoolNeeds needs, NeedReadModel readModel, Schools schools) {
        this.needs = needs;
        this.readModel = readModel;
        this.schools = schools;
    }

    /**
     * From the read model. The whole region by score (all schools or those with need) is a page of the ranking the
     * recalculation keeps in rank order, read with the aggregate it was ranked with ({@link NeedReadModel#ranking}):
     * a page costs one or two stored pages, whatever the region's size. Filtered by sector or municipality, the page
     * is taken by the store from the region's views; by a subject or within a radius, the region's matching views are
     * ordered and paged here. Both order the same way.
     */
    public Ranking ranking(RankingFilter filter, CurrentUser user) {
        String region = scope(filter.region(), user);
        if (keptInPages(filter)) {
            Optional<NeedReadModel.RankedPage> page = readModel.ranking(region, filter.withNeedOnly(),
                    filter.offset(), filter.limit());
            if (page.isPresent()) {
                RegionNeed need = page.get().region();
                RegionScale scale = new RegionScale(need.highest(), need.highestBySubject());
                List<SchoolNeedView> views = page.get().schools();
                return new Ranking(java.util.stream.IntStream.range(0, views.size()).mapToObj(i -> withRank(
                        toRanked(views.get(i), scale, filter), filter.offset() + i + 1)).toList(),
                        sameForEveryCaller(filter)
                                ? Optional.of(new RankingVersion(region, page.get().aggregation()))
                                : Optional.empty());
            }
        }
        RegionScale scale = scaleOf(region);
        boolean pagedByTheStore = filter.subject() == null && filter.radiusKm() == null;
        List<SchoolNeedView> views = readModel.schools(new NeedReadModel.Filter(region, filter.municipality(),
                filter.sector(), filter.subject(), filter.withNeedOnly()),
                pagedByTheStore ? filter.offset() : 0, pagedByTheStore ? filter.limit() : Integer.MAX_VALUE);
        List<RankedSchool> ranked = views.stream()
                .map(view -> toRanked(view, scale, filter))
                .filter(school -> filter.radiusKm() == null || school.distanceKm() != null
                        && school.distanceKm() <= filter.radiusKm())
                .sorted(Comparator.comparingDouble((RankedSchool school) -> filter.subject() == null
                        ? school.rawScore() : school.subjects().get(filter.subject()).weightedOpenFte()).reversed()
                        .thenComparing(RankedSchool::vestigingscode))
                .skip(pagedByTheStore ? 0 : filter.offset())
                .limit(filter.limit())
                .toList();
        return new Ranking(java.util.stream.IntStream.range(0, ranked.size())
                .mapToObj(i -> withRank(ranked.get(i), filter.offset() + i + 1)).toList(), Optional.empty());
    }

    /** A region's ranking as made by one of its aggregations. */
    public record RankingVersion(String region, long aggregation) {
    }

    /**
     * A page of the ranking, and the aggregation it was made from when it is a page the same for every caller allowed
     * to see the region (a page of the ranking kept in rank order: the whole region, no distances); empty when it was
     * made otherwise (other filters, or from the views while the ranked pages were being written again).
     */
    public record Ranking(List<RankedSchool> schools, Optional<RankingVersion> madeFrom) {
    }

    /**
     * The aggregation the region's ranking was made from at most the ranking's staleness bound ago
     * ({@link NeedReadModel#rankedAt}), for filters whose page {@link #ranking} can name what it was made from: the
     * page it answers now is made from that aggregation or a later one. The web layer sends again what it rendered
     * for that aggregation, if it rendered it. Empty for other filters, and while the region's ranking is not kept in
     * pages.
     */
    public Optional<RankingVersion> rankingVersion(RankingFilter filter, CurrentUser user) {
        String region = scope(filter.region(), user);
        if (!sameForEveryCaller(filter)) {
            return Optional.empty();
        }
        java.util.OptionalLong aggregation = readModel.rankedAt(region);
        return aggregation.isPresent() ? Optional.of(new RankingVersion(region, aggregation.getAsLong()))
                : Optional.empty();
    }

    private static boolean keptInPages(RankingFilter filter) {
        return filter.sector() == null && filter.municipality() == null && filter.subject() == null
                && filter.radiusKm() == null;
    }

    /** Kept in pages and without distances, which differ with the point asked for. */
    private static boolean sameForEveryCaller(RankingFilter filter) {
        return keptInPages(filter) && filter.latitude() == null && filter.longitude() == null;
    }

    public CurrentNeed current(String schoolCode, CurrentUser user) {
        School school = visibleSchool(schoolCode, user);
        SchoolNeeds.StoredNeed stored = needs.current(school.code())
                .orElseThrow(() -> new NotFoundException("Need of school", schoolCode));
        SchoolNeed need = stored.need();
        RegionScale scale = scaleOf(need.region());
        return new CurrentNeed(new NeedView(need.schoolCode(), need.region(), scale.index(need), need.rawScore(),
                need.components(), scale.subjects(need)), stored.revision(), stored.computedAt());
    }

    public List<HistoryPoint> history(String schoolCode, int limit, CurrentUser user) {
        School school = visibleSchool(schoolCode, user);
        RegionScale scale = scaleOf(school.facts().region());
        return needs.history(school.code(), limit).stream()
                .map(point -> new HistoryPoint(point.at(), point.rawScore(), scale.index(point.rawScore())))
                .toList();
    }

    /** The region's aggregate from the read model, as the recalculation last left it. */
    public RegionSummary summary(String requestedRegion, CurrentUser user) {
        String region = scope(requestedRegion, user);
        RegionNeed need = readModel.region(region).orElseGet(() -> RegionNeed.empty(region));
        Map<String, Area> byMunicipality = new TreeMap<>();
        need.byMunicipality().forEach((municipality, area) -> byMunicipality.put(municipality,
                new Area(area.schoolsWithNeed(), area.openFte(), area.averageIndex())));
        Map<String, Area> bySubject = new TreeMap<>();
        need.bySubject().forEach((subject, figures) -> bySubject.put(subject,
                new Area(figures.schoolsWithNeed(), figures.openFte(), figures.averageIndex())));
        return new RegionSummary(region, need.schools(), byMunicipality, bySubject);
    }

    private RegionScale scaleOf(String region) {
        return readModel.region(region).map(need -> new RegionScale(need.highest(), need.highestBySubject()))
                .orElseGet(() -> new RegionScale(0, Map.of()));
    }

    /** The highest scores of a region, overall and per subject: what its indexes are measured against. */
    record RegionScale(double highest, Map<String, Double> highestBySubject) {

        double index(SchoolNeed need) {
            return index(need.rawScore());
        }

        double index(double rawScore) {
            return NeedIndex.withinRegion(rawScore, highest);
        }

        Map<String, SubjectIndex> subjects(SchoolNeed need) {
            Map<String, SubjectIndex> subjects = new TreeMap<>();
            need.subjects().forEach((subject, score) -> subjects.put(subject, new SubjectIndex(
                    NeedIndex.withinRegion(score.weightedOpenFte(), highestBySubject.getOrDefault(subject, 0.0)),
                    score.weightedOpenFte(), score.openFte())));
            return subjects;
        }
    }

    private School visibleSchool(String schoolCode, CurrentUser user) {
        return schools.find(schoolCode.toUpperCase(java.util.Locale.ROOT))
                .filter(school -> user.coversSchool(school.code(), school.facts().region()))
                .orElseThrow(() -> new NotFoundException("School", schoolCode));
    }

    /**
     * The region a ranking or summary is asked for: the caller's own unless another is named; admins and the
     * national read-only role may name any region, others only their own (another answers 404).
     */
    private static String scope(String requested, CurrentUser user) {
        return user.regionAsked(requested);
    }

    private static RankedSchool toRanked(SchoolNeedView school, RegionScale scale, RankingFilter filter) {
        Double distance = filter.latitude() == null || filter.longitude() == null ? null
                : round(distanceKm(filter.latitude(), filter.longitude(), school.latitude(), school.longitude()));
        return new RankedSchool(0, school.schoolCode(), school.name(), school.sector(), school.municipality(),
                school.latitude(), school.longitude(), distance, scale.index(school.need()), school.rawScore(),
                school.need().components(), scale.subjects(school.need()));
    }

    private static RankedSchool withRank(RankedSchool school, int rank) {
        return new RankedSchool(rank, school.vestigingscode(), school.name(), school.sector(), school.municipality(),
                school.latitude(), school.longitude(), school.distanceKm(), school.index(), school.rawScore(),
                school.components(), school.subjects());
    }

    /** Great-circle distance, over the few hundred schools of a region: no geo query, so it runs on any store. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
