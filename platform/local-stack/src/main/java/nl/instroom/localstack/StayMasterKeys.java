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
 * The local stack's master keys: stay-interviews' ({@link #ensure}) and career-advice's ({@link #adviceMasterKey}).
 *
 * <p>The local stack's master key for stay-interviews, made on the first start like the demo passwords: a random key in
 * a file only the owner reads, passed as {@code STAY_MASTER_KEY_FILE} — the service has no key of its own and does
 * not start without one. A stack whose stay-interviews store predates the file gets the development key earlier
 * versions used as a previous key, so its school keys are wrapped with the new key at the next start; that key
 * never wraps again (the service refuses it as current).
 */
final class StayMasterKeys {

    /** What earlier versions fell back to; published in the repository's history. */
    private static final String EARLIER_DEVELOPMENT_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE=";

    private StayMasterKeys() {
    }

    /** The key file under {@code data}, made when missing; {@code existingStore} is the service's store file. */
    static Path ensure(Path data, Path existingStore) throws IOException {
        Path file = data.resolve("secrets").resolve("stay-master-keys");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        List<String> lines = new ArrayList<>(List.of(
                "# Master keys of the local stack's stay-interviews: '<id> <base64 of 32 random bytes>', current first.",
                "local-1 " + Base64.getEncoder().encodeToString(key)));
        if (Files.exists(existingStore)) {
            lines.add("development " + EARLIER_DEVELOPMENT_KEY);
        }
        Files.write(file, lines);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays in the user's own data folder.
        }
        return file;
    }

    /**
     * career-advice's master key (one base64 line, passed as {@code ADVICE_MASTER_KEY_FILE}), made on the first start
     * in a file only the owner reads; the service does not start without one.
     */
    static Path adviceMasterKey(Path data) throws IOException {
        Path file = data.resolve("secrets").resolve("advice-master-key");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.write(file, List.of("# career-advice's master key in the local stack: base64 of 32 random bytes.",
                Base64.getEncoder().encodeToString(key)));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays in the user's own data folder.
        }
        return file;
    }
}
