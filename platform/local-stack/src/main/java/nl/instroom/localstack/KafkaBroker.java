package nl.instroom.localstack;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), started from Kafka's own
 * main classes the way its scripts do: {@code kafka.tools.StorageTool format} once, then {@code kafka.Kafka}.
 */
final class KafkaBroker {

    private KafkaBroker() {
    }

    static Path configure(Path dataDir, String bindAddress, int port, int controllerPort) throws IOException {
        Path logDirs = dataDir.resolve("kafka");
        Files.createDirectories(logDirs);
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@" + bindAddress + ":" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://" + bindAddress + ":" + port + ",CONTROLLER://" + bindAddress
                + ":" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://" + bindAddress + ":" + port);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        config.setProperty("log.dirs", logDirs.toAbsolutePath().toString());
        config.setProperty("num.partitions", "3");
        // One broker: internal topics cannot have more than one replica.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        // Flush to disk as Kafka does by default: durability comes from replication in production; here a
        // clean stop flushes everything.
        Path file = dataDir.resolve("kafka-server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            config.store(out, "Written by the Instroom local stack on every start");
        }
        return file;
    }

    /** Formats the log directory on first start only; a formatted directory keeps its cluster id and data. */
    static void formatOnce(Path dataDir, Path config, String classpath, Path logDir) throws Exception {
        if (Files.exists(dataDir.resolve("kafka").resolve("meta.properties"))) {
            return;
        }
        ChildProcess.run("kafka-format", List.of(LocalStack.java(), "-cp", classpath, "kafka.tools.StorageTool",
                "format", "-t", clusterId(), "-c", config.toString()), logDir, Duration.ofMinutes(2));
    }

    static List<String> command(Path config, String classpath) {
        return List.of(LocalStack.java(), "-Xmx512m", "-cp", classpath, "kafka.Kafka", config.toString());
    }

    /** Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
