package nl.instroom.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import nl.instroom.testing.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A token checked once is remembered by its full text until its expiry and at most a minute; anything else is
 * checked in full, and a token that fails is never remembered.
 */
class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-28T05:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    /** The tokens the full check accepts (a good signature), and how often it ran. */
    private final Map<String, Jwt> signed = new HashMap<>();
    private int checks;
    private boolean claimsValid = true;

    private final OAuth2TokenValidator<Jwt> validator = jwt -> {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        OAuth2TokenValidatorResult result = timestamps.validate(jwt);
        return result.hasErrors() || claimsValid ? result
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
    };

    private final JwtDecoder fullCheck = token -> {
        checks++;
        Jwt jwt = signed.get(token);
        if (jwt == null) {
            throw new BadJwtException("bad signature");
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("invalid", result.getErrors());
        }
        return jwt;
    };

    private final VerifiedTokens tokens = new VerifiedTokens(fullCheck, validator, clock);

    @Test
    void aTokenIsCheckedOnceAndThenRemembered() {
        String token = signed("a", T0.plus(Duration.ofMinutes(30)));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again).isSameAs(first);
        assertThat(checks).isEqualTo(1);
        assertThat(tokens.decode(signed("b", T0.plus(Duration.ofMinutes(30)))).getSubject()).isEqualTo("b");
        assertThat(checks).as("another token: its own check").isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsCheckedInFullAgainAfterAMinute() {
        String token = signed("a", T0.plus(Duration.ofMinutes(30)));
        tokens.decode(token);

        clock.advance(VerifiedTokens.MAX_AGE.minusMillis(1));
        tokens.decode(token);
        assertThat(checks).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        tokens.decode(token);
        assertThat(checks).as("a key dropped from the key set would now refuse it").isEqualTo(2);
    }

    @Test
    void aRememberedTokenIsNotAcceptedPastItsExpiry() {
        String token = signed("a", T0.plusSeconds(10));
        tokens.decode(token);

        clock.advance(Duration.ofSeconds(10));
        tokens.decode(token);
        assertThat(checks).as("at its expiry: checked in full again").isEqualTo(2);
        assertThat(tokens.remembered()).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aRememberedTokensClaimsAreValidatedOnEveryUse() {
        String token = signed("a", T0.plus(Duration.ofMinutes(30)));
        tokens.decode(token);

        claimsValid = false;

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checks).isEqualTo(2);

        String expired = signed("a", T0.minusSeconds(1));
        assertThatThrownBy(() -> tokens.decode(expired)).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsNeverRemembered() {
        signed.put("no-exp", Jwt.withTokenValue("no-exp").header("alg", "RS256").subject("a").issuedAt(T0).build());

        tokens.decode("no-exp");
        tokens.decode("no-exp");

        assertThat(checks).isEqualTo(2);
        assertThat(tokens.remembered()).isZero();
    }

    @Test
    void atMostSoManyTokensAreRememberedExpiredOnesMakingRoom() {
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS; i++) {
            tokens.decode(signed("s" + i, T0.plusSeconds(i < 10 ? 5 : 3600)));
        }
        String oneMore = signed("more", T0.plusSeconds(3600));
        tokens.decode(oneMore);
        tokens.decode(oneMore);
        assertThat(tokens.remembered()).isEqualTo(VerifiedTokens.MAX_TOKENS);
        assertThat(checks).as("full: checked but not remembered").isEqualTo(VerifiedTokens.MAX_TOKENS + 2);

        clock.advance(Duration.ofSeconds(5));
        tokens.decode(oneMore);
        tokens.decode(oneMore);
        assertThat(checks).as("ten expired made room").isEqualTo(VerifiedTokens.MAX_TOKENS + 3);
        assertThat(tokens.remembered()).isEqualTo(VerifiedTokens.MAX_TOKENS - 9);
    }

    private String signed(String subject, Instant expiry) {
        String token = "header." + subject + "." + expiry.getEpochSecond();
        signed.put(token, Jwt.withTokenValue(token).header("alg", "RS256").subject(subject)
                .issuedAt(expiry.minus(Duration.ofMinutes(30))).expiresAt(expiry).build());
        return token;
    }
}
