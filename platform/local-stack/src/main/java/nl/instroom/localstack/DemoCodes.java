package nl.instroom.localstack;

import com.bastiaanjansen.otp.TOTPGenerator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo people's authenticator app: TOTP codes (RFC 6238, 30-second steps, six digits) of their second-factor
 * secrets, by the otp-java library the identity server uses. The server takes a step's code once, and the next
 * step's too; so each sign-in of a person gets a step after the one before, waiting for the clock only when a
 * third sign-in of the same person falls within one half minute.
 */
final class DemoCodes {

    private static final long STEP_SECONDS = 30;
    private static final Map<String, Long> LAST_GIVEN = new ConcurrentHashMap<>();

    private DemoCodes() {
    }

    static String next(String secret) throws InterruptedException {
        long step = Math.max(currentStep(), LAST_GIVEN.getOrDefault(secret, Long.MIN_VALUE) + 1);
        while (step > currentStep() + 1) {
            Thread.sleep(500);
        }
        LAST_GIVEN.merge(secret, step, Math::max);
        return new TOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII)).build().at(step * STEP_SECONDS);
    }

    private static long currentStep() {
        return System.currentTimeMillis() / 1000 / STEP_SECONDS;
    }
}
