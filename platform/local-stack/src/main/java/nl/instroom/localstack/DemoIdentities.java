package nl.instroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The demo people of Regio Zwolle and the integration client's secret, made on the first start with random
 * passwords. The identity server gets only bcrypt hashes ({@code users.txt}); the plain passwords are kept in
 * {@code demo-credentials.txt} (readable by the owner only) so the stack can print them at every start.
 */
final class DemoIdentities {

    static final String REGION = "REGIO_ZWOLLE";

    /** One demo person: a username, a role and the region or school it applies to. */
    record DemoUser(String username, String role, String scope) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final Path dir;

    DemoIdentities(Path data) {
        this.dir = data.resolve("identity");
    }

    Path usersFile() {
        return dir.resolve("users.txt");
    }

    Path credentialsFile() {
        return dir.resolve("demo-credentials.txt");
    }

    /** Makes users and secret on the first start; returns the lines to print. */
    List<String> ensure(String hrSchool) throws IOException {
        if (!Files.exists(credentialsFile())) {
            Files.createDirectories(dir);
            List<DemoUser> users = List.of(new DemoUser("coordinator.zwolle", "COORDINATOR", REGION),
                    new DemoUser("scout.zwolle", "TALENT_SCOUT", REGION),
                    new DemoUser("hr." + hrSchool.toLowerCase(), "SCHOOL_HR", hrSchool),
                    new DemoUser("admin", "ADMIN", ""));
            BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
            List<String> hashed = new ArrayList<>(List.of("# Demo users of the local stack: username|hash|role|scope"));
            List<String> plain = new ArrayList<>();
            for (DemoUser user : users) {
                String password = randomSecret(16);
                hashed.add(user.username() + "|{bcrypt}" + bcrypt.encode(password) + "|" + user.role() + "|"
                        + user.scope());
                plain.add(String.format("%-22s %-14s %-14s %s", user.username(), user.role(),
                        user.scope().isEmpty() ? "-" : user.scope(), password));
            }
            plain.add(String.format("%-22s %-14s %-14s %s", "instroom-integration", "INTEGRATION", REGION,
                    "secret " + randomSecret(32)));
            Files.write(usersFile(), hashed);
            Files.write(credentialsFile(), plain);
            try {
                Files.setPosixFilePermissions(credentialsFile(), PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays in the user's own data folder.
            }
        }
        return Files.readAllLines(credentialsFile());
    }

    /** The integration client's secret, as written on the first start. */
    String integrationSecret() throws IOException {
        return Files.readAllLines(credentialsFile()).stream().filter(line -> line.startsWith("instroom-integration"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst()
                .orElseThrow(() -> new IllegalStateException(credentialsFile() + " has no integration secret"));
    }

    private static String randomSecret(int length) {
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < length; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }
}
