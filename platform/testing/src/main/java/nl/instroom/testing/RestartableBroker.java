package nl.instroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import nl.instroom.embedded.KafkaBrokerProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;

/**
 * A real Kafka broker in its own process, for fault tests: stop it (or kill it) and start it again on the same
 * port with the same data, as an outage in production would. Starts in a few seconds.
 */
public final class RestartableBroker implements AutoCloseable {

    private final KafkaBrokerProcess broker;

    private RestartableBroker(KafkaBrokerProcess broker) {
        this.broker = broker;
    }

    /** Starts a fresh broker on free ports and waits until it answers. */
    public static RestartableBroker start() {
        try {
            Path dir = Files.createTempDirectory("instroom-broker-");
            KafkaBrokerProcess process = new KafkaBrokerProcess(dir, "127.0.0.1", freePort(), freePort(),
                    dir.resolve("broker.log"), System.getProperty("java.class.path"));
            RestartableBroker broker = new RestartableBroker(process);
            broker.startAgain();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** A clean shutdown, as in a rolling restart or a maintenance stop. */
    public void stop() {
        try {
            broker.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the stopped broker on the same port and data, and waits until it answers. */
    public void startAgain() {
        try {
            broker.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                    .until(() -> !admin.describeCluster().nodes().get().isEmpty());
        }
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
