package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A non-unique index, which mongo-java-server 1.47 accepts and ignores (every query on a non-{@code _id} field
 * scanned the whole collection, holding the collection's lock meanwhile: the pipeline benchmark's profile showed
 * need-mapping's store spending most of its time in such scans, and inserts waiting for them). It keeps, in memory,
 * the positions of the documents per value of the index's first field, in MongoDB's order of values (1 and 1.0 are
 * one value). A filter that pins that field (equality, {@code $eq}, {@code $in}) or bounds it ({@code $lt},
 * {@code $lte}, {@code $gt}, {@code $gte}) takes its candidates from here, and the collection matches the whole
 * filter on them, as MongoDB does with an index prefix. A path into sub-documents ({@code outbox.time}) and array
 * fields are indexed per element. It is rebuilt from the documents when the store opens, so nothing of it is
 * written to the file.
 */
final class SecondaryIndex<P> extends Index<P> {

    private final String field;
    private final NavigableMap<Object, Set<P>> positionsByValue = new TreeMap<>(ValueComparator.asc());
    private final List<String> path;
    private final Map<Object, P> positionById = new HashMap<>();

    private SecondaryIndex(String name, List<IndexKey> keys) {
        // "Sparse" as far as the collection is concerned: a document without the field is in no entry.
        super(name, keys, true);
        this.field = keys.get(0).getKey();
        this.path = List.of(field.split("\\."));
    }

    /** An index this class can keep: any with a first field. */
    static boolean keeps(List<IndexKey> keys) {
        return !keys.isEmpty();
    }

    static <P> Index<P> of(String name, List<IndexKey> keys) {
        return new SecondaryIndex<>(name, keys);
    }

    @Override
    public boolean canHandle(Document query) {
        return query != null && (pinned(query.get(field)) != null || bounded(query.get(field)));
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        Set<P> positions = new LinkedHashSet<>();
        Collection<Object> pinned = pinned(query.get(field));
        if (pinned != null) {
            for (Object value : pinned) {
                positions.addAll(positionsByValue.getOrDefault(value, Set.of()));
            }
            return positions;
        }
        range((Document) query.get(field)).values().forEach(positions::addAll);
        return positions;
    }

    private static final Set<String> BOUNDS = Set.of("$lt", "$lte", "$gt", "$gte");

    /** Whether a condition only bounds the field ({@code $lt}, {@code $lte}, {@code $gt}, {@code $gte}). */
    private static boolean bounded(Object condition) {
        return condition instanceof Document operators && !operators.isEmpty()
                && BOUNDS.containsAll(operators.keySet()) && operators.values().stream().allMatch(v -> plain(v));
    }

    /**
     * The entries within the bounds. A bound of one type also takes in values of other types that MongoDB's order
     * puts on that side of it; the collection's match of the whole filter drops them, as it must.
     */
    private NavigableMap<Object, Set<P>> range(Document operators) {
        NavigableMap<Object, Set<P>> range = positionsByValue;
        for (Map.Entry<String, Object> bound : operators.entrySet()) {
            Object value = bound.getValue();
            range = switch (bound.getKey()) {
                case "$lt" -> range.headMap(value, false);
                case "$lte" -> range.headMap(value, true);
                case "$gt" -> range.tailMap(value, false);
                default -> range.tailMap(value, true);
            };
        }
        return range;
    }

    /** The values a filter condition pins the field to, or null when it does not (ranges, null, arrays, ...). */
    private static Collection<Object> pinned(Object condition) {
        if (condition == null || condition instanceof Missing || condition instanceof Collection) {
            return null;
        }
        if (condition instanceof Document operators) {
            if (operators.size() != 1) {
                return null;
            }
            if (operators.get("$eq") != null && plain(operators.get("$eq"))) {
                return List.of(operators.get("$eq"));
            }
            if (operators.get("$in") instanceof Collection<?> values && values.stream().allMatch(v -> plain(v))) {
                return List.copyOf(values);
            }
            return null;
        }
        return List.of(condition);
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document)
                && !(value instanceof Collection);
    }

    /** The field's values in a document: through sub-documents and arrays, every plain value at the path's end. */
    private Collection<Object> valuesOf(Document document) {
        List<Object> values = new ArrayList<>();
        collect(document, 0, values);
        return values;
    }

    private void collect(Object at, int depth, List<Object> values) {
        if (at instanceof Collection<?> elements) {
            elements.forEach(element -> collect(element, depth, values));
            return;
        }
        if (depth == path.size()) {
            if (plain(at)) {
                values.add(at);
            }
            return;
        }
        if (at instanceof Document document) {
            collect(document.get(path.get(depth)), depth + 1, values);
        }
    }

    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        positionById.put(id(document), position);
        for (Object value : valuesOf(document)) {
            positionsByValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public P remove(Document document) {
        P position = positionById.remove(id(document));
        if (position != null) {
            unindex(document, position);
        }
        return position;
    }

    private void unindex(Document document, P position) {
        for (Object value : valuesOf(document)) {
            Set<P> positions = positionsByValue.get(value);
            if (positions != null) {
                positions.remove(position);
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        unindex(oldDocument, position);
        add(newDocument, position, collection);
    }

    @Override
    public long getCount() {
        return positionById.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        positionsByValue.clear();
        positionById.clear();
    }

    private static Object id(Document document) {
        Object id = document.get("_id");
        return id == null ? Collections.emptyMap() : id;
    }
}
