package nl.instroom.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import nl.instroom.embedded.EmbeddedMongo;

/**
 * One service's store: mongo-java-server on an H2 file, on 127.0.0.1. Runs until stopped; the shutdown hook
 * closes the file so that everything acknowledged before a clean stop is kept.
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
