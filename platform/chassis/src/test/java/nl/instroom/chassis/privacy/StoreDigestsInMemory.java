package nl.instroom.chassis.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed digests under a key held in memory, for the services' use-case tests without a store. {@link StoreDigests}
 * keeps its key in the store, as a class on MongoTemplate rather than a port, so this double extends it (with no
 * template) and digests as it does: the same text gives the same digest, another text another.
 */
public final class StoreDigestsInMemory extends StoreDigests {

    private final SecretKeySpec key = new SecretKeySpec("use-case-tests-only".getBytes(StandardCharsets.UTF_8),
            "HmacSHA256");

    public StoreDigestsInMemory() {
        super(null);
    }

    @Override
    public String of(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
