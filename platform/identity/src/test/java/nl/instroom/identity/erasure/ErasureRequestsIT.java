package nl.instroom.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.instroom.events.Topics;
import nl.instroom.testing.PkceSignIn;
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
        registry.add("instroom.identity.portal-redirect-uris", () -> PkceSignIn.REDIRECT);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anErasureRequestCompletesWhenEveryServiceHasAnswered(TestInfrastructure infrastructure) throws Exception {
        String admin = signIn("admin", "admin-password");
        try (TopicProbe erasureTopic = TopicProbe.on(infrastructure, Topics.ERASURE_REQUESTS);
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

    private String signIn(String username, String password) throws Exception {
        return new PkceSignIn(port).accessToken(username, password);
    }

    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

}
