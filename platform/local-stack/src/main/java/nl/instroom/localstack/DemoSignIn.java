package nl.instroom.localstack;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a demo person in the way the portal does (authorization code with PKCE, through the identity server's
 * sign-in forms: the password, then a code of their second factor), so demo data is entered by the region's own
 * coordinator: a vacancy can only be opened by someone whose region the school is in, and the integration client has
 * one region. {@link #enroll} is a demo person's first sign-in, which enrolls their second factor.
 */
final class DemoSignIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*>([^<]+)<");
    private static final String SECOND_FACTOR = "/login/second-factor";
    private static final String ENROLL = "/login/second-factor/enroll";
    private static final String RECOVERY_CODES = "/login/second-factor/recovery-codes";

    private final String issuer;
    private final String redirectUri;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    DemoSignIn(String issuer, String redirectUri) {
        this.issuer = issuer;
        this.redirectUri = redirectUri;
    }

    private static final java.util.Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The demo person's access token, signed in once per start of the stack and kept for the seeds that follow: every
     * sign-in spends a step of their second factor, and a third within half a minute would wait for the clock.
     */
    static String tokenOf(String issuer, String redirectUri, DemoIdentities identities, String username)
            throws IOException, InterruptedException {
        String token = TOKENS.get(username);
        if (token == null) {
            token = new DemoSignIn(issuer, redirectUri).accessToken(username, identities.password(username),
                    identities.secondFactorSecret(username));
            TOKENS.put(username, token);
        }
        return token;
    }

    /** Signs the person in with their password and a code of their second factor; returns their access token. */
    String accessToken(String username, String password, String secondFactorSecret)
            throws IOException, InterruptedException {
        String verifier = verifier();
        String authorize = authorize(verifier);
        send(get(authorize));
        submit("/login", "username=" + encode(username) + "&password=" + encode(password));
        String location = location(send(get(authorize)), username);
        if (location.contains(SECOND_FACTOR)) {
            // a refusal means another sign-in of this person used that step: the next step's code is good
            boolean accepted = false;
            for (int attempt = 0; attempt < 3 && !accepted; attempt++) {
                accepted = !location(submit(SECOND_FACTOR, "code=" + DemoCodes.next(secondFactorSecret)), username)
                        .contains("error");
            }
            location = location(send(get(authorize)), username);
        }
        return token(location, verifier, username);
    }

    /**
     * A demo person's first sign-in: the password, then the enrollment of a second factor with the secret the
     * identity server proposes, confirmed with its code. Returns the secret.
     */
    String enroll(String username, String password) throws IOException, InterruptedException {
        String verifier = verifier();
        String authorize = authorize(verifier);
        send(get(authorize));
        submit("/login", "username=" + encode(username) + "&password=" + encode(password));
        send(get(authorize));
        Matcher secret = SECRET.matcher(send(get(ENROLL)).body());
        if (!secret.find()) {
            throw new IllegalStateException(username + " was offered no second-factor enrollment (enrolled already?)");
        }
        String key = secret.group(1).replace(" ", "");
        String enrolled = location(submit(ENROLL, "code=" + DemoCodes.next(key)), username);
        if (!enrolled.endsWith(RECOVERY_CODES)) {
            throw new IllegalStateException(username + "'s second factor was not enrolled");
        }
        send(get(RECOVERY_CODES));
        return key;
    }

    private String token(String location, String verifier, String username) throws IOException, InterruptedException {
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!location.startsWith(redirectUri)) {
            throw new IllegalStateException(username + " was not signed in");
        }
        if (!code.find()) {
            throw new IllegalStateException(username + " got no authorization code");
        }
        HttpResponse<String> tokens = send(post("/oauth2/token", "grant_type=authorization_code"
                + "&client_id=instroom-portal&code=" + code.group(1) + "&redirect_uri=" + encode(redirectUri)
                + "&code_verifier=" + verifier));
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + " (" + tokens.statusCode() + ")");
        }
        return JSON.readTree(tokens.body()).get("access_token").asString();
    }

    private static String verifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private String authorize(String verifier) {
        return "/oauth2/authorize?response_type=code&client_id=instroom-portal&scope=openid"
                + "&redirect_uri=" + encode(redirectUri) + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256&state=demo";
    }

    /** Posts a form of the identity server's sign-in pages with the CSRF token of its page. */
    private HttpResponse<String> submit(String path, String form) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(send(get(path)).body());
        if (!csrf.find()) {
            throw new IllegalStateException("The identity server's page " + path + " has no CSRF token");
        }
        return send(post(path, form + "&_csrf=" + encode(csrf.group(1))));
    }

    private static String location(HttpResponse<String> response, String username) {
        return response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(username + " was not signed in (" + response.statusCode()
                        + ")"));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(issuer + path)).build();
    }

    private HttpRequest post(String path, String form) {
        return HttpRequest.newBuilder(URI.create(issuer + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
