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
 * sign-in form), so demo data is entered by the region's own coordinator: a vacancy can only be opened by someone
 * whose region the school is in, and the integration client has one region.
 */
final class DemoSignIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String issuer;
    private final String redirectUri;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    DemoSignIn(String issuer, String redirectUri) {
        this.issuer = issuer;
        this.redirectUri = redirectUri;
    }

    /** Signs the person in and returns their access token. */
    String accessToken(String username, String password) throws IOException, InterruptedException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String authorize = "/oauth2/authorize?response_type=code&client_id=instroom-portal&scope=openid"
                + "&redirect_uri=" + encode(redirectUri) + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256&state=demo";
        send(get(authorize));
        Matcher csrf = CSRF.matcher(send(get("/login")).body());
        if (!csrf.find()) {
            throw new IllegalStateException("The identity server's sign-in form has no CSRF token");
        }
        send(post("/login", "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1))));
        String location = send(get(authorize)).headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(username + " was not signed in"));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
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
