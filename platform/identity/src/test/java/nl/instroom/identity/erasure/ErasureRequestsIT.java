package nl.instroom.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.instroom.events.Topics;
import nl.instroom.events.privacy.SubjectErased;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin asks to erase a tutor: the request is published, the answers of all four services complete it, and the
 * person's reference is kept nowhere in identity's store. Only an admin may ask.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.mongodb.database=identity-erasure")
class ErasureRequestsIT {

    private static final String ISSUER = "http://identity.test";
    private static final String REDIRECT = "http://127.0.0.1:8080/login/oauth2/code/instroom";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Path usersFile;

    @BeforeAll
    static void users() throws IOException {
        usersFile = Files.createTempFile("users", ".txt");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        Files.writeString(usersFile, "admin|{bcrypt}" + bcrypt.encode("admin-password") + "|ADMIN|\n"
                + "coordinator|{bcrypt}" + bcrypt.encode("coordinator-password") + "|COORDINATOR|REGIO_ZWOLLE\n");
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("instroom.identity.issuer", () -> ISSUER);
        registry.add("instroom.security.issuer", () -> ISSUER);
        registry.add("instroom.identity.users-file", () -> usersFile.toString());
        registry.add("instroom.identity.portal-redirect-uris", () -> REDIRECT);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anErasureRequestCompletesWhenEveryServiceHasAnswered(TestInfrastructure infrastructure) throws Exception {
        String admin = signIn("admin", "admin-password");
        try (TopicProbe erasureTopic = TopicProbe.on(infrastructure, Topics.ERASURE);
                EventProducer services = EventProducer.as("services", infrastructure)) {
            HttpResponse<String> requested = post("/api/admin/erasure-requests", admin,
                    "{\"subjectKind\":\"TUTOR\",\"subjectRef\":\"tutor-42\"}");
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
            String requestId = JSON.readTree(requested.body()).get("requestId").asString();

            var published = erasureTopic.awaitRecord(TopicProbe.withKey(requestId));
            assertThat(TopicProbe.header(published, "ce_type"))
                    .isEqualTo("nl.instroom.privacy.SubjectErasureRequested.v1");
            assertThat(new String(published.value(), StandardCharsets.UTF_8)).contains("tutor-42");

            for (String service : List.of("need-mapping", "tutoring", "scouting")) {
                services.publish(new SubjectErased(requestId, service, SubjectKind.TUTOR, "tutor-42", 1));
            }
            await().untilAsserted(() -> assertThat(status(requestId, admin).get("erasedByService")).hasSize(3));
            assertThat(status(requestId, admin).get("complete").asBoolean()).isFalse();

            services.publish(new SubjectErased(requestId, "stay-interviews", SubjectKind.TUTOR, "tutor-42", 0));

            await().untilAsserted(() -> assertThat(status(requestId, admin).get("complete").asBoolean()).isTrue());
            await().untilAsserted(() -> assertThat(mongo.findById(requestId, Document.class, "erasure_requests")
                    .toJson()).doesNotContain("tutor-42"));
        }
    }

    @Test
    void onlyAnAdminMayRequestErasure() throws Exception {
        String coordinator = signIn("coordinator", "coordinator-password");

        assertThat(post("/api/admin/erasure-requests", coordinator,
                "{\"subjectKind\":\"TUTOR\",\"subjectRef\":\"tutor-7\"}").statusCode()).isEqualTo(403);
        assertThat(post("/api/admin/erasure-requests", null,
                "{\"subjectKind\":\"TUTOR\",\"subjectRef\":\"tutor-7\"}").statusCode()).isEqualTo(401);
        assertThat(post("/api/admin/erasure-requests", signIn("admin", "admin-password"),
                "{\"subjectKind\":\"SOMEONE\",\"subjectRef\":\"\"}").statusCode()).isEqualTo(400);
    }

    private JsonNode status(String requestId, String token) throws Exception {
        HttpResponse<String> response = http().send(HttpRequest.newBuilder(uri("/api/admin/erasure-requests/"
                + requestId)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the portal's flow (authorization code + PKCE) and returns the access token. */
    private String signIn(String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = "verifier-" + "v".repeat(50);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String authorize = "/oauth2/authorize?response_type=code&client_id=instroom-portal&scope=openid"
                + "&redirect_uri=" + encode(REDIRECT) + "&code_challenge=" + challenge + "&code_challenge_method=S256";
        browser.send(HttpRequest.newBuilder(uri(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        String loginPage = browser.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).isTrue();
        browser.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password
                        + "&_csrf=" + encode(csrf.group(1)))).build(), HttpResponse.BodyHandlers.ofString());
        String location = browser.send(HttpRequest.newBuilder(uri(authorize)).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("Location").orElseThrow();
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        HttpResponse<String> tokens = browser.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=instroom-portal"
                        + "&code=" + code + "&redirect_uri=" + encode(REDIRECT) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(tokens.body()).get("access_token").asString();
    }

    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
