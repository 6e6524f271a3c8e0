package nl.instroom.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The signing keys. New tokens are signed with the newest key; the older ones stay published, so tokens signed
 * before a rotation stay valid until they expire.
 *
 * <p>Two sources. {@linkplain #fromFile From a file} (a Kubernetes Secret): a JWK set shared by every identity pod
 * and kept across restarts — without that, each pod would sign with a key the others do not publish, and every
 * restart would invalidate every token in use. Rotation is then an operator's step (docs/operations.md). {@linkplain
 * #inMemory In memory}, for a local run: made at start and rotated in process.
 */
public class SigningKeys {

    /** RSA keys shorter than this are refused (NIST SP 800-57: 2048 bits is the minimum for RS256 today). */
    static final int MIN_KEY_BITS = 2048;

    private static final int PUBLISHED_IN_MEMORY = 2;

    private final Clock clock;
    private final boolean rotatesItself;
    private final List<RSAKey> keys = new ArrayList<>();

    private SigningKeys(Clock clock, boolean rotatesItself, List<RSAKey> keys) {
        this.clock = clock;
        this.rotatesItself = rotatesItself;
        this.keys.addAll(keys);
    }

    /** Keys made in this process and rotated by it: one pod, and a restart means new keys. */
    public static SigningKeys inMemory(Clock clock) {
        SigningKeys keys = new SigningKeys(clock, true, List.of());
        keys.rotate();
        return keys;
    }

    /**
     * The keys in a JWK set file, newest first: the first signs, all are published. Refuses a file with no key, a
     * key without its private part or id, a repeated id, a key that is not RSA, shorter than {@value #MIN_KEY_BITS}
     * bits or meant for another use or algorithm than RS256 signing — at start, rather than with the first sign-in. Messages name the key id, never key material.
     */
    public static SigningKeys fromFile(Path file) {
        JWKSet set;
        try {
            set = JWKSet.load(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the signing keys file " + file + ": " + e.getMessage(), e);
        } catch (ParseException e) {
            throw new IllegalStateException("The signing keys file " + file + " is not a JWK set (JSON with a "
                    + "\"keys\" array)", e);
        }
        if (set.getKeys().isEmpty()) {
            throw new IllegalStateException("The signing keys file " + file + " holds no key");
        }
        List<RSAKey> keys = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JWK jwk : set.getKeys()) {
            String id = jwk.getKeyID();
            if (id == null || id.isBlank()) {
                throw new IllegalStateException("A key in " + file + " has no key id (\"kid\")");
            }
            if (!ids.add(id)) {
                throw new IllegalStateException("Key id " + id + " appears twice in " + file);
            }
            // the token encoder only takes a key meant for signing with RS256 (or not restricted)
            if (jwk.getKeyUse() != null && !KeyUse.SIGNATURE.equals(jwk.getKeyUse())) {
                throw new IllegalStateException("Key " + id + " in " + file + " is for use '"
                        + jwk.getKeyUse().identifier() + "', not for signing");
            }
            if (jwk.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(jwk.getAlgorithm())) {
                throw new IllegalStateException("Key " + id + " in " + file + " is for " + jwk.getAlgorithm()
                        + "; tokens are signed with RS256");
            }
            if (!(jwk instanceof RSAKey rsa)) {
                throw new IllegalStateException("Key " + id + " in " + file + " is " + jwk.getKeyType()
                        + "; the identity server signs with RSA keys");
            }
            if (!rsa.isPrivate()) {
                throw new IllegalStateException("Key " + id + " in " + file + " has no private part: "
                        + "it cannot sign");
            }
            if (rsa.size() < MIN_KEY_BITS) {
                throw new IllegalStateException("Key " + id + " in " + file + " has " + rsa.size()
                        + " bits; at least " + MIN_KEY_BITS + " are needed");
            }
            keys.add(rsa);
        }
        return new SigningKeys(Clock.systemUTC(), false, keys);
    }

    /** A new RSA signing key with a unique, time-ordered id. */
    static RSAKey newKey(Clock clock) {
        try {
            return new RSAKeyGenerator(MIN_KEY_BITS).keyID(clock.instant().toEpochMilli() + "-" + UUID.randomUUID())
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make a signing key", e);
        }
    }

    /** false when the keys come from a file: then a new key arrives by updating the file and restarting. */
    public boolean rotatesItself() {
        return rotatesItself;
    }

    /** Makes a new signing key; the oldest beyond the published ones is dropped. Only for keys made in memory. */
    public final synchronized void rotate() {
        if (!rotatesItself) {
            throw new IllegalStateException("These signing keys come from a file; rotate them there");
        }
        keys.add(0, newKey(clock));
        while (keys.size() > PUBLISHED_IN_MEMORY) {
            keys.remove(keys.size() - 1);
        }
    }

    /** Only the newest key: what tokens are signed with. */
    public JWKSource<SecurityContext> signing() {
        return (selector, context) -> selector.select(new JWKSet(current()));
    }

    /** Every published key: what the JWKS endpoint shows and tokens are verified with. */
    public JWKSource<SecurityContext> published() {
        return (selector, context) -> selector.select(new JWKSet(List.<JWK>copyOf(all())));
    }

    synchronized RSAKey current() {
        return keys.get(0);
    }

    synchronized List<RSAKey> all() {
        return List.copyOf(keys);
    }
}
