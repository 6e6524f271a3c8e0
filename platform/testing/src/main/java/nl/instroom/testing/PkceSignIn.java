package nl.instroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a person in the way the portal does: authorization code with PKCE, through the real sign-in form with its
 * CSRF token, as a browser with cookies would.
 */
public final class PkceSignIn {

    public static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/instroom";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String verifier = "verifier-" + "v".repeat(50);

    public PkceSignIn(int port) {
        this("http://127.0.0.1:" + port);
    }

    /** Signs in at an identity server elsewhere, e.g. {@code http://127.0.0.1:9000} of the local stack. */
    public PkceSignIn(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The authorization request, with the PKCE challenge for this sign-in's verifier. */
    public String authorizeUri(String state) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return "/oauth2/authorize?response_type=code&client_id=instroom-portal&scope=openid&redirect_uri="
                + encode(REDIRECT) + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=" + state;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Fills in and submits the sign-in form. */
    public HttpResponse<String> submitSignInForm(String username, String password) throws Exception {
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(get("/login").body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        return browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(password) + "&_csrf=" + encode(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Exchanges an authorization code (with the PKCE verifier) for tokens. */
    public HttpResponse<String> exchange(String code) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=instroom-portal"
                        + "&code=" + code + "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The whole flow; returns the access token. */
    public String accessToken(String username, String password) throws Exception {
        String authorize = authorizeUri("s");
        get(authorize);
        submitSignInForm(username, password);
        String location = get(authorize).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> tokens = exchange(location.replaceAll(".*[?&]code=([^&]+).*", "$1"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).get("access_token").asString();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
