package nl.instroom.identity;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a JWK set for {@code instroom.identity.signing-keys-file}: a new RSA signing key first, then the keys of
 * an existing file (if one is given) — the rotation step of docs/operations.md. Keep at most {@code keep} keys
 * (default 2): the older ones are still published so tokens they signed stay valid until they expire.
 *
 * <pre>java -Dloader.main=nl.instroom.identity.NewSigningKey -cp identity.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher [current-keys.json] [keep]</pre>
 */
public final class NewSigningKey {

    private NewSigningKey() {
    }

    public static void main(String[] args) throws IOException, ParseException {
        Path current = args.length > 0 ? Path.of(args[0]) : null;
        int keep = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.out.println(withNewKey(current == null ? null : Files.readString(current), keep, Clock.systemUTC()));
    }

    /** The JSON of a JWK set: a new key, then up to {@code keep - 1} keys of the current set, private parts kept. */
    static String withNewKey(String currentJson, int keep, Clock clock) throws ParseException {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be at least 1");
        }
        List<JWK> keys = new ArrayList<>();
        keys.add(SigningKeys.newKey(clock));
        if (currentJson != null) {
            for (JWK existing : JWKSet.parse(currentJson).getKeys()) {
                if (keys.size() < keep) {
                    keys.add(existing);
                }
            }
        }
        return new JWKSet(keys).toString(false);
    }
}
