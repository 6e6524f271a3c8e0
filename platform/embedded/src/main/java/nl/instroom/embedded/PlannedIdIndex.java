package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;
import java.util.Optional;

/**
 * The {@code _id} index with the planner step mongo-java-server 1.47 lacks. MongoDB serves a filter that pins
 * {@code _id} (equality or {@code $in}) from the {@code _id} index even when the filter has further conditions, and
 * matches those on the few candidates. mongo-java-server uses an index only when the filter names exactly the
 * index's keys, so {@code {_id: x, revision: {$lt: 5}}} — the revision guard, idempotent upserts, outbox removal —
 * scanned the whole collection. This index also answers such filters: it hands out the candidates for the
 * {@code _id} part, and the collection matches the whole filter on them, as it does for any index.
 */
final class PlannedIdIndex<P> extends Index<P> {

    static final String ID = "_id";

    private final Index<P> index;

    private PlannedIdIndex(Index<P> index) {
        super(index.getName(), index.getKeys(), false);
        this.index = index;
    }

    /** Wraps the unique {@code _id} index of a collection; any other index stays as it is. */
    static <P> Index<P> planned(Index<P> index) {
        List<IndexKey> keys = index.getKeys();
        boolean idIndex = index.isUnique() && keys.size() == 1 && ID.equals(keys.get(0).getKey());
        return idIndex ? new PlannedIdIndex<>(index) : index;
    }

    /**
     * The {@code _id} part of a filter that pins it and has further conditions; empty when the filter does not pin
     * {@code _id} or names nothing else (the index answers that case itself).
     */
    static Optional<Document> idPart(Document query) {
        if (query != null && query.size() == 1 && query.get("$and") instanceof List<?> conditions) {
            // {$and: [{_id: x}, {revision: 5}]}, as the Java driver's Filters.and writes a filter.
            for (Object condition : conditions) {
                if (condition instanceof Document part && part.containsKey(ID)) {
                    Optional<Document> pinned = idPart(new Document(part).append("$and", conditions));
                    if (pinned.isPresent()) {
                        return pinned;
                    }
                }
            }
            return Optional.empty();
        }
        if (query == null || query.size() < 2 || !query.containsKey(ID)) {
            return Optional.empty();
        }
        Object id = query.get(ID);
        if (id instanceof Document condition && !condition.isEmpty()
                && condition.keySet().iterator().next().startsWith("$")) {
            if (condition.size() != 1) {
                return Optional.empty();
            }
            if (condition.containsKey("$eq")) {
                return Optional.of(new Document(ID, condition.get("$eq")));
            }
            if (!condition.containsKey("$in")) {
                return Optional.empty();
            }
        }
        return Optional.of(new Document(ID, id));
    }

    /**
     * The filter without its {@code _id} part, when that part pins {@code _id} to strings or ObjectIds (equality,
     * {@code $eq}, {@code $in}) so that this index's candidates satisfy it exactly; empty otherwise. Values of other
     * types are left to the matcher: numbers, for instance, are equal across types ({@code 5} and {@code 5.0}).
     */
    static Optional<Document> withoutExactIds(Document query) {
        if (query == null || !query.containsKey(ID)) {
            return Optional.empty();
        }
        Object id = query.get(ID);
        if (id instanceof Document condition) {
            if (condition.size() != 1) {
                return Optional.empty();
            }
            if (condition.get("$eq") != null) {
                id = condition.get("$eq");
            } else if (condition.get("$in") instanceof List<?> values && !values.isEmpty()
                    && values.stream().allMatch(PlannedIdIndex::exact)) {
                id = values.get(0);
            } else {
                return Optional.empty();
            }
        }
        if (!exact(id)) {
            return Optional.empty();
        }
        Document rest = new Document(query);
        rest.remove(ID);
        return Optional.of(rest);
    }

    private static boolean exact(Object value) {
        return value instanceof String || value instanceof ObjectId;
    }

    @Override
    public boolean canHandle(Document query) {
        if (index.canHandle(query)) {
            return true;
        }
        Optional<Document> idPart = idPart(query);
        return idPart.isPresent() && index.canHandle(idPart.get());
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (index.canHandle(query)) {
            return index.getPositions(query);
        }
        return index.getPositions(idPart(query).orElseThrow());
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }
}
