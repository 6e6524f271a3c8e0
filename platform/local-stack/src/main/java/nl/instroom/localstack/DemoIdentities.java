package nl.instroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The demo people and the integration client's secret, made on the first start with random passwords: a coordinator
 * and a talent scout for each demo region (Regio Zwolle, AM36, and Flevoland, AM11: CBS's codes, as in tokens
 * everywhere), HR of one Regio Zwolle school (and, for the living demo, of
 * three more schools: {@link LivingDemo#moreHrSchools}), two admins (erasures and key deletions need a second admin's
 * approval), the Onderwijsloket's adviser, cross-mentoring's programme coordinator and one of its participants. The
 * identity server gets only bcrypt hashes ({@code users.txt}); the plain passwords are kept in
 * {@code demo-credentials.txt} (readable by the owner only) so the stack can print them at every start. Sign-ins
 * made before regions were CBS codes, or before the second admin, are made again.
 *
 * <p>Every demo person signs in with a second factor too. Once the identity server runs, each person's first
 * sign-in enrolls one ({@link #ensureSecondFactors}) and the secret is kept in {@code demo-second-factors.txt}
 * (owner only), so the stack prints it — for an authenticator app — and the end-to-end journeys compute the codes.
 * The identity server seals those secrets with a key the stack makes on the first start
 * ({@code second-factor.key}, owner only).
 */
final class DemoIdentities {

    /** The first admin, who also imports the demo's school locations. */
    static final String ADMIN = "admin";

    /** The second admin, who approves what the first asks (four eyes). */
    static final String SECOND_ADMIN = "admin.two";
    /** The Onderwijsloket's demo adviser (career-advice). */
    static final String ADVISOR = "adviseur.loket";
    /** Cross-mentoring's demo programme coordinator (mentoring). */
    static final String PROGRAMME_COORDINATOR = "programma.coordinator";
    /** A demo school leader in cross-mentoring, whose sign-up carries this username ({@link DemoMentoring}). */
    static final String PARTICIPANT = "deelnemer.schoolleider";

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

    Path secondFactorsFile() {
        return dir.resolve("demo-second-factors.txt");
    }

    Path secondFactorKeyFile() {
        return dir.resolve("second-factor.key");
    }

    /** Makes users and secret on the first start (or when they predate region codes); returns the lines to print. */
    List<String> ensure(String hrSchool) throws IOException {
        if (!Files.exists(credentialsFile()) || !Files.readString(credentialsFile()).contains(INTEGRATION_REGION)
                || !Files.readString(credentialsFile()).contains(SECOND_ADMIN)
                || !Files.readString(credentialsFile()).contains(ADVISOR)
                || !LivingDemo.moreHrSchools().stream().allMatch(school -> credentialsContain(hrUser(school)))
                || !Files.readString(credentialsFile()).contains(PARTICIPANT)
                || !extraCoordinators().stream().allMatch(this::credentialsContain)) {
            Files.createDirectories(dir);
            List<DemoUser> users = new ArrayList<>();
            for (DemoData.DemoRegion region : DemoData.REGIONS) {
                users.add(new DemoUser(region.coordinator(), "COORDINATOR", region.code()));
                users.add(new DemoUser("scout." + region.name(), "TALENT_SCOUT", region.code()));
            }
            for (String region : extraRegions()) {
                users.add(new DemoUser(extraCoordinator(region), "COORDINATOR", region));
            }
            users.add(new DemoUser(hrUser(hrSchool), "SCHOOL_HR", hrSchool));
            // HR of more schools, for the living demo's stay-gesprekken; after the first, so it stays "the" demo HR
            for (String school : LivingDemo.moreHrSchools()) {
                users.add(new DemoUser(hrUser(school), "SCHOOL_HR", school));
            }
            users.add(new DemoUser(ADMIN, "ADMIN", ""));
            users.add(new DemoUser(SECOND_ADMIN, "ADMIN", ""));
            users.add(new DemoUser(ADVISOR, "ADVISOR", ""));
            users.add(new DemoUser(PROGRAMME_COORDINATOR, "PROGRAMME_COORDINATOR", ""));
            users.add(new DemoUser(PARTICIPANT, "MENTORING_PARTICIPANT", ""));
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
            ownerOnly(credentialsFile());
            // new people: their second factors are enrolled afresh
            Files.deleteIfExists(secondFactorsFile());
        }
        return Files.readAllLines(credentialsFile());
    }

    /**
     * Regions beyond the demo regions that get a coordinator too, from
     * {@code -Dinstroom.stack.extra-coordinators=AM22,AM08} (CBS codes): the national benchmark reads the ranking as
     * the coordinator of a region larger than either demo region. None unless set.
     */
    static List<String> extraRegions() {
        List<String> regions = new ArrayList<>();
        for (String code : System.getProperty("instroom.stack.extra-coordinators", "").split(",")) {
            if (code.trim().matches("AM[0-9]{2}")) {
                regions.add(code.trim());
            }
        }
        return regions;
    }

    /** The username of an extra region's coordinator: {@code coordinator.am22}. */
    static String extraCoordinator(String region) {
        return "coordinator." + region.toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> extraCoordinators() {
        return extraRegions().stream().map(DemoIdentities::extraCoordinator).toList();
    }

    /** The demo HR person of a school. */
    static String hrUser(String school) {
        return "hr." + school.toLowerCase(java.util.Locale.ROOT);
    }

    private boolean credentialsContain(String username) {
        try {
            return Files.readAllLines(credentialsFile()).stream().anyMatch(line -> line.startsWith(username + " "));
        } catch (IOException e) {
            return false;
        }
    }

    /** The key that seals second-factor secrets in the identity server's store, made on the first start. */
    String secondFactorKey() throws IOException {
        if (!Files.exists(secondFactorKeyFile())) {
            Files.createDirectories(dir);
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.writeString(secondFactorKeyFile(), Base64.getEncoder().encodeToString(key));
            ownerOnly(secondFactorKeyFile());
        }
        return Files.readString(secondFactorKeyFile()).strip();
    }

    /**
     * Enrolls the second factor of every demo person who has none yet, by their first sign-in at the running
     * identity server; returns the lines to print (username, secret, the {@code otpauth://} address).
     */
    List<String> ensureSecondFactors(String issuer, String portalRedirectUri) throws IOException,
            InterruptedException {
        Map<String, String> secrets = secondFactorSecrets();
        for (String line : Files.readAllLines(credentialsFile())) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 4 && !secrets.containsKey(fields[0])) {
                secrets.put(fields[0], new DemoSignIn(issuer, portalRedirectUri).enroll(fields[0], fields[3]));
                Files.write(secondFactorsFile(), secrets.entrySet().stream()
                        .map(entry -> entry.getKey() + " " + entry.getValue()).toList());
                ownerOnly(secondFactorsFile());
            }
        }
        return secrets.entrySet().stream().map(entry -> String.format("%-22s %s  otpauth://totp/Instroom:%s"
                + "?secret=%s&issuer=Instroom", entry.getKey(), entry.getValue(), entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The second-factor secret of a demo person, as enrolled on the first start. */
    String secondFactorSecret(String username) throws IOException {
        String secret = secondFactorSecrets().get(username);
        if (secret == null) {
            throw new IllegalStateException(secondFactorsFile() + " has no " + username);
        }
        return secret;
    }

    private Map<String, String> secondFactorSecrets() throws IOException {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (Files.exists(secondFactorsFile())) {
            for (String line : Files.readAllLines(secondFactorsFile())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length == 2) {
                    secrets.put(fields[0], fields[1]);
                }
            }
        }
        return secrets;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays in the user's own data folder.
        }
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
