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

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** The command it was started with, so it can be started again as it was. */
    List<String> command() {
        return command;
    }

    Map<String, String> environment() {
        return environment;
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
