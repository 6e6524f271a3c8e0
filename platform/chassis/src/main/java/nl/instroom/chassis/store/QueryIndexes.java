package nl.instroom.chassis.store;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The indexes a persistence adapter's queries need, declared by the adapter itself when it is made, next to the
 * queries they serve: on MongoDB every filter on a field without an index reads the whole collection. Declaring an
 * index that exists is a no-op, so every instance declares them at start. (The embedded store keeps such indexes in
 * memory; see docs/embedded-store.md.)
 */
public final class QueryIndexes {

    private QueryIndexes() {
    }

    /** One ascending single-field index per field, named {@code <field>_1} as MongoDB names it. */
    public static void declare(MongoTemplate mongo, String collection, String... fields) {
        for (String field : fields) {
            mongo.indexOps(collection).createIndex(new Index().on(field, Sort.Direction.ASC).named(field + "_1"));
        }
    }
}
