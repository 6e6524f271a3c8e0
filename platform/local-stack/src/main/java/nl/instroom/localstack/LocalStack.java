package nl.instroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.instroom.embedded.KafkaBrokerProcess;
import nl.instroom.embedded.StoreMain;

/**
 * Starts the whole stack in the foreground and stops it on Ctrl-C. Usage: {@code LocalStack <project-root>}.
 * Data lives under {@code <project-root>/data}, so a second start keeps everything.
 *
 * <p>This class is the order of the start: broker and stores, topics, identity, services and portal, demo data.
 * Where each part listens is {@link StackPorts}, what it is started with {@link StackEnvironment}, the processes
 * themselves {@link StackProcesses}, what is printed at the end {@link StackSummary}. Killing and restarting parts
 * of a running stack is test support, in this module's test jar ({@code StackFaults}).
 */
public final class LocalStack {

    private final Path root;
    private final Path data;
    private final StackProcesses processes;
    private final String classpath = System.getProperty("java.class.path");

    private LocalStack(Path root, Path data) {
        this.root = root;
        this.data = data;
        this.processes = new StackProcesses(data.resolve("logs"));
    }

    /**
     * Starts the whole stack from a built checkout at {@code root}, keeping its data in {@code data}; returns once
     * every service is healthy and the demo data is in. For the end-to-end suite and the benchmarks.
     */
    public static LocalStack startIn(Path root, Path data) throws Exception {
        LocalStack stack = new LocalStack(root.toAbsolutePath().normalize(), data.toAbsolutePath().normalize());
        try {
            stack.start();
        } catch (Exception e) {
            stack.stop();
            throw e;
        }
        return stack;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root, root.resolve("data"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
        try {
            stack.start();
        } catch (Exception e) {
            System.err.println("\nThe local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        Thread.currentThread().join();
    }

    /** The process id of a process of the stack (a service, or a store: "store-tutoring"), for profilers. */
    public long pid(String name) {
        return processes.named(name).pid();
    }

    /**
     * A fresh access token of a demo person, signed in as the portal signs people in (password and second factor):
     * for benchmarks that act as an admin or as a region's coordinator
     * ({@code -Dinstroom.stack.extra-coordinators}), as the stack's own demo data does.
     */
    public String accessToken(String username) throws IOException, InterruptedException {
        DemoIdentities identities = new DemoIdentities(data);
        return new DemoSignIn(StackPorts.issuer(), StackPorts.portalRedirectUri())
                .accessToken(username, identities.password(username), identities.secondFactorSecret(username));
    }

    /** Where this stack keeps its data, logs and demo credentials. */
    public Path data() {
        return data;
    }

    /** The processes, for the test support that kills and restarts them. */
    StackProcesses processes() {
        return processes;
    }

    private void start() throws Exception {
        Instant begin = Instant.now();
        List<Path> jars = StackPorts.SERVICES.stream()
                .map(service -> built(root.resolve("services").resolve(service.name()).resolve("target")
                        .resolve(service.name() + ".jar"))).toList();
        Path identityJar = built(root.resolve("platform/identity/target/identity.jar"));
        StackPorts.requireFree();
        Files.createDirectories(processes.logs());
        System.out.println("Instroom local stack: data in " + data + ", logs in " + processes.logs());

        Map<String, Path> masterKeyFiles = Map.of(
                "stay-interviews", MasterKeyFiles.stayInterviews(data,
                        data.resolve("stores").resolve("stayinterviews.mv")),
                "career-advice", MasterKeyFiles.careerAdvice(data),
                "mentoring", MasterKeyFiles.mentoring(data));
        processes.startBroker(new KafkaBrokerProcess(data, StackPorts.BIND, StackPorts.KAFKA_PORT,
                StackPorts.CONTROLLER_PORT, processes.logs().resolve("kafka.log"), classpath));
        for (StackPorts.Service service : StackPorts.SERVICES) {
            processes.start("store-" + service.name(), StackEnvironment.store(classpath, StoreMain.class.getName(),
                    data.resolve("stores").resolve(service.database() + ".mv"), service.storePort()), Map.of());
        }
        DemoIdentities identities = new DemoIdentities(data);
        List<String> credentials = identities.ensure(DemoData.schoolForDemoHr());
        processes.start("store-identity", StackEnvironment.store(classpath, StoreMain.class.getName(),
                data.resolve("stores").resolve("identity.mv"), StackPorts.IDENTITY_STORE_PORT), Map.of());
        processes.awaitPort(StackPorts.KAFKA_PORT, Duration.ofSeconds(60), "Kafka broker");
        StackTopics.createAll(StackPorts.kafkaBootstrap());
        for (StackPorts.Service service : StackPorts.SERVICES) {
            processes.awaitPort(service.storePort(), Duration.ofSeconds(30), "store of " + service.name());
        }
        processes.awaitPort(StackPorts.IDENTITY_STORE_PORT, Duration.ofSeconds(30), "store of identity");
        processes.start("identity", StackEnvironment.jar("384m", identityJar), StackEnvironment.identity(identities));
        for (int i = 0; i < StackPorts.SERVICES.size(); i++) {
            StackPorts.Service service = StackPorts.SERVICES.get(i);
            processes.start(service.name(), StackEnvironment.jar("512m", jars.get(i)),
                    StackEnvironment.service(service, masterKeyFiles));
        }
        // the portal is optional: a build of only the services still starts a working stack
        Path portalJar = root.resolve("services/portal/target/portal.jar");
        boolean portal = Files.isRegularFile(portalJar);
        if (portal) {
            processes.start("portal", StackEnvironment.jar("256m", portalJar), StackEnvironment.portal());
        }
        Duration startTimeout = StackEnvironment.startTimeout();
        processes.awaitHealthy("identity", StackPorts.IDENTITY_PORT, startTimeout);
        List<String> secondFactors = identities.ensureSecondFactors(StackPorts.issuer(),
                StackPorts.portalRedirectUri());
        for (StackPorts.Service service : StackPorts.SERVICES) {
            processes.awaitHealthy(service.name(), service.port(), startTimeout);
        }
        if (portal) {
            processes.awaitHealthy("portal", StackPorts.PORTAL_PORT, startTimeout);
        }
        Duration took = Duration.between(begin, Instant.now());
        seedDemoData(identities);
        System.out.println(StackSummary.of(took, data, processes.logs(), credentials, secondFactors));
        processes.watch();
    }

    /** Each part of the demo data goes in once, on the first start; a later start finds it there. */
    private void seedDemoData(DemoIdentities identities) throws Exception {
        String issuer = StackPorts.issuer();
        String redirect = StackPorts.portalRedirectUri();
        DemoData.seedOnce(data, StackPorts.service("need-mapping").url(), issuer, identities, redirect);
        // mentoring's demo cohort before the living demo: its school leaders' staff links must be on their sign-ups
        // before stay-interviews and scouting publish facts about them, or mentoring never sees those facts
        DemoMentoring.seedOnce(data, StackPorts.service("mentoring").url(), issuer, identities, redirect);
        LivingDemo.seedOnce(data, issuer, identities, redirect);
        DemoAdvice.seedOnce(data, StackPorts.service("career-advice").url(), issuer, identities, redirect);
    }

    private static Path built(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -Pstack verify");
        }
        return jar;
    }

    /** Services first (they finish their work), then the stores, the broker last. */
    public void stop() {
        processes.stopAll();
    }
}
