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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs a person in the way the portal does: authorization code with PKCE, through the real sign-in forms with their
 * CSRF tokens, as a browser with cookies would — the password, then the second factor, whose codes {@link TotpCodes}
 * makes from the person's secret as their authenticator app would. {@link #enroll} goes through a first sign-in's
 * enrollment and returns the new secret and recovery codes.
 */
public final class PkceSignIn {

    public static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/instroom";
    public static final String SECOND_FACTOR = "/login/second-factor";
    public static final String ENROLL = "/login/second-factor/enroll";
    public static final String RECOVERY = "/login/second-factor/recovery-codes";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
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
        Matcher csrf = CSRF.matcher(get("/login").body());
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        return browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password="
                        + encode(password) + "&_csrf=" + encode(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fills in and submits the second-factor form (a code or a recovery code). */
    public HttpResponse<String> submitSecondFactor(String code) throws Exception {
        return postForm(SECOND_FACTOR, "code=" + encode(code));
    }

    /** Submits the enrollment form with a code (of the secret the enrollment page showed). */
    public HttpResponse<String> submitEnrollment(String code) throws Exception {
        return postForm(ENROLL, "code=" + encode(code));
    }

    /** What a first sign-in's enrollment gave: the TOTP secret and the recovery codes shown once. */
    public record Enrollment(String secret, List<String> recoveryCodes) {
    }

    /**
     * A first sign-in: the password, then the enrollment page's secret confirmed with its current code. Returns the
     * secret and the recovery codes; the sign-in then continues to the authorization endpoint.
     */
    public Enrollment enroll(String username, String password) throws Exception {
        String authorize = authorizeUri("enroll");
        get(authorize);
        submitSignInForm(username, password);
        String location = get(authorize).headers().firstValue("Location").orElseThrow();
        assertThat(location).as("a first sign-in asks for the second factor").contains(SECOND_FACTOR);
        assertThat(get(SECOND_FACTOR).headers().firstValue("Location").orElseThrow())
                .as("not enrolled yet").endsWith(ENROLL);
        Matcher secret = Pattern.compile("id=\"secret\"[^>]*>([^<]+)<").matcher(get(ENROLL).body());
        assertThat(secret.find()).as("the enrollment page shows the secret").isTrue();
        String key = secret.group(1).replace(" ", "");
        HttpResponse<String> enrolled = postForm(ENROLL, "code=" + encode(TotpCodes.next(key)));
        assertThat(enrolled.headers().firstValue("Location").orElseThrow()).as("enrolled").endsWith(RECOVERY);
        String page = get(RECOVERY).body();
        List<String> codes = new ArrayList<>();
        Matcher code = Pattern.compile("<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</li>").matcher(page);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return new Enrollment(key, codes);
    }

    /** The identity server's session cookie as this browser holds it now (null before the first visit). */
    public String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Exchanges an authorization code (with the PKCE verifier) for tokens. */
    public HttpResponse<String> exchange(String code) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=instroom-portal"
                        + "&code=" + code + "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The whole flow for a person with an enrolled second factor (its base32 secret); returns the access token. A
     * code refused because another sign-in of the same person used its step is followed by the next step's.
     */
    public String accessToken(String username, String password, String totpSecret) throws Exception {
        String authorize = authorizeUri("s");
        get(authorize);
        submitSignInForm(username, password);
        String location = get(authorize).headers().firstValue("Location").orElseThrow();
        if (location.contains(SECOND_FACTOR)) {
            assertThat(totpSecret).as(username + " signs in with a second factor").isNotNull();
            // at most two refusals (steps another sign-in of this person used), fewer than the throttle's free ones
            boolean accepted = false;
            for (int attempt = 0; attempt < 3 && !accepted; attempt++) {
                accepted = !submitSecondFactor(TotpCodes.next(totpSecret)).headers().firstValue("Location")
                        .orElse("").contains("error");
            }
            location = get(authorize).headers().firstValue("Location").orElseThrow();
        }
        assertThat(location).as("signed in, an authorization code").contains("code=");
        HttpResponse<String> tokens = exchange(location.replaceAll(".*[?&]code=([^&]+).*", "$1"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).get("access_token").asString();
    }

    /** A person with a new account: enrolls on this first sign-in, returns the token and the enrollment. */
    public String accessTokenEnrolling(String username, String password) throws Exception {
        enroll(username, password);
        String authorize = authorizeUri("s");
        String location = get(authorize).headers().firstValue("Location").orElseThrow();
        HttpResponse<String> tokens = exchange(location.replaceAll(".*[?&]code=([^&]+).*", "$1"));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body()).get("access_token").asString();
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        Matcher csrf = CSRF.matcher(get(path).body());
        assertThat(csrf.find()).as(path + " carries a CSRF token").isTrue();
        return browser.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(csrf.group(1)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
