package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The two mongo-java-server backends as Instroom runs them: planned {@code _id} lookups, secondary indexes that
 * serve queries, and (on a file) durable commits.
 */
final class Backends {

    /** Commands that change data: they run under {@link GroupCommit} and honour a journaled write concern. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropdatabase", "dropindexes", "renamecollection");

    private Backends() {
    }

    /** In memory: for tests; nothing survives the process. */
    static final class InMemory extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {
                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    return PlannedIdIndex.planned(super.openOrCreateUniqueIndex(collectionName, indexName, keys,
                            sparse));
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    return SecondaryIndex.keeps(keys) ? SecondaryIndex.of(indexName, keys)
                            : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
                }

                @Override
                protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                    return new PlannedCollection.InMemory(this, collectionName, options,
                            InMemory.this.getCursorRegistry());
                }
            };
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (ScanReport.ENABLED) {
                ScanReport.check(this::resolveDatabase, database, command, query);
            }
            return super.handleCommand(channel, database, modern(command), query);
        }
    }

    /** On an H2 MVStore file, committed by {@link GroupCommit}. */
    static final class OnFile extends H2Backend {

        private final GroupCommit commits;

        OnFile(MVStore store, Duration backgroundCommitInterval) {
            super(prepared(store));
            this.commits = new GroupCommit(store, backgroundCommitInterval);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            MongoDatabase database = plannedDatabase(databaseName);
            StoreFormat.repair(getMvStore(), database);
            return database;
        }

        private MongoDatabase plannedDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    StoreFormat.index(OnFile.this.getMvStore(),
                            StoreFormat.indexMap(getFullCollectionNamespace(collectionName), indexName));
                    return PlannedIdIndex.planned(super.openOrCreateUniqueIndex(collectionName, indexName, keys,
                            sparse));
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    return SecondaryIndex.keeps(keys) ? SecondaryIndex.of(indexName, keys)
                            : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
                }

                @Override
                protected MongoCollection<Object> openOrCreateCollection(String collectionName,
                        CollectionOptions options) {
                    // The maps named as mongo-java-server's H2 backend names them, the documents' map with BSON.
                    String namespace = getFullCollectionNamespace(collectionName);
                    MVStore store = OnFile.this.getMvStore();
                    return new PlannedCollection.OnFile(this, collectionName, options,
                            StoreFormat.documents(store, StoreFormat.DOCUMENT_MAPS + namespace),
                            store.openMap(StoreFormat.META_MAPS + namespace), OnFile.this.getCursorRegistry());
                }
            };
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            String name = modern(command);
            if (ScanReport.ENABLED) {
                ScanReport.check(this::resolveDatabase, database, name, query);
            }
            if (!WRITES.contains(name.toLowerCase(Locale.ROOT))) {
                return super.handleCommand(channel, database, name, query);
            }
            return commits.write(() -> super.handleCommand(channel, database, name, query), journaled(query));
        }

        private static MVStore prepared(MVStore store) {
            StoreFormat.prepare(store);
            return store;
        }

        long commits() {
            return commits.commits();
        }

        @Override
        public void close() {
            commits.close();
            super.close();
        }
    }

    /**
     * A write concern with {@code j: true}, or {@code w: "majority"}: MongoDB journals majority writes by default
     * ({@code writeConcernMajorityJournalDefault}), so both wait for the disk here.
     */
    static boolean journaled(Document command) {
        if (!(command.get("writeConcern") instanceof Document concern)) {
            return false;
        }
        return Boolean.TRUE.equals(concern.get("j")) || "majority".equals(concern.get("w"));
    }

    /**
     * Current clients (Spring Boot's health check, mongosh) ask {@code hello}, the newer name of {@code isMaster};
     * mongo-java-server 1.47 knows only the old name. The answer is the same.
     */
    static String modern(String command) {
        return "hello".equalsIgnoreCase(command) ? "isMaster" : command;
    }

}
