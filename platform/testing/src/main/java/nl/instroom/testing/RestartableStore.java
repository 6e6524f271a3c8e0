package nl.instroom.testing;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.instroom.embedded.EmbeddedMongo;

/**
 * The embedded store on a file, for fault tests: stop it and start it again on the same port with the same data.
 * Its connection string makes clients give up on an unreachable server after two seconds instead of thirty.
 */
public final class RestartableStore implements AutoCloseable {

    private final Path file;
    private final int port;
    private MongoServer server;

    private RestartableStore(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    public static RestartableStore start() {
        try {
            RestartableStore store = new RestartableStore(
                    Files.createTempDirectory("instroom-store-").resolve("store.mv"), RestartableBroker.freePort());
            store.startAgain();
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000";
    }

    /** Closes every connection and the file: clients see the store gone. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    public synchronized void startAgain() {
        if (server == null) {
            server = EmbeddedMongo.persistent(file);
            server.bind("127.0.0.1", port);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
