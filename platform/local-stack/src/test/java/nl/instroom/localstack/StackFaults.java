package nl.instroom.localstack;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Faults injected into a running local stack, for the fault suite ({@code platform/e2e}'s {@code FaultsIT}): kill a
 * process without warning, stop one gracefully, kill the broker, and start each again as it was. Test support, in
 * this module's test jar: nobody running the stack needs it, so the stack's own code has no such API.
 */
public final class StackFaults {

    private final StackProcesses processes;

    private StackFaults(StackProcesses processes) {
        this.processes = processes;
    }

    public static StackFaults of(LocalStack stack) {
        return new StackFaults(stack.processes());
    }

    /**
     * Kills a process of the stack without warning, as {@code kill -9} would: a service, or a store
     * ("store-tutoring").
     */
    public void kill(String name) throws InterruptedException {
        ChildProcess child = processes.named(name);
        processes.expectEnd(name);
        ProcessHandle handle = ProcessHandle.of(child.pid()).orElse(null);
        if (handle != null) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(name + " did not end after SIGKILL", e);
            }
        }
    }

    /** Stops a process of the stack gracefully (SIGTERM), e.g. a store for an outage. */
    public void stopProcess(String name) {
        processes.expectEnd(name);
        processes.named(name).stop(Duration.ofSeconds(30));
    }

    /** Starts a stopped or killed process again, as it was first started, and waits until it serves again. */
    public void startAgain(String name) throws Exception {
        ChildProcess ended = processes.named(name);
        if (ended.alive()) {
            throw new IllegalStateException(name + " is still running");
        }
        ChildProcess again = ChildProcess.start(name, ended.command(), ended.environment(), ended.log().getParent());
        processes.replace(ended, again);
        for (StackPorts.Service service : StackPorts.SERVICES) {
            if (service.name().equals(name)) {
                processes.awaitHealthy(name, service.port(), StackEnvironment.startTimeout());
            } else if (("store-" + service.name()).equals(name)) {
                processes.awaitPort(service.storePort(), Duration.ofSeconds(60), name);
            }
        }
    }

    /** Kills the Kafka broker without warning. */
    public void killBroker() throws InterruptedException {
        processes.broker().kill();
    }

    /** Starts the broker again on its data; returns once it listens. */
    public void startBrokerAgain() throws Exception {
        processes.broker().start();
        processes.awaitPort(StackPorts.KAFKA_PORT, Duration.ofSeconds(60), "Kafka broker");
    }
}
