package nl.instroom.sealing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The master keys that wrap a service's data keys, read once at start from a file the platform mounts (a Kubernetes
 * or Docker secret; the local stack makes one): one key per line, {@code <id> <base64 of 32 random bytes>}, the
 * first line the <em>current</em> key (it wraps), the others previous keys (they only unwrap, until every data key
 * is wrapped again). Lines starting with {@code #} are comments. Nothing is built in: without a file of valid keys,
 * or with a published or trivial current key, the service does not start.
 *
 * <p>A data key is wrapped bound to what the service says it belongs to (its scope: e.g. a school and the key's id)
 * and to the id of the wrapping master key; the stored {@link WrappedKey} names that id, so rotation knows which
 * keys still need the new master key, and a key wrapped by a master key the file lacks fails loudly
 * ({@link UnknownMasterKeyException}).
 */
public final class MasterKeys {

    /** One master key and the id every data key it wraps records. Its material never shows in a log. */
    public record MasterKey(String id, SecretKey key) {

        @Override
        public String toString() {
            return "MasterKey[" + id + "]";
        }
    }

    /**
     * The development key earlier versions of stay-interviews fell back to. It is in the repository's history, so it
     * protects nothing: it may stay in a file as a previous key, to unwrap old keys once, but never wrap again.
     */
    public static final String PUBLISHED_DEVELOPMENT_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE=";

    private static final String ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";

    private final List<MasterKey> keys;
    private final Map<String, MasterKey> byId = new LinkedHashMap<>();

    private MasterKeys(List<MasterKey> keys) {
        this.keys = List.copyOf(keys);
        keys.forEach(key -> byId.put(key.id(), key));
    }

    /**
     * Reads the file at {@code location}: a path, {@code file:<path>}, or {@code classpath:<resource>} for tests.
     * {@code setting} names the configuration that sets it (e.g. {@code STAY_MASTER_KEY_FILE}), for the message that
     * stops a start without one.
     */
    public static MasterKeys read(String location, String setting) {
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("No master key: set " + setting + " to the mounted file of master keys "
                    + "('<id> <base64 of 32 random bytes>' per line, the current key first); the service keeps no "
                    + "sealed personal data without one and does not start");
        }
        String text;
        try {
            if (location.startsWith("classpath:")) {
                text = classpath(location.substring("classpath:".length()));
            } else {
                String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
                text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException("The master key file " + location + " (" + setting + ") cannot be read: "
                    + e.getMessage(), e);
        }
        return parse(text, location);
    }

    /** The keys in {@code text}; {@code where} names it in messages. Refuses anything but valid, real keys. */
    public static MasterKeys parse(String text, String where) {
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
            if (bytes.length != AesGcm.KEY_BYTES) {
                throw new IllegalStateException(where + " line " + lineNumber + ": a master key is "
                        + AesGcm.KEY_BYTES + " random bytes, base64 (openssl rand -base64 32), not " + bytes.length);
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
        if (MessageDigest.isEqual(current, Base64.getDecoder().decode(PUBLISHED_DEVELOPMENT_KEY)) || allSame(current)) {
            throw new IllegalStateException(where + ": the current master key (first line, " + keys.get(0).id()
                    + ") is a published or trivial key; make one with openssl rand -base64 32");
        }
        return new MasterKeys(keys);
    }

    /** The key that wraps new and re-wrapped data keys. */
    public MasterKey current() {
        return keys.get(0);
    }

    /** The configured key of this id. */
    public Optional<MasterKey> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Every configured key, the current one first. */
    public List<MasterKey> all() {
        return keys;
    }

    /**
     * Stops a start when stored keys name master keys the file lacks (call it with the distinct ids the key store
     * holds); {@code what} says which keys, e.g. "School keys are".
     */
    public void requireAll(Collection<String> masterKeyIds, String what) {
        Set<String> unknown = new LinkedHashSet<>();
        masterKeyIds.stream().filter(id -> !byId.containsKey(id)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            throw new UnknownMasterKeyException(unknown, what);
        }
    }

    /** The data key wrapped by the current master key, bound to {@code scope} and to that master key's id. */
    public WrappedKey wrap(SecretKey dataKey, String... scope) {
        MasterKey master = current();
        return new WrappedKey(master.id(), Base64.getEncoder().encodeToString(
                AesGcm.seal(master.key(), dataKey.getEncoded(), bindingOf(master.id(), scope))));
    }

    /**
     * The data key, opened with the master key it names and the same scope it was wrapped with. Fails loudly —
     * {@link UnknownMasterKeyException} when the master key is not configured, {@link IllegalStateException} when
     * the wrapping does not open (changed, or moved to another scope) — rather than let a caller take a key it
     * cannot open for a deleted one.
     */
    public SecretKey unwrap(WrappedKey wrapped, String... scope) {
        MasterKey master = byId(wrapped.masterKeyId()).orElseThrow(() -> new UnknownMasterKeyException(
                List.of(wrapped.masterKeyId()), "A data key is"));
        try {
            return AesGcm.key(AesGcm.open(master.key(), Base64.getDecoder().decode(wrapped.wrapped()),
                    bindingOf(master.id(), scope)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A data key (scope " + String.join("/", scope) + ") does not open with "
                    + "master key " + master.id() + ": it was changed or belongs elsewhere", e);
        }
    }

    /** The key wrapped again by the current master key, or empty when the current one wraps it already. */
    public Optional<WrappedKey> rewrap(WrappedKey wrapped, String... scope) {
        if (current().id().equals(wrapped.masterKeyId())) {
            return Optional.empty();
        }
        return Optional.of(wrap(unwrap(wrapped, scope), scope));
    }

    /** The scope, then the master key's id: a wrapping moved to another key id or master key does not open. */
    private static byte[] bindingOf(String masterKeyId, String... scope) {
        String[] parts = new String[scope.length + 1];
        System.arraycopy(scope, 0, parts, 0, scope.length);
        parts[scope.length] = masterKeyId;
        return Aad.of(parts);
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
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : MasterKeys.class.getClassLoader())
                .getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
