package nl.instroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One process of the stack, its output in a log file. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;

    private ChildProcess(String name, Process process, Path log, List<String> command,
            Map<String, String> environment) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log, command, environment);
    }

    /** The same process started again, as it was first started (its log goes on in the same file). */
    ChildProcess startAgain() throws IOException {
        return start(name, command, environment, log.getParent());
    }

    /** Kills the process without warning (SIGKILL), as a crash or {@code kill -9} would, and waits for it to end. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Asks the process to stop (SIGTERM, so its shutdown hooks run) and waits; kills it if it will not. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println(name + " did not stop within " + grace.toSeconds() + " s; killing it");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
