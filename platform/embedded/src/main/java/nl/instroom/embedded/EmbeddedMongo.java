package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.nio.file.Path;
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

    private EmbeddedMongo() {
    }

    /** A store that forgets everything when it stops: for tests. */
    public static MongoServer inMemory() {
        return new MongoServer(new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, modern(command), query);
            }
        }.version(REPORTED_VERSION));
    }

    /**
     * A store kept in an H2 MVStore file. The H2 backend commits in the background (about once a second): a
     * {@code kill -9} can lose the last second of acknowledged writes; a clean stop loses nothing.
     */
    public static MongoServer persistent(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).compress().open();
        return new MongoServer(new H2Backend(store) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return super.handleCommand(channel, database, modern(command), query);
            }
        }.version(REPORTED_VERSION));
    }

    /**
     * Current clients (Spring Boot's health check, mongosh) ask {@code hello}, the newer name of {@code isMaster};
     * mongo-java-server 1.47 knows only the old name. The answer is the same.
     */
    private static String modern(String command) {
        return "hello".equalsIgnoreCase(command) ? "isMaster" : command;
    }
}
