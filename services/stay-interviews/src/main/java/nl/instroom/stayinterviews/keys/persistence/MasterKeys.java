package nl.instroom.stayinterviews.keys.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap the school keys, read once at start from a file the platform mounts (a Kubernetes or
 * Docker secret): one key per line, {@code <id> <base64 of 32 random bytes>}, the first line the current key (it
 * wraps), the others previous keys (they only unwrap, until every school key is wrapped again). Lines starting with
 * {@code #} are comments. Nothing is built in: without a valid file the service does not start.
 */
final class MasterKeys {

    /** One master key and the id every school key it wraps records. */
    record MasterKey(String id, SecretKey key) {

        @Override
        public String toString() {
            return "MasterKey[" + id + "]";
        }
    }

    /**
     * The development key earlier versions fell back to. It is in the repository's history, so it protects
     * nothing: it may stay in a file as a previous key, to unwrap old school keys once, but never wrap again.
     */
    static final String PUBLISHED_DEVELOPMENT_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE=";

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    private static final int KEY_BYTES = 32;

    private final List<MasterKey> keys;
    private final Map<String, MasterKey> byId = new LinkedHashMap<>();

    private MasterKeys(List<MasterKey> keys) {
        this.keys = List.copyOf(keys);
        keys.forEach(key -> byId.put(key.id(), key));
    }

    /**
     * Reads the file at {@code location}: a path, or {@code classpath:…} for tests. Refuses to start on anything
     * but a file of valid keys whose current key is a real one.
     */
    static MasterKeys read(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("No master key: set STAY_MASTER_KEY_FILE (instroom.stay.master-key-file) "
                    + "to the mounted file of master keys (docs/stay-interviews.md); stay-interviews does not start "
                    + "without one");
        }
        String text;
        try {
            text = location.startsWith("classpath:") ? classpath(location.substring("classpath:".length()))
                    : Files.readString(Path.of(location), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The master key file " + location + " cannot be read: " + e.getMessage(),
                    e);
        }
        return parse(text, location);
    }

    static MasterKeys parse(String text, String where) {
        List<MasterKey> keys = new ArrayList<>();
        Set<String> material = new HashSet<>();
        int lineNumber = 0;
        for (String raw : text.split("\\R")) {
            lineNumber++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 2 || !fields[0].matches(ID)) {
                throw new IllegalStateException(where + " line " + lineNumber + ": expected '<id> <base64 key>', "
                        + "the id of letters, digits, '.', '_' or '-' (at most 40)");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(fields[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + " line " + lineNumber + ": the key is not base64");
            }
            if (bytes.length != KEY_BYTES) {
                throw new IllegalStateException(where + " line " + lineNumber + ": a master key is " + KEY_BYTES
                        + " random bytes, base64 (openssl rand -base64 32), not " + bytes.length);
            }
            if (keys.stream().anyMatch(key -> key.id().equals(fields[0]))) {
                throw new IllegalStateException(where + " line " + lineNumber + ": master key id " + fields[0]
                        + " is used twice");
            }
            if (!material.add(Base64.getEncoder().encodeToString(bytes))) {
                throw new IllegalStateException(where + " line " + lineNumber + ": the same key is listed twice");
            }
            keys.add(new MasterKey(fields[0], new SecretKeySpec(bytes, "AES")));
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(where + " holds no master key");
        }
        byte[] current = keys.get(0).key().getEncoded();
        if (MessageDigest.isEqual(current, Base64.getDecoder().decode(PUBLISHED_DEVELOPMENT_KEY))
                || allSame(current)) {
            throw new IllegalStateException(where + ": the current master key (first line, " + keys.get(0).id()
                    + ") is a published or trivial key; make one with openssl rand -base64 32");
        }
        return new MasterKeys(keys);
    }

    private static boolean allSame(byte[] bytes) {
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return true;
    }

    private static String classpath(String resource) throws IOException {
        try (InputStream in = MasterKeys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The key that wraps new and re-wrapped school keys. */
    MasterKey current() {
        return keys.get(0);
    }

    Optional<MasterKey> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every configured key, the current one first. */
    List<MasterKey> all() {
        return keys;
    }
}
