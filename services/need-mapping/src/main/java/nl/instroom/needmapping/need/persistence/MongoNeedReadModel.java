package nl.instroom.needmapping.need.persistence;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.need.domain.NeedReadModel;
import nl.instroom.needmapping.need.domain.RankedPages;
import nl.instroom.needmapping.need.domain.RegionNeed;
import nl.instroom.needmapping.need.domain.SchoolNeed;
import nl.instroom.needmapping.need.domain.SchoolNeedView;
import nl.instroom.needmapping.need.domain.SchoolNeeds;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The read model in two collections: {@code need_views}, a document per school (its facts and its current need,
 * with the revisions of both), and {@code region_needs}, a document per region with its aggregate.
 *
 * <p>Several instances may follow and aggregate at once. A view is written only over a view made from revisions no
 * newer than its own (the same upsert-on-condition as the stored needs: a newer one makes the upsert a duplicate key).
 * A region's aggregate is guarded by a counter: an instance first counts its change in the region's document, then
 * reads the views and stores the aggregate only if no later count was aggregated meanwhile. A count is taken after
 * the views it follows are written, so the aggregate of the last count has read every view written before it.
 */
@Repository
class MongoNeedReadModel implements NeedReadModel {

    static final String VIEWS = "need_views";
    static final String REGIONS = "region_needs";
    /** The regions' rankings in rank order, a document per page of {@link RankedPages#PAGE_SIZE} schools. */
    static final String PAGES = "need_ranking_pages";
    private static final String RANKING_PAGES = "rankingPages";
    private static final String SCHOOLS = "schools";
    private static final int DUPLICATE_KEY = 11000;

    /** See {@link Stamp}. */
    static final int VIEW_FORMAT = 1;
    private static final String FORMAT_FIELD = "viewFormat";

    private final MongoTemplate mongo;
    private final RankedAggregations ranked;

    /**
     * @param rankingStaleness how old this instance's knowledge of a region's current aggregation may be before it
     *     asks the store again ({@link #rankedAt}); another instance's aggregation shows after at most this long
     */
    MongoNeedReadModel(MongoTemplate mongo,
            @Value("${instroom.need.ranking-staleness:250ms}") Duration rankingStaleness) {
        this.mongo = mongo;
        this.ranked = new RankedAggregations(this::storedRankedAt, rankingStaleness, System::nanoTime);
        QueryIndexes.declare(mongo, VIEWS, "region");
    }

    @Override
    public Followed follow(Collection<SchoolNeeds.StoredNeed> current) {
        Set<String> regions = new HashSet<>();
        Set<String> stale = new HashSet<>();
        if (current.isEmpty()) {
            return new Followed(regions, stale);
        }
        List<String> codes = current.stream().map(stored -> stored.need().schoolCode()).distinct().toList();
        Query registered = Query.query(Criteria.where("_id").in(codes));
        registered.fields().include("name").include("sector").include("municipality").include("latitude")
                .include("longitude").include("pupils").include("revision");
        Map<String, Document> facts = new HashMap<>();
        mongo.find(registered, Document.class, SCHOOLS).forEach(school -> facts.put(school.getString("_id"), school));
        // Only what tells whether a view must be written: a view is made from a need's and a school's revision,
        // both immutable, so equal revisions (in this format) mean an equal view. Reading the whole views to compare
        // them was a fifth of the recalculation's work in the national benchmark's burst.
        Map<String, Stamp> existing = new HashMap<>();
        Query stamps = Query.query(Criteria.where("_id").in(codes));
        stamps.fields().include("region").include("needRevision").include("schoolRevision").include(FORMAT_FIELD);
        mongo.find(stamps, Document.class, VIEWS).forEach(view -> existing.put(view.getString("_id"), Stamp.of(view)));

        List<SchoolNeedView> written = new ArrayList<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (SchoolNeeds.StoredNeed stored : current) {
            Document school = facts.get(stored.need().schoolCode());
            if (school == null) {
                continue;
            }
            SchoolNeedView view = new SchoolNeedView(school.getString("_id"), school.getString("name"),
                    Sector.valueOf(school.getString("sector")), school.getString("municipality"),
                    school.getDouble("latitude"), school.getDouble("longitude"), school.getInteger("pupils"),
                    stored.need(), stored.revision(), school.get("revision", Number.class).longValue());
            Stamp before = existing.get(view.schoolCode());
            if (before != null && before.sameAs(view)) {
                continue;
            }
            if (before != null && !before.notNewerThan(view)) {
                stale.add(view.schoolCode());
                continue;
            }
            // Replaced whole rather than set field by field: a view is nothing but what toDocument makes, and the
            // embedded store applies a replacement without its per-field update machinery (which was most of its
            // work on these writes in the national benchmark's burst).
            writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", view.schoolCode()),
                    Filters.lte("needRevision", view.needRevision()),
                    Filters.lte("schoolRevision", view.schoolRevision())), toDocument(view),
                    new ReplaceOptions().upsert(true)));
            written.add(view);
            regions.add(view.region());
            if (before != null) {
                regions.add(before.region());
            }
        }
        if (!writes.isEmpty()) {
            try {
                derived(VIEWS).bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                    // Another instance wrote a view from a revision this one had not seen: look at it again.
                    stale.add(written.get(error.getIndex()).schoolCode());
                }
            }
        }
        return new Followed(regions, stale);
    }

    @Override
    public void aggregate(String region) {
        Document counted = derived(REGIONS).findOneAndUpdate(Filters.eq("_id", region),
                Updates.combine(Updates.inc("changes", 1L), Updates.setOnInsert("aggregatedFrom", 0L)),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        long count = counted.get("changes", Number.class).longValue();
        // Without the components' explanations, which neither the aggregate nor the ranked pages use: they are the
        // longest texts of a view, and a region's views are read whole at every aggregation.
        Query ofRegion = Query.query(Criteria.where("region").is(region));
        ofRegion.fields().exclude("components.explanation");
        List<SchoolNeedView> views = mongo.find(ofRegion, Document.class, VIEWS).stream()
                .map(MongoNeedReadModel::toView).toList();
        RegionNeed need = RegionNeed.of(region, views);
        RankedPages ranking = RankedPages.of(views);
        List<Long> pageCounts = storePages(region, ranking, count, counted.getList(RANKING_PAGES, Number.class));
        List<Bson> update = new ArrayList<>();
        toDocument(need).forEach((field, value) -> update.add(Updates.set(field, value)));
        update.add(Updates.set(RANKING_PAGES, pageCounts));
        update.add(Updates.set("rankingSize", ranking.size()));
        update.add(Updates.set("rankingWithNeed", ranking.withNeed()));
        update.add(Updates.set("aggregatedFrom", count));
        long asOf = ranked.now();
        // Not stored when a later count was aggregated already: that aggregate read newer views than these.
        if (derived(REGIONS).updateOne(Filters.and(Filters.eq("_id", region),
                Filters.lt("aggregatedFrom", count)), Updates.combine(update)).getMatchedCount() > 0) {
            ranked.stored(region, count, asOf);
        }
    }

    /**
     * Stores the region's ranked pages that changed, each marked with the count of this aggregation, and removes
     * pages the region no longer fills. A page is written only over one marked with an earlier count, so of two
     * instances aggregating at once the later count's pages stay. Answers, per page, the count that marks the page
     * this aggregation leaves: a reader takes a page only when its mark is the one the region's aggregate lists, so
     * it never puts a page together from two aggregations (after a race it finds a mark that differs and reads the
     * views instead, until the next aggregation).
     *
     * @param before the marks the region's aggregate listed (null before the first aggregation of this kind)
     */
    private List<Long> storePages(String region, RankedPages ranking, long count, List<Number> before) {
        int stored = before == null ? 0 : before.size();
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < Math.max(stored, ranking.pages().size()); page++) {
            ids.add(pageId(region, page));
        }
        Map<String, Document> existing = new HashMap<>();
        if (!ids.isEmpty()) {
            mongo.getCollection(PAGES).find(Filters.in("_id", ids))
                    .forEach(page -> existing.put(page.getString("_id"), page));
        }
        List<Long> marks = new ArrayList<>();
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int page = 0; page < ranking.pages().size(); page++) {
            String id = pageId(region, page);
            List<SchoolNeedView> schools = ranking.pages().get(page);
            Document old = existing.get(id);
            List<Document> entries = schools.stream().map(MongoNeedReadModel::toEntry).toList();
            if (old != null && entries.equals(old.getList("schools", Document.class))) {
                marks.add(old.get("aggregatedFrom", Number.class).longValue());
                continue;
            }
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq("_id", id), Filters.lt("aggregatedFrom", count)),
                    Updates.combine(Updates.set("region", region), Updates.set("aggregatedFrom", count),
                            Updates.set("schools", entries)), new UpdateOptions().upsert(true)));
            marks.add(count);
        }
        for (int page = ranking.pages().size(); page < stored; page++) {
            writes.add(new DeleteOneModel<>(Filters.and(
                    Filters.eq("_id", pageId(region, page)), Filters.lt("aggregatedFrom", count))));
        }
        if (!writes.isEmpty()) {
            try {
                derived(PAGES).bulkWrite(writes, new BulkWriteOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (error.getCode() != DUPLICATE_KEY) {
                        throw e;
                    }
                    // A later count's page is there already: it stays, and this aggregate will not be stored.
                }
            }
        }
        return marks;
    }

    /**
     * A collection of the read model, to write to without waiting for the journal: everything in it is derived from
     * the stored needs and the schools, and a start scores every school and aggregates every region again, so a crash
     * that loses its last writes loses nothing that is not made again. (The stored needs and their events stay
     * journaled.) In the national benchmark's burst the recalculation spent more time waiting for the journal on
     * these writes — a view per school, three writes per region aggregated — than on anything else.
     */
    private MongoCollection<Document> derived(String collection) {
        return mongo.getCollection(collection).withWriteConcern(WriteConcern.W1);
    }

    private static String pageId(String region, int page) {
        return region + "/" + page;
    }

    /**
     * A school's place in a ranked page: its code, its score and the revisions of the view it was ranked from. Not
     * the whole view: during a burst every aggregation rewrites most of its region's pages, and with whole views
     * (components, subjects) those writes were the largest item of need-mapping's work in the national benchmark's
     * burst. A page's schools are read from their views by {@code _id}, and taken only while the views are still the
     * ones ranked.
     */
    private static Document toEntry(SchoolNeedView view) {
        return new Document("_id", view.schoolCode()).append("rawScore", view.rawScore())
                .append("needRevision", view.needRevision()).append("schoolRevision", view.schoolRevision());
    }

    /**
     * The views of the entries, in the entries' order; null when a view is gone or was written again since it was
     * ranked (then the page no longer shows one aggregation).
     */
    private List<SchoolNeedView> viewsOf(List<Document> entries) {
        Map<String, Document> views = new HashMap<>();
        mongo.getCollection(VIEWS).find(Filters.in("_id", entries.stream().map(e -> e.getString("_id")).toList()))
                .forEach(view -> views.put(view.getString("_id"), view));
        List<SchoolNeedView> ordered = new ArrayList<>(entries.size());
        for (Document entry : entries) {
            Document view = views.get(entry.getString("_id"));
            if (view == null || view.get("needRevision", Number.class).longValue()
                    != entry.get("needRevision", Number.class).longValue()
                    || view.get("schoolRevision", Number.class).longValue()
                    != entry.get("schoolRevision", Number.class).longValue()) {
                return null;
            }
            ordered.add(toView(view));
        }
        return ordered;
    }

    @Override
    public Optional<RankedPage> ranking(String region, boolean withNeedOnly, int offset, int limit) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long asOf = ranked.now();
            Document aggregate = mongo.findById(region, Document.class, REGIONS);
            if (aggregate == null || !aggregated(aggregate) || aggregate.get(RANKING_PAGES) == null) {
                return Optional.empty();
            }
            long aggregation = aggregate.get("aggregatedFrom", Number.class).longValue();
            ranked.seen(region, aggregation, asOf);
            List<Number> marks = aggregate.getList(RANKING_PAGES, Number.class);
            RankedPages.Span span = RankedPages.span(aggregate.getInteger("rankingSize"),
                    aggregate.getInteger("rankingWithNeed"), withNeedOnly, offset, limit);
            if (span.isEmpty()) {
                return Optional.of(new RankedPage(toRegionNeed(aggregate), List.of(), aggregation));
            }
            List<String> ids = new ArrayList<>();
            for (int page = span.firstPage(); page <= span.lastPage(); page++) {
                ids.add(pageId(region, page));
            }
            Map<Integer, List<Document>> pages = new HashMap<>();
            boolean sameAggregation = true;
            for (Document page : mongo.getCollection(PAGES).find(Filters.in("_id", ids)).into(new ArrayList<>())) {
                int number = ids.indexOf(page.getString("_id")) + span.firstPage();
                if (page.get("aggregatedFrom", Number.class).longValue() != marks.get(number).longValue()) {
                    sameAggregation = false;
                    break;
                }
                pages.put(number, page.getList("schools", Document.class));
            }
            if (sameAggregation && pages.size() == ids.size()) {
                List<SchoolNeedView> schools = viewsOf(span.of(pages));
                if (schools != null) {
                    return Optional.of(new RankedPage(toRegionNeed(aggregate), schools, aggregation));
                }
                // A school's view changed since the region was ranked: the next aggregation ranks it again.
                return Optional.empty();
            }
            // Aggregated again between the two reads: read both again.
        }
        return Optional.empty();
    }

    @Override
    public List<String> aggregatedRegions() {
        Query all = new Query();
        all.fields().include("_id");
        return mongo.find(all, Document.class, REGIONS).stream().map(d -> d.getString("_id")).toList();
    }

    @Override
    public List<SchoolNeedView> schools(Filter filter, int offset, int limit) {
        Criteria criteria = Criteria.where("region").is(filter.region());
        if (filter.municipality() != null) {
            criteria = criteria.and("municipality").is(filter.municipality());
        }
        if (filter.sector() != null) {
            criteria = criteria.and("sector").is(filter.sector().name());
        }
        if (filter.subject() != null) {
            criteria = criteria.and("subjects.subject").is(filter.subject());
        }
        if (filter.withNeedOnly()) {
            criteria = criteria.and("rawScore").gt(0);
        }
        Query query = new Query(criteria).with(Sort.by(Sort.Order.desc("rawScore"), Sort.Order.asc("_id")))
                .skip(offset).limit(limit);
        return mongo.find(query, Document.class, VIEWS).stream().map(MongoNeedReadModel::toView).toList();
    }

    /**
     * From memory ({@link RankedAggregations}): what this instance's own aggregations stored and its ranking reads
     * saw, read again from the store once that is older than the ranking's staleness bound.
     */
    @Override
    public OptionalLong rankedAt(String region) {
        return ranked.rankedAt(region);
    }

    private long storedRankedAt(String region) {
        Document aggregate = mongo.getCollection(REGIONS).find(Filters.eq("_id", region))
                .projection(new Document("aggregatedFrom", 1).append(RANKING_PAGES, 1)).first();
        return aggregate == null || !aggregated(aggregate) || aggregate.get(RANKING_PAGES) == null
                ? RankedAggregations.NONE : aggregate.get("aggregatedFrom", Number.class).longValue();
    }

    @Override
    public Optional<RegionNeed> region(String region) {
        return Optional.ofNullable(mongo.findById(region, Document.class, REGIONS))
                .filter(MongoNeedReadModel::aggregated).map(MongoNeedReadModel::toRegionNeed);
    }

    @Override
    public List<RegionNeed> regions() {
        return mongo.findAll(Document.class, REGIONS).stream().filter(MongoNeedReadModel::aggregated)
                .map(MongoNeedReadModel::toRegionNeed).toList();
    }

    private static boolean aggregated(Document region) {
        return region.get("aggregatedFrom", Number.class).longValue() > 0;
    }

    private static Document toDocument(SchoolNeedView view) {
        Document document = MongoNeedStore.toDocument(view.need());
        return document.append("name", view.name()).append("sector", view.sector().name())
                .append("municipality", view.municipality()).append("latitude", view.latitude())
                .append("longitude", view.longitude()).append("pupils", view.pupils())
                .append("needRevision", view.needRevision()).append("schoolRevision", view.schoolRevision())
                .append(FORMAT_FIELD, VIEW_FORMAT);
    }

    /**
     * What a stored view was made from. {@link #VIEW_FORMAT} counts changes to what a view holds: a view written in
     * an older format is written again when its school is next scored (every school is, at start).
     */
    private record Stamp(String region, long needRevision, long schoolRevision, int format) {

        static Stamp of(Document view) {
            Number format = view.get(FORMAT_FIELD, Number.class);
            return new Stamp(view.getString("region"), view.get("needRevision", Number.class).longValue(),
                    view.get("schoolRevision", Number.class).longValue(), format == null ? 0 : format.intValue());
        }

        boolean sameAs(SchoolNeedView view) {
            return format == VIEW_FORMAT && needRevision == view.needRevision()
                    && schoolRevision == view.schoolRevision();
        }

        boolean notNewerThan(SchoolNeedView view) {
            return needRevision <= view.needRevision() && schoolRevision <= view.schoolRevision();
        }
    }

    private static SchoolNeedView toView(Document d) {
        SchoolNeed need = MongoNeedStore.toNeed(d, d.getString("_id"));
        return new SchoolNeedView(d.getString("_id"), d.getString("name"), Sector.valueOf(d.getString("sector")),
                d.getString("municipality"), d.getDouble("latitude"), d.getDouble("longitude"),
                d.getInteger("pupils"), need, d.get("needRevision", Number.class).longValue(),
                d.get("schoolRevision", Number.class).longValue());
    }

    private static Document toDocument(RegionNeed need) {
        // Municipalities and subjects as lists, not maps: their names may hold characters field names may not.
        List<Document> municipalities = need.byMunicipality().entrySet().stream().map(m -> new Document("name",
                m.getKey()).append("schoolsWithNeed", m.getValue().schoolsWithNeed())
                .append("openFte", m.getValue().openFte()).append("averageIndex", m.getValue().averageIndex()))
                .toList();
        List<Document> subjects = need.bySubject().entrySet().stream().map(s -> new Document("subject", s.getKey())
                .append("schoolsWithNeed", s.getValue().schoolsWithNeed()).append("openFte", s.getValue().openFte())
                .append("weightedOpenFte", s.getValue().weightedOpenFte()).append("highest", s.getValue().highest())
                .append("averageIndex", s.getValue().averageIndex())).toList();
        return new Document("schools", need.schools()).append("pupils", need.pupils())
                .append("highest", need.highest()).append("weightedNeed", need.weightedNeed())
                .append("openFte", need.openFte()).append("expectedDeparturesFte", need.expectedDeparturesFte())
                .append("tutorsActive", need.tutorsActive()).append("municipalities", municipalities)
                .append("subjects", subjects);
    }

    private static RegionNeed toRegionNeed(Document d) {
        Map<String, RegionNeed.Area> municipalities = new TreeMap<>();
        d.getList("municipalities", Document.class).forEach(m -> municipalities.put(m.getString("name"),
                new RegionNeed.Area(m.getInteger("schoolsWithNeed"), m.getDouble("openFte"),
                        m.getDouble("averageIndex"))));
        Map<String, RegionNeed.SubjectFigures> subjects = new TreeMap<>();
        d.getList("subjects", Document.class).forEach(s -> subjects.put(s.getString("subject"),
                new RegionNeed.SubjectFigures(s.getInteger("schoolsWithNeed"), s.getDouble("openFte"),
                        s.getDouble("weightedOpenFte"), s.getDouble("highest"), s.getDouble("averageIndex"))));
        return new RegionNeed(d.getString("_id"), d.getInteger("schools"), d.getDouble("pupils"),
                d.getDouble("highest"), d.getDouble("weightedNeed"), d.getDouble("openFte"),
                d.getDouble("expectedDeparturesFte"), d.getInteger("tutorsActive"), municipalities, subjects);
    }
}
