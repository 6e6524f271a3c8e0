package nl.instroom.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.instroom.localstack.LocalStack;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.PkceSignIn;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.web.client.RestClient;

/**
 * The whole local stack, started once for all journeys from the jars of this build, with a fresh data folder, and
 * stopped when the test run ends. Signs in the demo users the way the portal does (authorization code + PKCE, the
 * password and a code of the second factor the stack enrolled for them).
 */
public final class RunningStack implements BeforeAllCallback, AutoCloseable {

    public static final int NEED_MAPPING = 8081;
    public static final int TUTORING = 8082;
    public static final int SCOUTING = 8083;
    public static final int STAY_INTERVIEWS = 8084;
    public static final int CAREER_ADVICE = 8085;
    public static final int MENTORING = 8086;
    public static final int IDENTITY = 9000;
    public static final String REGION = "AM36";

    private static LocalStack stack;
    private static final Map<String, String> TOKENS = new HashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningStack.class) {
            if (stack == null) {
                Path root = Path.of(System.getProperty("instroom.root", "../.."));
                Path data = Path.of(System.getProperty("instroom.e2e.data", "target/e2e-stack"));
                deleteRecursively(data);
                stack = LocalStack.startIn(root, data);
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(RunningStack.class.getName(), this);
            }
        }
    }

    @Override
    public void close() {
        synchronized (RunningStack.class) {
            if (stack != null) {
                stack.stop();
                stack = null;
            }
        }
    }

    /**
     * The running stack itself: its data folder, and for the fault suite the stack whose parts
     * {@link nl.instroom.localstack.StackFaults} kills and restarts.
     */
    public static LocalStack stack() {
        return stack;
    }

    public static RestClient as(String role, int port) {
        return ApiClient.as(token(role), port);
    }

    /** A client for the demo person of this username (e.g. {@code coordinator.flevoland}). */
    public static RestClient asUser(String username, int port) {
        return ApiClient.as(tokenOf(username), port);
    }

    /** The access token of a demo person by username. */
    public static synchronized String tokenOf(String username) {
        return TOKENS.computeIfAbsent("user:" + username, u -> {
            try {
                String[] user = demoUserNamed(username);
                return new PkceSignIn("http://127.0.0.1:" + IDENTITY).accessToken(user[0], user[3],
                        secondFactorSecret(user[0]));
            } catch (Exception e) {
                throw new IllegalStateException("Sign-in of " + username + " failed", e);
            }
        });
    }

    /**
     * The access token of the first demo user with this role (COORDINATOR, TALENT_SCOUT, SCHOOL_HR, ADMIN): for
     * coordinators and scouts, Regio Zwolle's.
     */
    public static synchronized String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> {
            try {
                String[] user = demoUser(r);
                return new PkceSignIn("http://127.0.0.1:" + IDENTITY).accessToken(user[0], user[3],
                        secondFactorSecret(user[0]));
            } catch (Exception e) {
                throw new IllegalStateException("Sign-in of the demo " + r + " failed", e);
            }
        });
    }

    /**
     * The second-factor secret of a demo person, which the stack enrolled on its first start: the journeys play
     * the person's authenticator app with it ({@link nl.instroom.testing.TotpCodes}).
     */
    public static String secondFactorSecret(String username) {
        try {
            return Files.readAllLines(stack.data().resolve("identity/demo-second-factors.txt")).stream()
                    .map(line -> line.trim().split("\\s+")).filter(f -> f.length == 2 && f[0].equals(username))
                    .map(f -> f[1]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No second factor for demo user " + username));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The school of the demo school-HR user. */
    public static String hrSchool() {
        return demoUser("SCHOOL_HR")[2];
    }

    /** A line of the demo credentials: username, role, scope, password. */
    static String[] demoUser(String role) {
        try {
            List<String> lines = Files.readAllLines(stack.data().resolve("identity/demo-credentials.txt"));
            return lines.stream().map(line -> line.trim().split("\\s+")).filter(f -> f.length == 4 && f[1].equals(role))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No demo user with role " + role));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line of the demo credentials by username: username, role, scope, password. */
    static String[] demoUserNamed(String username) {
        try {
            return Files.readAllLines(stack.data().resolve("identity/demo-credentials.txt")).stream()
                    .map(line -> line.trim().split("\\s+")).filter(f -> f.length == 4 && f[0].equals(username))
                    .findFirst().orElseThrow(() -> new IllegalStateException("No demo user " + username));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
