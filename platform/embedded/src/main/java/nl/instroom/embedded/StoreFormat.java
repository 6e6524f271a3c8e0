package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of a store file: which maps hold a collection's documents and its indexes, and how their keys and
 * values are written ({@link BsonDocuments}, {@link BsonValues}). A file written before (by H2's defaults, Java
 * serialization) is converted once when it is opened, in one commit: a crash midway leaves the old file as it was,
 * and the next start converts again.
 */
final class StoreFormat {

    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);

    /** mongo-java-server's H2 backend keeps a collection's documents in the map {@code databases.<db>.<coll>}. */
    static final String DOCUMENT_MAPS = "databases.";
    /** ... and an index in the map {@code <db>.<coll>._index_<name>}. */
    static final String INDEX_MAP = "._index_";
    /** ... and facts about a collection (its data size) in {@code meta.<db>.<coll>}. */
    static final String META_MAPS = "meta.";
    private static final String FORMAT_MAP = "instroom.store-format";
    private static final String LAYOUT = "layout";
    private static final String BSON = "bson-2";

    private StoreFormat() {
    }

    /** Opens (or creates) a collection's document map; before the backend opens it by name, so it finds this one. */
    static MVMap<Object, Document> documents(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<Object, Document>().keyType(BsonValues.VALUES)
                .valueType(BsonDocuments.INSTANCE));
    }

    /** Opens (or creates) an index's map, the same way. */
    static MVMap<KeyValue, Object> index(MVStore store, String mapName) {
        return store.openMap(mapName, new MVMap.Builder<KeyValue, Object>().keyType(BsonValues.KEYS)
                .valueType(BsonValues.VALUES));
    }

    static String indexMap(String collectionNamespace, String indexName) {
        return collectionNamespace + INDEX_MAP + indexName;
    }

    /** Converts a file written with H2's defaults; a new or converted file is left as it is. */
    static void prepare(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        if (BSON.equals(format.get(LAYOUT))) {
            return;
        }
        List<String> names = List.copyOf(store.getMapNames());
        for (String name : names) {
            if (name.startsWith(DOCUMENT_MAPS)) {
                convert(store, name, documents(store, name + ".converting"));
            } else if (name.contains(INDEX_MAP)) {
                convert(store, name, index(store, name + ".converting"));
            }
        }
        format.put(LAYOUT, BSON);
        store.commit();
    }

    /**
     * Mends what a crash can leave in a database's unique indexes ({@code _id}): a commit that held part of a
     * command still running, so a document without its index entry or an entry without its document (see
     * {@link GroupCommit}). Checked each time a store opens; an index that does not match its documents exactly is
     * rebuilt from them.
     */
    static void repair(MVStore store, MongoDatabase database) {
        String prefix = DOCUMENT_MAPS + database.getDatabaseName() + ".";
        for (String mapName : List.copyOf(store.getMapNames())) {
            if (!mapName.startsWith(prefix)) {
                continue;
            }
            String collectionName = mapName.substring(prefix.length());
            MongoCollection<?> collection = database.resolveCollection(collectionName, false);
            if (collection == null) {
                continue;
            }
            MVMap<Object, Document> data = documents(store, mapName);
            for (Index<?> index : collection.getIndexes()) {
                String indexMapName = indexMap(database.getDatabaseName() + "." + collectionName, index.getName());
                if (!index.isUnique() || !store.hasMap(indexMapName)) {
                    continue;
                }
                MVMap<KeyValue, Object> entries = index(store, indexMapName);
                if (!matches(data, entries, index)) {
                    log.warn("Index {} of {}.{} did not match its documents after a crash; rebuilt", index.getName(),
                            database.getDatabaseName(), collectionName);
                    entries.clear();
                    data.forEach((position, document) -> index.getKeyValues(document)
                            .forEach(key -> entries.put(key, position)));
                }
            }
        }
    }

    private static boolean matches(MVMap<Object, Document> data, MVMap<KeyValue, Object> entries, Index<?> index) {
        long expected = 0;
        for (Map.Entry<Object, Document> document : data.entrySet()) {
            for (KeyValue key : index.getKeyValues(document.getValue())) {
                expected++;
                Object position = entries.get(key);
                if (position == null || ValueComparator.asc().compare(position, document.getKey()) != 0) {
                    return false;
                }
            }
        }
        return entries.sizeAsLong() == expected;
    }

    @SuppressWarnings("unchecked")
    private static <K, V> void convert(MVStore store, String name, MVMap<K, V> converted) {
        converted.clear();
        MVMap<Object, Object> old = store.openMap(name);
        old.forEach((key, value) -> converted.put((K) key, (V) value));
        store.removeMap(old);
        store.renameMap(converted, name);
    }
}
