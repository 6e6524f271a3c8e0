package nl.instroom.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.instroom.embedded.KafkaBrokerProcess;
import nl.instroom.embedded.StoreMain;
import nl.instroom.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Starts the whole stack in the foreground and stops it on Ctrl-C. Usage: {@code LocalStack <project-root>}.
 * Data lives under {@code <project-root>/data}, so a second start keeps everything.
 */
public final class LocalStack {

    static final String BIND = System.getProperty("instroom.bind", "127.0.0.1");
    static final int KAFKA_PORT = 9092;
    static final int CONTROLLER_PORT = 9093;
    static final int PARTITIONS = 3;
    static final int IDENTITY_PORT = 9000;
    static final int IDENTITY_STORE_PORT = 27105;
    static final int PORTAL_PORT = 8080;

    /** A service of the stack: its module, HTTP port, store port and database. */
    record Service(String name, int port, int storePort, String database) {
    }

    static final List<Service> SERVICES = List.of(
            new Service("need-mapping", 8081, 27101, "needmapping"),
            new Service("tutoring", 8082, 27102, "tutoring"),
            new Service("scouting", 8083, 27103, "scouting"),
            new Service("stay-interviews", 8084, 27104, "stayinterviews"),
            new Service("career-advice", 8085, 27106, "careeradvice"),
            new Service("mentoring", 8086, 27107, "mentoring"));

    private final Path root;
    private final Path data;
    private final Path logs;
    private final String classpath = System.getProperty("java.class.path");
    private final List<ChildProcess> started = Collections.synchronizedList(new ArrayList<>());
    /** Processes stopped or killed on purpose (fault tests): their end is no news. */
    private final Set<String> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private KafkaBrokerProcess broker;

    private LocalStack(Path root, Path data) {
        this.root = root;
        this.data = data;
        this.logs = data.resolve("logs");
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

    /**
     * Extra environment for the four services, from {@code -Dinstroom.stack.service-env=NAME=value,NAME=value}: lets
     * a benchmark turn tracing off or lift the per-caller write limit without another way of starting the stack.
     */
    static Map<String, String> extraServiceEnvironment() {
        Map<String, String> extra = new LinkedHashMap<>();
        String spec = System.getProperty("instroom.stack.service-env", "");
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                extra.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return extra;
    }

    /** Kills a process of the stack without warning, as {@code kill -9} would: a service, or a store ("store-tutoring"). */
    public void kill(String name) throws InterruptedException {
        stoppedOnPurpose.add(name);
        child(name).kill();
    }

    /** Stops a process of the stack gracefully (SIGTERM), e.g. a store for an outage. */
    public void stopProcess(String name) {
        stoppedOnPurpose.add(name);
        child(name).stop(Duration.ofSeconds(30));
    }

    /** Starts a stopped or killed process again, as it was first started, and waits until it serves again. */
    public void startAgain(String name) throws Exception {
        ChildProcess old = child(name);
        if (old.alive()) {
            throw new IllegalStateException(name + " is still running");
        }
        ChildProcess again = old.startAgain();
        started.set(started.indexOf(old), again);
        stoppedOnPurpose.remove(name);
        for (Service service : SERVICES) {
            if (service.name().equals(name)) {
                awaitHealthy(name, service.port(), startTimeout());
            } else if (("store-" + service.name()).equals(name)) {
                awaitPort(service.storePort(), Duration.ofSeconds(60), name);
            }
        }
    }

    /** Kills the Kafka broker without warning. */
    public void killBroker() throws InterruptedException {
        broker.kill();
    }

    /** Starts the broker again on its data; returns once it listens. */
    public void startBrokerAgain() throws Exception {
        broker.start();
        awaitPort(KAFKA_PORT, Duration.ofSeconds(60), "Kafka broker");
    }

    /** The process id of a process of the stack, for tools outside the JVM. */
    public long pid(String name) {
        return child(name).pid();
    }

    private ChildProcess child(String name) {
        return List.copyOf(started).stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No process " + name + " in the stack"));
    }

    /**
     * A fresh access token of a demo person, signed in as the portal signs people in (password and second factor):
     * for benchmarks that act as an admin or as a region's coordinator
     * ({@code -Dinstroom.stack.extra-coordinators}), as the stack's own demo data does.
     */
    public String accessToken(String username) throws IOException, InterruptedException {
        DemoIdentities identities = new DemoIdentities(data);
        return new DemoSignIn("http://" + BIND + ":" + IDENTITY_PORT,
                "http://" + BIND + ":" + PORTAL_PORT + "/login/oauth2/code/instroom")
                .accessToken(username, identities.password(username), identities.secondFactorSecret(username));
    }

    /** Where this stack keeps its data, logs and demo credentials. */
    public Path data() {
        return data;
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

    /**
     * How long a service may take to become healthy: with the optimising compiler (fast start off, for measurements)
     * eleven JVMs starting side by side on two cores need about twice as long.
     */
    static Duration startTimeout() {
        boolean fastStart = Boolean.parseBoolean(System.getProperty("instroom.jvm.fast-start", "true"));
        return Duration.ofSeconds(Long.getLong("instroom.stack.start-timeout-seconds", fastStart ? 150 : 360));
    }

    /**
     * JVM options for the services and the identity server on a developer's machine: the client compiler only and
     * the serial collector start five JVMs on two cores in about half the time. Run with
     * {@code -Dinstroom.jvm.fast-start=false} for measurements, which want the optimising compiler.
     */
    static List<String> serviceJvmOptions(String heap) {
        List<String> options = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        if (Boolean.parseBoolean(System.getProperty("instroom.jvm.fast-start", "true"))) {
            options.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        }
        return options;
    }

    private static List<String> jar(List<String> jvm, Path jar) {
        List<String> command = new ArrayList<>(jvm);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /** Passes {@code -Dinstroom.store.report-scans} on to the stores (performance work: which queries scan). */
    private static String storeDiagnostics() {
        return "-Dinstroom.store.report-scans=" + Boolean.getBoolean("instroom.store.report-scans");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void start() throws Exception {
        Instant begin = Instant.now();
        List<Path> jars = new ArrayList<>();
        for (Service service : SERVICES) {
            Path jar = root.resolve("services").resolve(service.name()).resolve("target").resolve(service.name() + ".jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw -Pstack verify");
            }
            jars.add(jar);
        }
        Path identityJar = root.resolve("platform/identity/target/identity.jar");
        if (!Files.isRegularFile(identityJar)) {
            throw new IllegalStateException(identityJar + " is missing: build first with ./mvnw -Pstack verify");
        }
        requireFreePorts();
        Files.createDirectories(logs);
        System.out.println("Instroom local stack: data in " + data + ", logs in " + logs);

        Path stayMasterKeys = MasterKeyFiles.stayInterviews(data, data.resolve("stores").resolve("stayinterviews.mv"));
        Path adviceMasterKey = MasterKeyFiles.careerAdvice(data);
        Path mentoringMasterKeys = MasterKeyFiles.mentoring(data);
        broker = new KafkaBrokerProcess(data, BIND, KAFKA_PORT, CONTROLLER_PORT, logs.resolve("kafka.log"), classpath);
        broker.start();
        for (Service service : SERVICES) {
            started.add(ChildProcess.start("store-" + service.name(), List.of(java(), "-Xmx256m", storeDiagnostics(),
                    "-cp", classpath,
                    StoreMain.class.getName(), data.resolve("stores").resolve(service.database() + ".mv").toString(),
                    BIND, String.valueOf(service.storePort())), Map.of(), logs));
        }
        DemoIdentities identities = new DemoIdentities(data);
        List<String> credentials = identities.ensure(DemoData.schoolForDemoHr());
        String issuer = "http://" + BIND + ":" + IDENTITY_PORT;
        Map<String, String> identityEnvironment = new LinkedHashMap<>();
        identityEnvironment.put("PORT", String.valueOf(IDENTITY_PORT));
        identityEnvironment.put("SERVER_ADDRESS", BIND);
        identityEnvironment.put("INSTROOM_IDENTITY_ISSUER", issuer);
        identityEnvironment.put("INSTROOM_IDENTITY_USERS_FILE", identities.usersFile().toString());
        identityEnvironment.put("INSTROOM_IDENTITY_INTEGRATION_CLIENT_SECRET", identities.integrationSecret());
        identityEnvironment.put("INSTROOM_IDENTITY_INTEGRATION_REGION", DemoIdentities.INTEGRATION_REGION);
        String portalRedirectUri = "http://" + BIND + ":" + PORTAL_PORT + "/login/oauth2/code/instroom";
        identityEnvironment.put("INSTROOM_IDENTITY_PORTAL_REDIRECT_URIS", portalRedirectUri);
        identityEnvironment.put("INSTROOM_IDENTITY_SECOND_FACTOR_KEY", identities.secondFactorKey());
        started.add(ChildProcess.start("store-identity", List.of(java(), "-Xmx256m", storeDiagnostics(),
                    "-cp", classpath,
                StoreMain.class.getName(), data.resolve("stores").resolve("identity.mv").toString(), BIND,
                String.valueOf(IDENTITY_STORE_PORT)), Map.of(), logs));
        String bootstrap = BIND + ":" + KAFKA_PORT;
        awaitPort(KAFKA_PORT, Duration.ofSeconds(60), "Kafka broker");
        createTopics(bootstrap);
        for (Service service : SERVICES) {
            awaitPort(service.storePort(), Duration.ofSeconds(30), "store of " + service.name());
        }
        awaitPort(IDENTITY_STORE_PORT, Duration.ofSeconds(30), "store of identity");
        identityEnvironment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        identityEnvironment.put("MONGODB_URI", "mongodb://" + BIND + ":" + IDENTITY_STORE_PORT);
        started.add(ChildProcess.start("identity", jar(serviceJvmOptions("384m"), identityJar),
                identityEnvironment, logs));
        for (int i = 0; i < SERVICES.size(); i++) {
            Service service = SERVICES.get(i);
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            environment.put("MONGODB_URI", "mongodb://" + BIND + ":" + service.storePort());
            environment.put("MONGODB_DATABASE", service.database());
            environment.put("PORT", String.valueOf(service.port()));
            environment.put("SERVER_ADDRESS", BIND);
            environment.put("INSTROOM_SECURITY_ISSUER", issuer);
            if (service.name().equals("stay-interviews")) {
                environment.put("STAY_MASTER_KEY_FILE", stayMasterKeys.toString());
            }
            if (service.name().equals("career-advice")) {
                environment.put("ADVICE_MASTER_KEY_FILE", adviceMasterKey.toString());
            }
            if (service.name().equals("mentoring")) {
                environment.put("MENTORING_MASTER_KEY_FILE", mentoringMasterKeys.toString());
            }
            environment.putAll(extraServiceEnvironment());
            started.add(ChildProcess.start(service.name(), jar(serviceJvmOptions("512m"), jars.get(i)), environment,
                    logs));
        }
        // the portal is optional: a build of only the services still starts a working stack
        Path portalJar = root.resolve("services/portal/target/portal.jar");
        if (Files.isRegularFile(portalJar)) {
            started.add(ChildProcess.start("portal", jar(serviceJvmOptions("256m"), portalJar),
                    portalEnvironment(issuer), logs));
        }
        awaitHealthy("identity", IDENTITY_PORT, startTimeout());
        List<String> secondFactors = identities.ensureSecondFactors(issuer, portalRedirectUri);
        for (Service service : SERVICES) {
            awaitHealthy(service.name(), service.port(), startTimeout());
        }
        if (Files.isRegularFile(portalJar)) {
            awaitHealthy("portal", PORTAL_PORT, startTimeout());
        }
        Duration took = Duration.between(begin, Instant.now());
        DemoData.seedOnce(data, "http://" + BIND + ":" + SERVICES.get(0).port(), issuer, identities,
                portalRedirectUri);
        // mentoring's demo cohort before the living demo: its school leaders' staff links must be on their sign-ups
        // before stay-interviews and scouting publish facts about them, or mentoring never sees those facts
        DemoMentoring.seedOnce(data, "http://" + BIND + ":" + port("mentoring"), issuer, identities,
                portalRedirectUri);
        LivingDemo.seedOnce(data, issuer, identities, portalRedirectUri);
        DemoAdvice.seedOnce(data, "http://" + BIND + ":" + port("career-advice"), issuer, identities,
                portalRedirectUri);
        printSummary(took, credentials, secondFactors);
        watch();
    }

    private static int port(String service) {
        return SERVICES.stream().filter(each -> each.name().equals(service)).findFirst().orElseThrow().port();
    }

    /** The portal signs people in at the identity server and calls the services where this stack runs them. */
    private static Map<String, String> portalEnvironment(String issuer) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", String.valueOf(PORTAL_PORT));
        environment.put("SERVER_ADDRESS", BIND);
        environment.put("INSTROOM_IDENTITY_URL", issuer);
        for (Service service : SERVICES) {
            String variable = "INSTROOM_" + service.name().toUpperCase(java.util.Locale.ROOT).replace('-', '_')
                    + "_URL";
            environment.put(variable, "http://" + BIND + ":" + service.port());
        }
        return environment;
    }

    private void requireFreePorts() {
        List<Integer> ports = new ArrayList<>(List.of(KAFKA_PORT, CONTROLLER_PORT, IDENTITY_PORT,
                IDENTITY_STORE_PORT, PORTAL_PORT));
        SERVICES.forEach(service -> {
            ports.add(service.port());
            ports.add(service.storePort());
        });
        for (int port : ports) {
            if (listening(port)) {
                throw new IllegalStateException("port " + port + " on " + BIND + " is in use: is the stack already "
                        + "running? Stop it (Ctrl-C) or free the port");
            }
        }
    }

    private void createTopics(String bootstrap) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
        try (Admin admin = Admin.create(properties)) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
            for (String topic : Topics.ALL) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        System.out.println("  Kafka broker up on " + bootstrap + " with topics " + Topics.ALL);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BIND, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitPort(int port, Duration timeout, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!listening(port)) {
            failIfAnyDied();
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " is not listening on port " + port);
            }
            Thread.sleep(200);
        }
    }

    private void awaitHealthy(String name, int port, Duration timeout) throws InterruptedException {
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

    private void printSummary(Duration took, List<String> credentials, List<String> secondFactors) {
        StringBuilder out = new StringBuilder("\nInstroom is running (started in " + took.toSeconds() + " s)\n\n");
        out.append(String.format("  %-16s %-34s %s%n", "service", "API", "store"));
        for (Service service : SERVICES) {
            String base = "http://" + BIND + ":" + service.port();
            out.append(String.format("  %-16s %-34s mongodb://%s:%d/%s%n", service.name(), base + "/api", BIND,
                    service.storePort(), service.database()));
        }
        out.append("\n  identity        http://").append(BIND).append(':').append(IDENTITY_PORT)
                .append("  (OpenID discovery: /.well-known/openid-configuration; store mongodb://").append(BIND)
                .append(':').append(IDENTITY_STORE_PORT).append("/identity)\n");
        out.append("  portal          http://").append(BIND).append(':').append(PORTAL_PORT)
                .append("  (web pages; sign in with a demo sign-in below)\n");
        out.append("  Kafka           ").append(BIND).append(':').append(KAFKA_PORT).append('\n');
        out.append("  health          http://").append(BIND).append(":<port>/actuator/health\n");
        out.append("  metrics         http://").append(BIND).append(":<port>/actuator/prometheus\n");
        out.append("  OpenAPI         http://").append(BIND).append(":<port>/v3/api-docs\n");
        out.append("  logs            ").append(logs).append('\n');
        out.append("\nDemo sign-ins (made on the first start, kept in ").append(data.resolve("identity"))
                .append("):\n");
        credentials.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\nEvery person signs in with a second factor too: a code of an authenticator app. Add a demo person's")
                .append(" key to one\n(type it, or open the otpauth address on the phone), or print the current code")
                .append(" with `oathtool --totp -b KEY`:\n");
        secondFactors.forEach(line -> out.append("  ").append(line).append('\n'));
        out.append("\nAn API token for scripts (role INTEGRATION):\n  curl -s -u instroom-integration:<secret> -d ")
                .append("grant_type=client_credentials http://").append(BIND).append(':').append(IDENTITY_PORT)
                .append("/oauth2/token\n");
        out.append("\nPress Ctrl-C to stop; the data is kept for the next start.\n");
        System.out.println(out);
    }

    /** Reports a process that dies while the stack runs, so nobody debugs a half-running stack unknowingly. */
    private void watch() {
        Thread watcher = new Thread(() -> {
            List<String> reported = new ArrayList<>();
            while (!Thread.currentThread().isInterrupted() && !stopping) {
                for (ChildProcess child : List.copyOf(started)) {
                    if (child.alive()) {
                        // started again: a later end is news again
                        reported.remove(child.name());
                    } else if (!stopping && !stoppedOnPurpose.contains(child.name())
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
    public void stop() {
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
