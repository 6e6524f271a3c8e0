package nl.instroom.chassis.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Checks a token once and remembers it for a short while. Every request carries its bearer token, and a client
 * sends the same one for up to its lifetime; checking it from scratch each time — base64 of its parts and of the
 * signing key, the RSA signature, the claims — was 31 % of need-mapping's CPU under 8 clients reading the ranking,
 * more than anything the service itself did (docs/performance.md, national scenario).
 *
 * <p>Safe because:
 * <ul>
 * <li>only a token that passed every check (signature, issuer, audience, expiry, not-before) is remembered, keyed by
 * its full text, so a hit is the very token that was checked; a token that fails is checked anew every time;</li>
 * <li>a remembered token is dropped at its expiry ({@code exp}; a token without one is never remembered), and at most
 * {@link #MAX_AGE} after it was checked, so a signing key dropped from the key set stops counting within that;
 * the token's claims are validated again on every use (its expiry against the clock now);</li>
 * <li>about {@link #MAX_TOKENS} at most are remembered (a few more while several threads add at once): when full, expired ones are dropped first, and if none is, the
 * new token is checked but not remembered. Only valid tokens ever take a place, so a stream of forged ones cannot
 * push anything out.</li>
 * </ul>
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration MAX_AGE = Duration.ofSeconds(60);
    static final int MAX_TOKENS = 4096;

    private record Verified(Jwt jwt, Instant until) {
    }

    private final JwtDecoder checks;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * @param checks the full check of a token (signature, then {@code validator})
     * @param validator the claims' validation {@code checks} applies, applied again to a remembered token
     */
    VerifiedTokens(JwtDecoder checks, OAuth2TokenValidator<Jwt> validator, Clock clock) {
        this.checks = checks;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null) {
            if (now.isBefore(known.until()) && !validator.validate(known.jwt()).hasErrors()) {
                return known.jwt();
            }
            // Expired or no longer valid: the full check below refuses it with the usual reason.
            verified.remove(token, known);
        }
        Jwt jwt = checks.decode(token);
        Instant expiry = jwt.getExpiresAt();
        if (expiry != null) {
            Instant until = now.plus(MAX_AGE).isBefore(expiry) ? now.plus(MAX_AGE) : expiry;
            if (now.isBefore(until) && roomFor(now)) {
                verified.put(token, new Verified(jwt, until));
            }
        }
        return jwt;
    }

    int remembered() {
        return verified.size();
    }

    private boolean roomFor(Instant now) {
        if (verified.size() < MAX_TOKENS) {
            return true;
        }
        verified.values().removeIf(known -> !now.isBefore(known.until()));
        return verified.size() < MAX_TOKENS;
    }
}
