package nl.instroom.identity.secondfactor.domain;

import com.bastiaanjansen.otp.HMACAlgorithm;
import com.bastiaanjansen.otp.SecretGenerator;
import com.bastiaanjansen.otp.TOTPGenerator;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them: HMAC-SHA1, 6 digits, 30-second
 * steps, a 160-bit secret in base32. The codes come from the otp-java library; this class only decides which step
 * a code may be for: the current one or a neighbour (a phone's clock may be half a minute off), and never one at
 * or before the last step used, so a code is good once (a seen code cannot be replayed).
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    private static final Pattern CODE = Pattern.compile("[0-9]{" + DIGITS + "}");

    private final Clock clock;

    public Totp(Clock clock) {
        this.clock = clock;
    }

    /** A new random secret, base32 as authenticator apps take it. */
    public static String newSecret() {
        return new String(SecretGenerator.generate(160), StandardCharsets.US_ASCII);
    }

    /** Whether the text looks like a code at all (six digits); anything else may be a recovery code. */
    public static boolean looksLikeCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    /** The {@code otpauth://} address an authenticator app reads (as a QR code or a link). */
    public static String uri(String secret, String issuer, String account) {
        try {
            return generator(secret, Clock.systemUTC()).getURI(issuer, account).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("No otpauth address for this issuer and account", e);
        }
    }

    public long currentStep() {
        return clock.millis() / STEP.toMillis();
    }

    /**
     * The step the code belongs to, if it is the code of the current step or a neighbour and that step comes after
     * {@code lastUsedStep}; empty otherwise.
     */
    public OptionalLong matchingStep(String secret, String code, long lastUsedStep) {
        if (!looksLikeCode(code)) {
            return OptionalLong.empty();
        }
        TOTPGenerator generator = generator(secret, clock);
        long current = currentStep();
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - 1; step <= current + 1; step++) {
            // constant-time comparison, so timing tells nothing about how close a guess was
            if (step > lastUsedStep && MessageDigest.isEqual(given, generator.at(step * STEP.toSeconds())
                    .getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The code of a step: for tests and the local stack's demo sign-ins, which play the authenticator app. */
    public static String codeAt(String secret, long step) {
        return generator(secret, Clock.systemUTC()).at(step * STEP.toSeconds());
    }

    private static TOTPGenerator generator(String secret, Clock clock) {
        return new TOTPGenerator.Builder(secret.getBytes(StandardCharsets.US_ASCII)).withPeriod(STEP)
                .withClock(clock)
                .withHOTPGenerator(hotp -> hotp.withPasswordLength(DIGITS).withAlgorithm(HMACAlgorithm.SHA1))
                .build();
    }
}
