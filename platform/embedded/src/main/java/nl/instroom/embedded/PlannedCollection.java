package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * Collections that do not check again what their {@code _id} index has answered exactly. mongo-java-server matches
 * every candidate an index hands out against the whole filter; for {@code {_id: {$in: [a thousand codes]}}} that
 * compares each document's {@code _id} with each code — a thousand candidates times a thousand codes per query,
 * which the pipeline benchmark's profile showed in need-mapping's store as the matcher's equality checks. When the
 * {@code _id} part pins strings or ObjectIds ({@link PlannedIdIndex#withoutExactIds}), the index's candidates are
 * exactly the documents whose {@code _id} is one of them, so only the rest of the filter is matched.
 */
final class PlannedCollection {

    /**
     * Collection statistics' data size is not kept up to date. mongo-java-server computes it by encoding the whole
     * document again on every insert, update and delete (twice per update) and, on the file, writes it to a map of
     * its own each time: a fifth of the store's update work under the pipeline benchmark. No service reads it.
     */
    static final boolean TRACKS_DATA_SIZE = false;

    private PlannedCollection() {
    }

    /** What a collection's query step needs: its indexes, and matching candidates against a filter. */
    private interface Matcher<P> {
        QueryResult match(Document filter, Iterable<P> positions);
    }

    /** The answer from the {@code _id} index and the rest of the filter; empty when the filter does not allow it. */
    private static <P> Optional<QueryResult> planned(List<Index<P>> indexes, Document query, Matcher<P> matcher) {
        Optional<Document> rest = PlannedIdIndex.withoutExactIds(query);
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        for (Index<P> index : indexes) {
            if (index instanceof PlannedIdIndex<P> && index.canHandle(query)) {
                return Optional.of(matcher.match(rest.get(), index.getPositions(query)));
            }
        }
        return Optional.empty();
    }

    /** On the store's file. */
    static final class OnFile extends H2Collection {

        OnFile(MongoDatabase database, String collectionName, CollectionOptions options,
                MVMap<Object, Document> documents, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, documents, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            return planned(getIndexes(), query, (filter, positions) -> matchDocuments(filter, positions, orderBy,
                    numberToSkip, limit, batchSize, fieldSelector))
                    .orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector));
        }

        /** See {@link PlannedCollection#TRACKS_DATA_SIZE}. */
        @Override
        protected boolean tracksDataSize() {
            return TRACKS_DATA_SIZE;
        }
    }

    /** In memory, for tests: the same planning, so that the services' tests run it too. */
    static final class InMemory extends MemoryCollection {

        InMemory(MongoDatabase database, String collectionName, CollectionOptions options, CursorRegistry cursors) {
            super(database, collectionName, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                int batchSize, Document fieldSelector) {
            return planned(getIndexes(), query, (filter, positions) -> matchDocuments(filter, positions, orderBy,
                    numberToSkip, limit, batchSize, fieldSelector))
                    .orElseGet(() -> super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize,
                            fieldSelector));
        }

        /** See {@link PlannedCollection#TRACKS_DATA_SIZE}. */
        @Override
        protected boolean tracksDataSize() {
            return TRACKS_DATA_SIZE;
        }
    }
}
