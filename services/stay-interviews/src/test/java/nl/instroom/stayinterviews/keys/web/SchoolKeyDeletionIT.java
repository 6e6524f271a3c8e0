package nl.instroom.stayinterviews.keys.web;

import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Four eyes on deleting a school's key: one admin's request deletes nothing, their own approval is refused, a
 * second admin's approval deletes the key; a request can be withdrawn by the one who asked and is then never
 * carried out. Every step is in the audit trail under the school's code.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=stay-key-deletion")
class SchoolKeyDeletionIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    com.mongodb.client.MongoClient client;

    private RestClient admin(String subject) {
        return ApiClient.as(TestTokens.instance().token(subject, List.of("ADMIN"), null, null), port);
    }

    @Test
    void aKeyDeletionDoesNothingUntilASecondAdminApprovesAndTheRequesterCannotApprove() {
        String school = "25EF00";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-400", "1.0");
        interview(hr, school, "T-400", anInterview("YES", 4, 2, "[]"));

        var requested = admin("admin-a").post().uri("/api/admin/schools/{school}/key-deletions", school).retrieve()
                .toEntity(JsonNode.class);
        assertThat(requested.getStatusCode().value()).isEqualTo(202);
        String id = requested.getBody().get("requestId").asString();
        assertThat(requested.getBody().get("state").asString()).isEqualTo("PENDING");
        assertThat(keys(school)).as("nothing deleted yet").isEqualTo(1);

        var own = admin("admin-a").post().uri("/api/admin/key-deletions/{id}/approval", id).retrieve()
                .toEntity(JsonNode.class);
        assertThat(own.getStatusCode().value()).as("the requester's own approval").isEqualTo(409);
        assertThat(own.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(admin("admin-b").post().uri("/api/admin/key-deletions/{id}/withdrawal", id).retrieve()
                .toBodilessEntity().getStatusCode().value()).as("only the requester withdraws").isEqualTo(409);
        assertThat(keys(school)).isEqualTo(1);
        assertThat(interviews(hr, school).get(0).get("contentReadable").asBoolean()).isTrue();

        var approved = admin("admin-b").post().uri("/api/admin/key-deletions/{id}/approval", id).retrieve()
                .toEntity(JsonNode.class);
        assertThat(approved.getStatusCode().value()).isEqualTo(200);
        assertThat(approved.getBody().get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.getBody().get("decidedBy").asString()).isEqualTo("admin-b");
        assertThat(approved.getBody().get("keysDeleted").asInt()).isEqualTo(1);
        assertThat(keys(school)).isZero();
        assertThat(interviews(hr, school).get(0).get("contentReadable").asBoolean()).isFalse();
        assertThat(admin("admin-c").post().uri("/api/admin/key-deletions/{id}/approval", id).retrieve()
                .toBodilessEntity().getStatusCode().value()).as("decided once").isEqualTo(409);

        assertThat(audit(school)).containsExactly("admin-a REQUESTED_SCHOOL_KEY_DELETION",
                "admin-b SHREDDED_SCHOOL_KEY");
    }

    @Test
    void aWithdrawnRequestIsNeverCarriedOut() {
        String school = "25EF01";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-410", "1.0");
        interview(hr, school, "T-410", anInterview("YES", 4, 2, "[]"));
        String id = admin("admin-a").post().uri("/api/admin/schools/{school}/key-deletions", school).retrieve()
                .body(JsonNode.class).get("requestId").asString();

        assertThat(admin("admin-a").post().uri("/api/admin/key-deletions/{id}/withdrawal", id).retrieve()
                .body(JsonNode.class).get("state").asString()).isEqualTo("WITHDRAWN");
        assertThat(admin("admin-b").post().uri("/api/admin/key-deletions/{id}/approval", id).retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(409);

        assertThat(keys(school)).isEqualTo(1);
        JsonNode listed = admin("admin-b").get().uri("/api/admin/key-deletions").retrieve().body(JsonNode.class);
        assertThat(listed.findValuesAsString("requestId")).contains(id);
        assertThat(admin("admin-b").post().uri("/api/admin/key-deletions/{id}/approval", "not-an-id").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(400);
    }

    /** School keys live in a key store of their own, apart from the text they protect. */
    private long keys(String school) {
        return new MongoTemplate(client, "stay-key-deletion-keys")
                .count(Query.query(Criteria.where("schoolCode").is(school)), "school_keys");
    }

    private static JsonNode interviews(RestClient hr, String school) {
        return hr.get().uri("/api/schools/{school}/staff/{ref}/interviews", school,
                school.endsWith("0") ? "T-400" : "T-410").retrieve().body(JsonNode.class);
    }

    private List<String> audit(String school) {
        return mongo.find(Query.query(Criteria.where("subjectRef").is(school).and("action").regex("KEY"))
                        .with(Sort.by("_id")), Document.class, "audit_log").stream()
                .map(entry -> entry.getString("actor") + " " + entry.getString("action")).toList();
    }
}
