package nl.instroom.identity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.PkceSignIn;
import nl.instroom.testing.PublishedApi;
import nl.instroom.testing.TotpCodes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * People sign in and integrations use client credentials; either way the access token names the issuer, the
 * audience, the role and its scope, and verifies against the published keys, also across a key rotation.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityServerIT {

    private static final String ISSUER = "http://identity.test";
    private static final String SECRET = "integration-secret-for-tests";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path usersFile;

    @BeforeAll
    static void users() throws IOException {
        usersFile = Files.createTempFile("users", ".txt");
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("coordinator-password");
        Files.writeString(usersFile, "# test users\ncoordinator.zwolle|" + hash + "|COORDINATOR|AM36\n");
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("instroom.identity.issuer", () -> ISSUER);
        registry.add("instroom.identity.users-file", () -> usersFile.toString());
        registry.add("instroom.identity.integration-client-secret", () -> SECRET);
        registry.add("instroom.identity.portal-redirect-uris", () -> PkceSignIn.REDIRECT);
        registry.add("instroom.identity.second-factor-key", () -> TestKeys.SECOND_FACTOR_KEY);
    }

    private static String coordinatorSecret;

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys keys;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** The coordinator's first sign-in enrolls their second factor; later ones use it. */
    @BeforeEach
    void enrolled() throws Exception {
        if (coordinatorSecret == null) {
            coordinatorSecret = new PkceSignIn(port).enroll("coordinator.zwolle", "coordinator-password").secret();
        }
    }

    @Test
    void anIntegrationGetsATokenScopedToItsRegion() throws Exception {
        Jwt token = decode(clientCredentialsToken());

        assertThat(token.getIssuer().toString()).isEqualTo(ISSUER);
        assertThat(token.getAudience()).containsExactly("instroom");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("INTEGRATION");
        assertThat(token.getClaimAsString("region")).isEqualTo("AM36");
        assertThat(token.getExpiresAt()).isAfter(token.getIssuedAt());
    }

    @Test
    void aWrongClientSecretGetsNoToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic("instroom-integration", "wrong"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aPersonSignsInWithAuthorizationCodeAndPkceAndGetsTheirRoleAndRegion() throws Exception {
        PkceSignIn portal = new PkceSignIn(port);
        String authorize = portal.authorizeUri("s1");

        HttpResponse<String> first = portal.get(authorize);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(portal.submitSignInForm("coordinator.zwolle", "coordinator-password").statusCode()).isEqualTo(302);
        assertThat(portal.get(authorize).headers().firstValue("Location").orElseThrow())
                .as("a coordinator sees pupils: the second factor is asked").contains(PkceSignIn.SECOND_FACTOR);
        assertThat(portal.submitSecondFactor(TotpCodes.next(coordinatorSecret)).statusCode()).isEqualTo(302);
        String location = portal.get(authorize).headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(PkceSignIn.REDIRECT).contains("state=s1");
        HttpResponse<String> tokens = portal.exchange(location.replaceAll(".*[?&]code=([^&]+).*", "$1"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        Jwt access = decode(JSON.readTree(tokens.body()).get("access_token").asString());

        assertThat(access.getSubject()).isEqualTo("coordinator.zwolle");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("COORDINATOR");
        assertThat(access.getClaimAsString("region")).isEqualTo("AM36");
        assertThat(access.getAudience()).containsExactly("instroom");
    }

    @Test
    void signingOutFromThePortalEndsTheSignInSoTheNextPersonMustTypeAPassword() throws Exception {
        PkceSignIn portal = new PkceSignIn(port);
        String authorize = portal.authorizeUri("s3");
        portal.get(authorize);
        portal.submitSignInForm("coordinator.zwolle", "coordinator-password");
        portal.get(authorize);
        portal.submitSecondFactor(TotpCodes.next(coordinatorSecret));
        String code = portal.get(authorize).headers().firstValue("Location").orElseThrow()
                .replaceAll(".*[?&]code=([^&]+).*", "$1");
        String idToken = JSON.readTree(portal.exchange(code).body()).get("id_token").asString();

        HttpResponse<String> elsewhere = portal.get("/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode("https://evil.example/signed-out", UTF_8));
        assertThat(elsewhere.statusCode()).as("no redirect to an address the portal did not register").isEqualTo(400);
        assertThat(portal.get(authorize).headers().firstValue("Location").orElseThrow())
                .as("a refused sign-out ends nothing").startsWith(PkceSignIn.REDIRECT);

        HttpResponse<String> signedOut = portal.get("/connect/logout?id_token_hint=" + idToken
                + "&post_logout_redirect_uri=" + URLEncoder.encode("http://127.0.0.1:8080/signed-out", UTF_8));
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("Location").orElseThrow())
                .isEqualTo("http://127.0.0.1:8080/signed-out");
        assertThat(portal.get(authorize).headers().firstValue("Location").orElseThrow())
                .as("the next sign-in asks for the password again").endsWith("/login");
    }

    @Test
    void aWrongPasswordGivesNoSession() throws Exception {
        PkceSignIn portal = new PkceSignIn(port);
        portal.get(portal.authorizeUri("s2"));

        HttpResponse<String> refused = portal.submitSignInForm("coordinator.zwolle", "guess");

        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error");
    }

    @Test
    void aTokenSignedBeforeAKeyRotationStillVerifiesAndNewTokensUseTheNewKey() throws Exception {
        String before = clientCredentialsToken();

        keys.rotate();
        String after = clientCredentialsToken();

        JsonNode jwks = JSON.readTree(get("/oauth2/jwks").body());
        assertThat(jwks.get("keys")).hasSize(2);
        assertThat(decode(before).getSubject()).isEqualTo("instroom-integration");
        assertThat(decode(after).getHeaders().get("kid")).isNotEqualTo(decode(before).getHeaders().get("kid"));
    }

    @Test
    void discoveryNamesTheIssuerAndTheKeys() throws Exception {
        JsonNode discovery = JSON.readTree(get("/.well-known/openid-configuration").body());

        assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(discovery.get("jwks_uri").asString()).endsWith("/oauth2/jwks");
    }

    private String clientCredentialsToken() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic("instroom-integration", SECRET))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=api")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private Jwt decode(String token) {
        return NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + port + "/oauth2/jwks").build().decode(token);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheApiTheRepositoryDescribesForThePortalAndOtherTeams() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        PublishedApi.assertServedMatchesKept("identity", response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }


}
