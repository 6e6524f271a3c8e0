package nl.instroom.localstack;

import static nl.instroom.localstack.StackPorts.BIND;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each process of the stack is started with: its command line (JVM options) and its environment, the same
 * variables the services read in docker-compose and Kubernetes. The system properties that tune a run for
 * measurements are read here and nowhere else.
 */
final class StackEnvironment {

    /**
     * For measurements: Flight Recorder keeps 64 frames of a stack by default, and a store call from a service (the
     * driver, Spring Data, the codecs) is deeper than that, so a profile could not say which of the service's own
     * methods made it. Costs nothing until a recording runs.
     */
    private static final String DEEP_PROFILE_STACKS = "-XX:FlightRecorderOptions:stackdepth=256";

    private StackEnvironment() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * JVM options for the services and the identity server on a developer's machine: the client compiler only and
     * the serial collector start five JVMs on two cores in about half the time. Run with
     * {@code -Dinstroom.jvm.fast-start=false} for measurements, which want the optimising compiler.
     */
    static List<String> serviceJvmOptions(String heap) {
        List<String> options = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        if (fastStart()) {
            options.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        } else {
            options.add(DEEP_PROFILE_STACKS);
        }
        return options;
    }

    /** The command that runs a service's (or the identity server's, or the portal's) executable jar. */
    static List<String> jar(String heap, Path jar) {
        List<String> command = new ArrayList<>(serviceJvmOptions(heap));
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /**
     * The command that runs one store on its file. Passes {@code -Dinstroom.store.report-scans} on (performance work:
     * which queries scan).
     */
    static List<String> store(String classpath, String mainClass, Path file, int port) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m",
                "-Dinstroom.store.report-scans=" + Boolean.getBoolean("instroom.store.report-scans")));
        if (!fastStart()) {
            command.add(DEEP_PROFILE_STACKS);
        }
        command.addAll(List.of("-cp", classpath, mainClass, file.toString(), BIND, String.valueOf(port)));
        return command;
    }

    /**
     * How long a service may take to become healthy: with the optimising compiler (fast start off, for measurements)
     * eleven JVMs starting side by side on two cores need about twice as long.
     */
    static Duration startTimeout() {
        return Duration.ofSeconds(Long.getLong("instroom.stack.start-timeout-seconds", fastStart() ? 150 : 360));
    }

    private static boolean fastStart() {
        return Boolean.parseBoolean(System.getProperty("instroom.jvm.fast-start", "true"));
    }

    /**
     * Extra environment for the services, from {@code -Dinstroom.stack.service-env=NAME=value,NAME=value}: lets a
     * benchmark turn tracing off or lift the per-caller write limit without another way of starting the stack.
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

    /** The identity server: its users file and secrets from the demo identities, its store, the portal's redirect. */
    static Map<String, String> identity(DemoIdentities identities) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", String.valueOf(StackPorts.IDENTITY_PORT));
        environment.put("SERVER_ADDRESS", BIND);
        environment.put("INSTROOM_IDENTITY_ISSUER", StackPorts.issuer());
        environment.put("INSTROOM_IDENTITY_USERS_FILE", identities.usersFile().toString());
        environment.put("INSTROOM_IDENTITY_INTEGRATION_CLIENT_SECRET", identities.integrationSecret());
        environment.put("INSTROOM_IDENTITY_INTEGRATION_REGION", DemoIdentities.INTEGRATION_REGION);
        environment.put("INSTROOM_IDENTITY_PORTAL_REDIRECT_URIS", StackPorts.portalRedirectUri());
        environment.put("INSTROOM_IDENTITY_SECOND_FACTOR_KEY", identities.secondFactorKey());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", StackPorts.kafkaBootstrap());
        environment.put("MONGODB_URI", "mongodb://" + BIND + ":" + StackPorts.IDENTITY_STORE_PORT);
        return environment;
    }

    /**
     * A service: the broker, its own store and database, the issuer it trusts, and the master key file of a service
     * that seals personal data ({@code masterKeyFiles} by service name).
     */
    static Map<String, String> service(StackPorts.Service service, Map<String, Path> masterKeyFiles) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", StackPorts.kafkaBootstrap());
        environment.put("MONGODB_URI", "mongodb://" + BIND + ":" + service.storePort());
        environment.put("MONGODB_DATABASE", service.database());
        environment.put("PORT", String.valueOf(service.port()));
        environment.put("SERVER_ADDRESS", BIND);
        environment.put("INSTROOM_SECURITY_ISSUER", StackPorts.issuer());
        Path masterKeys = masterKeyFiles.get(service.name());
        if (masterKeys != null) {
            environment.put(masterKeyVariable(service.name()), masterKeys.toString());
        }
        environment.putAll(extraServiceEnvironment());
        return environment;
    }

    /** {@code STAY_MASTER_KEY_FILE}, {@code ADVICE_MASTER_KEY_FILE}, {@code MENTORING_MASTER_KEY_FILE}. */
    private static String masterKeyVariable(String service) {
        return switch (service) {
            case "stay-interviews" -> "STAY_MASTER_KEY_FILE";
            case "career-advice" -> "ADVICE_MASTER_KEY_FILE";
            default -> service.toUpperCase(Locale.ROOT).replace('-', '_') + "_MASTER_KEY_FILE";
        };
    }

    /** The portal signs people in at the identity server and calls the services where this stack runs them. */
    static Map<String, String> portal() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PORT", String.valueOf(StackPorts.PORTAL_PORT));
        environment.put("SERVER_ADDRESS", BIND);
        environment.put("INSTROOM_IDENTITY_URL", StackPorts.issuer());
        for (StackPorts.Service service : StackPorts.SERVICES) {
            String variable = "INSTROOM_" + service.name().toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
            environment.put(variable, service.url());
        }
        return environment;
    }
}
