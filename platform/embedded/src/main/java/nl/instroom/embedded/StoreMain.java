package nl.instroom.embedded;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * One store as its own process: mongo-java-server on an H2 file ({@link EmbeddedMongo#persistent}). Runs until
 * stopped. A write acknowledged with a journaled write concern survives even {@code kill -9}; the shutdown hook
 * commits the rest on a clean stop. The local stack runs one per service; the durability test kills one.
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: StoreMain <h2-file> <bind-address> <port>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.getParent());
        MongoServer server = EmbeddedMongo.persistent(file);
        server.bind(args[1], Integer.parseInt(args[2]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "store-shutdown"));
        System.out.println("store on " + args[1] + ":" + args[2] + " with data in " + file);
        stopped.await();
    }
}
