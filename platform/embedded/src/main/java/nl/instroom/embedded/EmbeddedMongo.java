package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import java.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.h2.mvstore.MVStore;

/** Starts mongo-java-server the way Instroom uses it. */
public final class EmbeddedMongo {

    /**
     * Reported to clients. The server's own newest choice (wire 8) is refused by mongosh; 13 is what MongoDB 5.0
     * reports. It says nothing about features: transactions, sessions and geo queries stay unsupported.
     */
    static final MongoVersion REPORTED_VERSION = new MongoVersion() {
        @Override
        public List<Integer> getVersionArray() {
            return List.of(5, 0, 0);
        }

        @Override
        public int getWireVersion() {
            return 13;
        }
    };

    /** How soon writes without a journaled write concern reach the file (they may be lost on a crash). */
    static final Duration BACKGROUND_COMMIT = Duration.ofSeconds(1);

    /** H2's page cache, in MB; {@code -Dinstroom.store.page-cache-mb} overrides it. */
    static final int PAGE_CACHE_MB = Integer.getInteger("instroom.store.page-cache-mb", 64);

    /**
     * Network threads. Each connection is served by one thread, and a journaled write holds its thread until the
     * commit: with fewer threads than connections, one waiting write stalls other connections' requests. A service's
     * connection pool holds up to 100 connections; the pipeline benchmark's profile showed need-mapping waiting for
     * pooled connections while 64 threads served them.
     */
    static final int WORKER_THREADS = 256;

    private EmbeddedMongo() {
    }

    /** A store that forgets everything when it stops: for tests. */
    public static MongoServer inMemory() {
        return new Server(new Backends.InMemory().version(REPORTED_VERSION));
    }

    /**
     * A store kept in an H2 MVStore file. A write acknowledged with a journaled write concern ({@code j: true} or
     * {@code w: "majority"}) is on disk before the acknowledgement; others reach the file within a second.
     */
    public static MongoServer persistent(Path file) {
        // H2's own background commits could land halfway through a command; GroupCommit commits instead.
        // Each commit writes every page it changed again, whole: small pages (8 keys, 2 KB) write least per
        // commit; with H2's defaults (48 keys, 16 KB) journaled writes were about a fifth slower. No compression:
        // it cost a sixth of the store's CPU under load, for little on disk (docs/performance.md).
        // Small pages make deep trees: a lookup reads four or five pages, each through H2's page cache. With H2's
        // 16 MB the cache was full under the pipeline benchmark and its eviction bookkeeping, with the pages read
        // again from the file, was an eighth of the store's CPU; the store's heap has room for more.
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
                .autoCommitBufferSize(0).keysPerPage(8).pageSplitSize(2 * 1024).cacheSize(PAGE_CACHE_MB).open();
        return new Server(new Backends.OnFile(store, BACKGROUND_COMMIT).version(REPORTED_VERSION));
    }

    /** Binds with enough network threads for waiting journaled writes (see {@link #WORKER_THREADS}). */
    private static final class Server extends MongoServer {

        Server(MongoBackend backend) {
            super(backend);
        }

        @Override
        public void bind(SocketAddress socketAddress) {
            bind(socketAddress, 1, WORKER_THREADS);
        }
    }
}
