package nl.instroom.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the identity server (prefix {@code instroom.identity}).
 *
 * @param issuer the issuer every token names and every service checks
 * @param audience the audience every access token names
 * @param usersFile people who may sign in, one per line: {@code username|{bcrypt}hash|ROLE|region-or-school};
 *     there are no built-in users
 * @param portalRedirectUris where the portal may receive authorization codes
 * @param integrationClientSecret secret of the {@code instroom-integration} client; without it that client is not
 *     registered
 * @param integrationRegion the region tokens of integrations are scoped to: a labour-market region's CBS code as in
 *     need-mapping's region register; AM36 (Regio Zwolle, where Instroom started) unless set
 * @param signingKeysFile a JWK set (JSON) with the RSA private signing keys, newest first, shared by every identity
 *     pod and kept across restarts (in Kubernetes: a Secret); without it keys are made in memory, for a local run
 * @param keyRotation how often a new signing key is made in memory (not with a keys file); the previous one stays
 *     published to verify tokens signed before
 * @param accessTokenTtl how long an access token is valid
 * @param secondFactorKey 32 random bytes, base64: the key that seals second-factor (TOTP) secrets in the store;
 *     required, kept apart from the database (in Kubernetes: the Secret {@code identity-second-factor-key})
 */
@ConfigurationProperties("instroom.identity")
public record IdentityProperties(String issuer, String audience, Path usersFile, List<String> portalRedirectUris,
        String integrationClientSecret, String integrationRegion, Path signingKeysFile, Duration keyRotation,
        Duration accessTokenTtl, String secondFactorKey) {

    public IdentityProperties {
        issuer = issuer == null ? "http://127.0.0.1:9000" : issuer;
        audience = audience == null ? "instroom" : audience;
        portalRedirectUris = portalRedirectUris == null
                ? List.of("http://127.0.0.1:8080/login/oauth2/code/instroom") : List.copyOf(portalRedirectUris);
        integrationRegion = integrationRegion == null ? "AM36" : integrationRegion;
        keyRotation = keyRotation == null ? Duration.ofHours(24) : keyRotation;
        accessTokenTtl = accessTokenTtl == null ? Duration.ofMinutes(30) : accessTokenTtl;
    }
}
