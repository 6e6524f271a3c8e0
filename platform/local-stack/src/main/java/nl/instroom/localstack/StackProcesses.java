package nl.instroom.localstack;

import static nl.instroom.localstack.StackPorts.BIND;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.instroom.embedded.KafkaBrokerProcess;

/**
 * The processes of a running stack: it starts each with its log, waits until a port listens or a service is healthy
 * (failing as soon as any process died, naming its log), reports a process that ends while the stack runs, and stops
 * them all in reverse order. Test support that stops a process on purpose says so first ({@link #expectEnd}), so its
 * end is no news.
 */
final class StackProcesses {

    private final Path logs;
    private final List<ChildProcess> started = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> endExpected = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private KafkaBrokerProcess broker;

    StackProcesses(Path logs) {
        this.logs = logs;
    }

    Path logs() {
        return logs;
    }

    /** Starts the broker, which is not a child process of ours but the embedded module's. */
    void startBroker(KafkaBrokerProcess kafka) throws IOException, InterruptedException {
        broker = kafka;
        broker.start();
    }

    KafkaBrokerProcess broker() {
        return broker;
    }

    void start(String name, List<String> command, Map<String, String> environment) throws IOException {
        started.add(ChildProcess.start(name, command, environment, logs));
    }

    /** The process of this name, as started last. */
    ChildProcess named(String name) {
        return List.copyOf(started).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No process " + name + " in the stack"));
    }

    /** Puts a process started again in the place of the one that ended; a later end of it is news again. */
    void replace(ChildProcess ended, ChildProcess again) {
        started.set(started.indexOf(ended), again);
        endExpected.remove(again.name());
    }

    /** The process will end on purpose (a fault test stops or kills it): the watcher keeps quiet about it. */
    void expectEnd(String name) {
        endExpected.add(name);
    }

    void awaitPort(int port, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!StackPorts.listening(port)) {
            failIfAnyDied();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " is not listening on port " + port);
            }
            Thread.sleep(200);
        }
    }

    void awaitHealthy(String name, int port, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://" + BIND + ":" + port + "/actuator/health");
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            failIfAnyDied();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    System.out.println("  " + name + " UP on http://" + BIND + ":" + port);
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " is not healthy after " + timeout.toSeconds()
                        + " s; see " + logs.resolve(name + ".log"));
            }
            Thread.sleep(500);
        }
    }

    private void failIfAnyDied() {
        if (broker != null && !broker.alive()) {
            throw new IllegalStateException("the Kafka broker exited; see " + logs.resolve("kafka.log"));
        }
        for (ChildProcess child : List.copyOf(started)) {
            if (!child.alive()) {
                throw new IllegalStateException(child.name() + " exited; see " + child.log());
            }
        }
    }

    /** Reports a process that dies while the stack runs, so nobody debugs a half-running stack unknowingly. */
    void watch() {
        Thread watcher = new Thread(() -> {
            List<String> reported = new ArrayList<>();
            while (!Thread.currentThread().isInterrupted() && !stopping) {
                for (ChildProcess child : List.copyOf(started)) {
                    if (child.alive()) {
                        // started again: a later end is news again
                        reported.remove(child.name());
                    } else if (!stopping && !endExpected.contains(child.name())
                            && !reported.contains(child.name())) {
                        reported.add(child.name());
                        System.err.println(child.name() + " stopped unexpectedly; see " + child.log());
                    }
                }
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "local-stack-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Services first (they finish their work), then the stores, the broker last. */
    void stopAll() {
        stopping = true;
        List<ChildProcess> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        if (!reverse.isEmpty()) {
            System.out.println("\nStopping the local stack...");
        }
        for (ChildProcess child : reverse) {
            child.stop(Duration.ofSeconds(30));
        }
        started.clear();
        if (broker != null) {
            try {
                broker.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
