package nl.instroom.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * A stand-in identity server for tests: its own signing key, its JWKS served over HTTP on 127.0.0.1, and tokens
 * shaped like the real ones (issuer, audience {@code instroom}, roles and a region or school). Also makes the
 * tokens a service must refuse: another issuer, expired, wrong audience, unknown key.
 */
public final class TestTokens {

    public static final String ISSUER = "http://127.0.0.1/test-identity";
    public static final String AUDIENCE = "instroom";
    public static final String REGION = "AM36";

    private static TestTokens instance;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer jwks;

    private TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            strangerKey = new RSAKeyGenerator(2048).keyID("stranger").generate();
            jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        jwks.setExecutor(null);
        jwks.start();
    }

    /** The one stand-in of this JVM. */
    public static synchronized TestTokens instance() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + jwks.getAddress().getPort() + "/oauth2/jwks";
    }

    public String coordinator() {
        return token("coordinator-1", List.of("COORDINATOR"), REGION, null);
    }

    public String scout() {
        return token("scout-1", List.of("TALENT_SCOUT"), REGION, null);
    }

    /** School HR carry their school only, as the identity server issues them. */
    public String schoolHr(String schoolCode) {
        return token("hr-" + schoolCode, List.of("SCHOOL_HR"), null, schoolCode);
    }

    /** Reads every region's aggregates and needs, writes nothing. */
    public String nationalViewer() {
        return token("national-1", List.of("NATIONAL_VIEWER"), null, null);
    }

    /** Runs the cross-mentoring programme: every region, only in mentoring. */
    public String programmeCoordinator() {
        return token("programme-coordinator-1", List.of("PROGRAMME_COORDINATOR"), null, null);
    }

    /** A participant of cross-mentoring, signed in as the identity username {@code account}. */
    public String mentoringParticipant(String account) {
        return token(account, List.of("MENTORING_PARTICIPANT"), null, null);
    }

    public String admin() {
        return token("admin-1", List.of("ADMIN"), null, null);
    }

    /** An adviser of the Onderwijsloket (career-advice): every region, no scope claim. */
    public String advisor() {
        return token("advisor-1", List.of("ADVISOR"), null, null);
    }

    public String integration() {
        return token("integration-1", List.of("INTEGRATION"), REGION, null);
    }

    /** A token for any single role, scoped like a real one of that role. */
    public String forRole(String role) {
        return switch (role) {
            case "COORDINATOR" -> coordinator();
            case "PROGRAMME_COORDINATOR" -> programmeCoordinator();
            case "TALENT_SCOUT" -> scout();
            case "SCHOOL_HR" -> schoolHr("21CM00");
            case "ADMIN" -> admin();
            case "INTEGRATION" -> integration();
            case "NATIONAL_VIEWER" -> nationalViewer();
            case "ADVISOR" -> advisor();
            case "MENTORING_PARTICIPANT" -> mentoringParticipant("participant-1");
            default -> throw new IllegalArgumentException(role);
        };
    }

    /**
     * A token of the role scoped to another region or school than the given ones: region-scoped roles get {@code
     * region}, school HR gets {@code school}; country-wide roles have no other scope (null).
     */
    public String forRoleElsewhere(String role, String region, String school) {
        return switch (role) {
            case "COORDINATOR", "TALENT_SCOUT", "INTEGRATION" ->
                token(role.toLowerCase(java.util.Locale.ROOT) + "-" + region, List.of(role), region, null);
            case "SCHOOL_HR" -> schoolHr(school);
            default -> null;
        };
    }

    /** A token of the role without any region or school claim; the services refuse it for a role that needs one. */
    public String forRoleWithoutScope(String role) {
        return token(role.toLowerCase(java.util.Locale.ROOT) + "-unscoped", List.of(role), null, null);
    }

    public String token(String subject, List<String> roles, String region, String school) {
        return sign(key, claims(subject, roles, region, school).build());
    }

    public String fromAnotherIssuer() {
        return sign(key, claims("admin-1", List.of("ADMIN"), null, null).issuer("http://evil.example").build());
    }

    public String expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return sign(key, claims("admin-1", List.of("ADMIN"), null, null).issueTime(Date.from(past))
                .notBeforeTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))).build());
    }

    public String forAnotherAudience() {
        return sign(key, claims("admin-1", List.of("ADMIN"), null, null).audience("someone-else").build());
    }

    public String signedByAStranger() {
        return sign(strangerKey, claims("admin-1", List.of("ADMIN"), null, null).build());
    }

    private static JWTClaimsSet.Builder claims(String subject, List<String> roles, String region, String school) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject).audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30)))).claim("roles", roles);
        if (region != null) {
            claims.claim("region", region);
        }
        if (school != null) {
            claims.claim("school", school);
        }
        return claims;
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
