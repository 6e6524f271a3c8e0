package nl.instroom.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The local stack's master key files, one per service that seals personal data (stay-interviews, career-advice,
 * mentoring), made on the first start like the demo passwords: a random key in a file only the owner reads, in the
 * format of the platform's sealing library ({@code <id> <base64 of 32 random bytes>} per line, the current key first)
 * — the services have no key of their own and do not start without one.
 */
final class MasterKeyFiles {

    /** What earlier versions of stay-interviews fell back to; published in the repository's history. */
    private static final String EARLIER_DEVELOPMENT_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE=";

    private MasterKeyFiles() {
    }

    /**
     * stay-interviews' file ({@code STAY_MASTER_KEY_FILE}), made when missing; {@code existingStore} is the service's
     * store file. A stack whose store predates the file gets the development key earlier versions used as a previous
     * key, so its school keys are wrapped with the new key at the next start; that key never wraps again (the
     * service refuses it as current).
     */
    static Path stayInterviews(Path data, Path existingStore) throws IOException {
        Path file = data.resolve("secrets").resolve("stay-master-keys");
        if (Files.isRegularFile(file)) {
            return file;
        }
        List<String> lines = new ArrayList<>(List.of(header("stay-interviews"), "local-1 " + randomKey()));
        if (Files.exists(existingStore)) {
            lines.add("development " + EARLIER_DEVELOPMENT_KEY);
        }
        return write(file, lines);
    }

    /**
     * career-advice's file ({@code ADVICE_MASTER_KEY_FILE}), made when missing. A file of the earlier format (one
     * base64 line without an id) gets the id {@code local-1}, keeping its key.
     */
    static Path careerAdvice(Path data) throws IOException {
        Path file = data.resolve("secrets").resolve("advice-master-key");
        if (Files.isRegularFile(file)) {
            List<String> keys = Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
            if (keys.size() == 1 && !keys.get(0).contains(" ")) {
                return write(file, List.of(header("career-advice"), "local-1 " + keys.get(0)));
            }
            return file;
        }
        return write(file, List.of(header("career-advice"), "local-1 " + randomKey()));
    }

    /** mentoring's file ({@code MENTORING_MASTER_KEY_FILE}), made when missing. */
    static Path mentoring(Path data) throws IOException {
        Path file = data.resolve("secrets").resolve("mentoring-master-keys");
        if (Files.isRegularFile(file)) {
            return file;
        }
        return write(file, List.of(header("mentoring"), "local-1 " + randomKey()));
    }

    private static String header(String service) {
        return "# Master keys of the local stack's " + service + ": '<id> <base64 of 32 random bytes>', current first.";
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static Path write(Path file, List<String> lines) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays in the user's own data folder.
        }
        return file;
    }
}
