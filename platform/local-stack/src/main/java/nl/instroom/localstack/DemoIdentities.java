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
 * The demo people and the integration client's secret, made on the first start with random passwords: a coordinator
 * and a talent scout for each demo region (Regio Zwolle, AM36, and Flevoland, AM11: CBS's codes, as in tokens
 * everywhere), HR of one Regio Zwolle school, an admin. The identity server gets only bcrypt hashes
 * ({@code users.txt}); the plain passwords are kept in {@code demo-credentials.txt} (readable by the owner only) so
 * the stack can print them at every start. Sign-ins made before regions were CBS codes are made again.
 */
final class DemoIdentities {

    /** The region the integration client's tokens name: the first demo region. */
    static final String INTEGRATION_REGION = DemoData.REGIONS.get(0).code();

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

    /** Makes users and secret on the first start (or when they predate region codes); returns the lines to print. */
    List<String> ensure(String hrSchool) throws IOException {
        if (!Files.exists(credentialsFile()) || !Files.readString(credentialsFile()).contains(INTEGRATION_REGION)) {
            Files.createDirectories(dir);
            List<DemoUser> users = new ArrayList<>();
            for (DemoData.DemoRegion region : DemoData.REGIONS) {
                users.add(new DemoUser(region.coordinator(), "COORDINATOR", region.code()));
                users.add(new DemoUser("scout." + region.name(), "TALENT_SCOUT", region.code()));
            }
            users.add(new DemoUser("hr." + hrSchool.toLowerCase(), "SCHOOL_HR", hrSchool));
            users.add(new DemoUser("admin", "ADMIN", ""));
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
            plain.add(String.format("%-22s %-14s %-14s %s", "instroom-integration", "INTEGRATION", INTEGRATION_REGION,
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

    /** The password of a demo person, as written on the first start. */
    String password(String username) throws IOException {
        return Files.readAllLines(credentialsFile()).stream().map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length == 4 && fields[0].equals(username)).map(fields -> fields[3])
                .findFirst().orElseThrow(() -> new IllegalStateException(credentialsFile() + " has no " + username));
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
