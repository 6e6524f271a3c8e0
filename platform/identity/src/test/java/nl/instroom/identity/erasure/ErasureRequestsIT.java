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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.instroom.identity.TestKeys;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin asks to erase a tutor: nothing is published until a second admin approves (the one who asked cannot);
 * then the request is published, the answers of all four services complete it, and the person's reference is kept
 * nowhere in identity's store. A request can be withdrawn by the one who asked while it waits. Only admins may do
 * any of it.
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
                + "second.admin|{bcrypt}" + bcrypt.encode("admin-password") + "|ADMIN|\n"
                + "coordinator|{bcrypt}" + bcrypt.encode("coordinator-password") + "|COORDINATOR|AM36\n");
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("instroom.identity.issuer", () -> ISSUER);
        registry.add("instroom.security.issuer", () -> ISSUER);
        registry.add("instroom.identity.users-file", () -> usersFile.toString());
        registry.add("instroom.identity.portal-redirect-uris", () -> PkceSignIn.REDIRECT);
        registry.add("instroom.identity.second-factor-key", () -> TestKeys.SECOND_FACTOR_KEY);
    }

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void anErasureRequestDoesNothingUntilASecondAdminApprovesThenCompletesWhenEveryServiceHasAnswered(
            TestInfrastructure infrastructure) throws Exception {
        String admin = signIn("admin", "admin-password");
        String secondAdmin = signIn("second.admin", "admin-password");
        try (TopicProbe erasureTopic = TopicProbe.on(infrastructure, Topics.ERASURE_REQUESTS);
                EventProducer services = EventProducer.as("services", infrastructure)) {
            HttpResponse<String> requested = post("/api/admin/erasure-requests", admin,
                    "{\"subjectKind\":\"TUTOR\",\"subjectRef\":\"tutor-42\"}");
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(202);
            String requestId = JSON.readTree(requested.body()).get("requestId").asString();
            assertThat(JSON.readTree(requested.body()).get("state").asString()).isEqualTo("PENDING");
            assertThat(status(requestId, secondAdmin).get("subjectRef").asString())
                    .as("the second admin sees what they are asked to approve").isEqualTo("tutor-42");

            HttpResponse<String> ownApproval = post("/api/admin/erasure-requests/" + requestId + "/approval", admin,
                    "{}");
            assertThat(ownApproval.statusCode()).as("the requester's own approval").isEqualTo(409);
            assertThat(ownApproval.headers().firstValue("Content-Type").orElseThrow())
                    .contains("application/problem+json");
            assertThat(post("/api/admin/erasure-requests/" + requestId + "/withdrawal", secondAdmin, "{}")
                    .statusCode()).as("only the requester withdraws").isEqualTo(409);
            assertThat(erasureTopic.seen()).as("nothing is published before a second admin approves")
                    .noneMatch(TopicProbe.withKey(requestId));
            assertThat(mongo.findById(requestId, Document.class, "erasure_requests").get("outbox")).isNull();

            HttpResponse<String> approved = post("/api/admin/erasure-requests/" + requestId + "/approval",
                    secondAdmin, "{}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            assertThat(JSON.readTree(approved.body()).get("decidedBy").asString()).isEqualTo("second.admin");
            assertThat(post("/api/admin/erasure-requests/" + requestId + "/approval", secondAdmin, "{}")
                    .statusCode()).as("approved once").isEqualTo(409);

            var published = erasureTopic.awaitRecord(TopicProbe.withKey(requestId));
            assertThat(TopicProbe.header(published, "ce_type"))
                    .isEqualTo("nl.instroom.privacy.SubjectErasureRequested.v1");
            assertThat(new String(published.value(), StandardCharsets.UTF_8)).contains("tutor-42");

            for (String service : List.of("need-mapping", "tutoring", "scouting")) {
                services.publish(new SubjectErased(requestId, service, SubjectKind.TUTOR, 1));
            }
            await().untilAsserted(() -> assertThat(status(requestId, admin).get("erasedByService")).hasSize(3));
            assertThat(status(requestId, admin).get("complete").asBoolean()).isFalse();

            services.publish(new SubjectErased(requestId, "stay-interviews", SubjectKind.TUTOR, 0));
            services.publish(new SubjectErased(requestId, "mentoring", SubjectKind.TUTOR, 0));
            await().untilAsserted(() -> assertThat(status(requestId, admin).get("erasedByService")).hasSize(5));
            assertThat(status(requestId, admin).get("complete").asBoolean()).isFalse();

            services.publish(new SubjectErased(requestId, "career-advice", SubjectKind.TUTOR, 0));

            await().untilAsserted(() -> assertThat(status(requestId, admin).get("complete").asBoolean()).isTrue());
            await().untilAsserted(() -> assertThat(mongo.findById(requestId, Document.class, "erasure_requests")
                    .toJson()).doesNotContain("tutor-42"));
        }
    }

    @Test
    void theRequesterWithdrawsAWaitingRequestAndItIsNeverPublished(TestInfrastructure infrastructure)
            throws Exception {
        String admin = signIn("admin", "admin-password");
        String requestId = JSON.readTree(post("/api/admin/erasure-requests", admin,
                "{\"subjectKind\":\"STAFF\",\"subjectRef\":\"staff-9\"}").body()).get("requestId").asString();

        HttpResponse<String> withdrawn = post("/api/admin/erasure-requests/" + requestId + "/withdrawal", admin,
                "{}");

        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(withdrawn.body()).get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(post("/api/admin/erasure-requests/" + requestId + "/approval",
                signIn("second.admin", "admin-password"), "{}").statusCode()).isEqualTo(409);
        assertThat(mongo.findById(requestId, Document.class, "erasure_requests").toJson()).doesNotContain("staff-9");
        assertThat(mongo.find(Query.query(Criteria.where("subjectRef").is(requestId)), Document.class, "audit_log")
                .stream().map(entry -> entry.getString("action") + " " + entry.getString("actor")).toList())
                .containsExactly("ERASURE_REQUESTED admin", "ERASURE_WITHDRAWN admin");
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

    /** Each person's first sign-in enrolls their second factor; the token is kept for the class. */
    private String signIn(String username, String password) throws Exception {
        String token = TOKENS.get(username);
        if (token == null) {
            token = new PkceSignIn(port).accessTokenEnrolling(username, password);
            TOKENS.put(username, token);
        }
        return token;
    }

    private static HttpClient http() {
        return HttpClient.newHttpClient();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

}
