package nl.instroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's process is killed with SIGKILL while several clients insert with a journaled write concern, as the
 * services write: after a restart on the same file, every insert that was acknowledged is there.
 */
class JournaledWritesSurviveKillIT {

    private static final int WRITERS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 5_000;

    @TempDir
    Path dir;

    private Process store;

    @AfterEach
    void stopStore() {
        if (store != null) {
            store.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedJournaledInsertIsThereAfterTheProcessWasKilled() throws Exception {
        Path file = dir.resolve("store.mv");
        int port = freePort();
        store = startStore(file, port);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        try (MongoClient client = client(port)) {
            MongoCollection<Document> vacancies = client.getDatabase("durability").getCollection("vacancies")
                    .withWriteConcern(WriteConcern.MAJORITY.withJournal(true));
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Thread writer = new Thread(() -> {
                    while (!killed.get()) {
                        String id = UUID.randomUUID().toString();
                        try {
                            vacancies.insertOne(new Document("_id", id).append("subject", "wiskunde"));
                        } catch (RuntimeException storeGone) {
                            return;
                        }
                        acknowledged.add(id);
                    }
                }, "writer-" + w);
                writer.start();
                writers.add(writer);
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> acknowledged.size() >= ACKNOWLEDGED_BEFORE_KILL);

            // SIGKILL: no shutdown hook, no final commit; writers are still sending.
            store.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            killed.set(true);
            for (Thread writer : writers) {
                writer.join(Duration.ofSeconds(30).toMillis());
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        store = startStore(file, port);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> vacancies = client.getDatabase("durability").getCollection("vacancies");
            List<String> ids = List.copyOf(acknowledged);
            long found = 0;
            for (int from = 0; from < ids.size(); from += 1000) {
                found += vacancies.countDocuments(Filters.in("_id", ids.subList(from, Math.min(ids.size(),
                        from + 1000))));
            }
            assertThat(found).as("acknowledged inserts found after SIGKILL and restart")
                    .isEqualTo(acknowledged.size());
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port
                        + "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000&maxPoolSize=" + (WRITERS + 2)))
                .build());
    }

    private static Process startStore(Path file, int port) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), StoreMain.class.getName(), file.toString(), "127.0.0.1",
                String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(file.resolveSibling("store-" + port + ".log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).until(() -> accepts(port));
        return process;
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
