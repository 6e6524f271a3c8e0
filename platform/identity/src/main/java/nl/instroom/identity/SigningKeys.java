package nl.instroom.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The signing keys. New tokens are signed with the newest key; the previous one stays published, so tokens signed
 * before a rotation stay valid until they expire. Keys live in memory: a restart makes new ones and tokens issued
 * before it must be fetched again (they are short-lived).
 */
public class SigningKeys {

    private static final int PUBLISHED = 2;

    private final Clock clock;
    private final List<RSAKey> keys = new ArrayList<>();

    public SigningKeys(Clock clock) {
        this.clock = clock;
        rotate();
    }

    /** Makes a new signing key; the oldest beyond the published ones is dropped. */
    public final synchronized void rotate() {
        try {
            keys.add(0, new RSAKeyGenerator(2048).keyID(clock.instant().toEpochMilli() + "-" + UUID.randomUUID())
                    .generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not make a signing key", e);
        }
        while (keys.size() > PUBLISHED) {
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
