package nl.instroom.embedded;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), run from Kafka's own main
 * classes the way its scripts do: {@code kafka.tools.StorageTool format} once, then {@code kafka.Kafka}. Its own
 * process, so it can be stopped, killed and started again on the same port and data, as in production.
 */
public final class KafkaBrokerProcess {

    private final Path dataDir;
    private final String bindAddress;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private final String classpath;
    private Process process;

    /**
     * @param dataDir where the log segments and the generated server.properties live; kept across restarts
     * @param log where the broker's output goes (appended)
     * @param classpath a classpath holding the Kafka broker jars
     */
    public KafkaBrokerProcess(Path dataDir, String bindAddress, int port, int controllerPort, Path log,
            String classpath) {
        this.dataDir = dataDir;
        this.bindAddress = bindAddress;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log;
        this.classpath = classpath;
    }

    public String bootstrapServers() {
        return bindAddress + ":" + port;
    }

    /** Formats the log directory on the first start only, then starts the broker; returns without waiting for it. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        Path config = writeConfig();
        if (!Files.exists(dataDir.resolve("kafka").resolve("meta.properties"))) {
            format(config, Uuid.randomUuid().toString());
        }
        process = launch(List.of("-Xmx512m", "kafka.Kafka", config.toString()));
    }

    /**
     * Formats the log directory for a new cluster. The id goes as {@code --cluster-id=<id>}: base64 ids can start
     * with a dash, and as a separate argument such an id is read as an option and the format fails (1 start in 64
     * with a home-made random id, which is why Kafka's own generator is used as well).
     */
    void format(Path config, String clusterId) throws IOException, InterruptedException {
        Process format = launch(List.of("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId,
                "--config=" + config));
        boolean finished = format.waitFor(2, TimeUnit.MINUTES);
        if (!finished || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new IllegalStateException("Formatting the Kafka log directory failed ("
                    + (finished ? "exit code " + format.exitValue() : "no answer in 2 minutes") + "); the end of "
                    + log + ":\n" + tail(log, 15));
        }
    }

    /** A clean stop (SIGTERM: the broker's controlled shutdown), waiting up to a minute. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A crash (SIGKILL): what a power cut or the OOM killer does. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    public synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    private Process launch(List<String> arguments) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    Path writeConfig() throws IOException {
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
        Path file = dataDir.resolve("kafka-server.properties");
        try (Writer out = Files.newBufferedWriter(file)) {
            config.store(out, "Written by Instroom on every start of the embedded broker");
        }
        return file;
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
