package nl.instroom.testing;

import static org.awaitility.Awaitility.await;

import com.bastiaanjansen.otp.TOTPGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays a person's authenticator app in tests: the current TOTP code of a secret (RFC 6238, 30-second steps, six
 * digits, by the otp-java library the identity server uses). The identity server takes each step's code once, and a
 * neighbouring step's too; so this remembers the last step it gave per secret and gives the next one, waiting (never
 * more than one step) only when a third sign-in of the same person falls within one half minute.
 */
public final class TotpCodes {

    private static final long STEP_SECONDS = 30;
    private static final Map<String, Long> LAST_GIVEN = new ConcurrentHashMap<>();

    private TotpCodes() {
    }

    /**
     * A code the server has not seen from this JVM yet. When the server refuses it (another process used that step
     * for the same person), the next call gives the following step's.
     */
    public static String next(String secret) {
        String key = normalise(secret);
        long step = Math.max(currentStep(), LAST_GIVEN.getOrDefault(key, Long.MIN_VALUE) + 1);
        if (step > currentStep() + 1) {
            await().atMost(Duration.ofSeconds(STEP_SECONDS + 5)).pollInterval(Duration.ofMillis(200))
                    .until(() -> currentStep() + 1 >= step);
        }
        LAST_GIVEN.merge(key, step, Math::max);
        return at(key, step);
    }

    static String at(String secret, long step) {
        return new TOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII)).build()
                .at(step * STEP_SECONDS);
    }

    private static long currentStep() {
        return System.currentTimeMillis() / 1000 / STEP_SECONDS;
    }

    private static String normalise(String secret) {
        return secret.replace(" ", "").strip();
    }
}
