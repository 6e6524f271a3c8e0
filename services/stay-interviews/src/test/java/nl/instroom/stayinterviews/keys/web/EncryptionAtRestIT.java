package nl.instroom.stayinterviews.keys.web;

import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import java.util.List;
import nl.instroom.stayinterviews.StayFixtures;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The store holds interview text only as ciphertext under the school's key, kept in a key store of its own; the
 * school's HR reads it back (and the read is audited); once two admins deleted the school's key (one asked, one
 * approved), nobody can; and a value moved to another school, colleague, interview or field does not open.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=stay-encryption")
class EncryptionAtRestIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoClient client;

    /** The school keys' own database, next to the service's. */
    private MongoTemplate keyStore() {
        return new MongoTemplate(client, "stay-encryption-keys");
    }

    private JsonNode interviews(RestClient hr, String school, String staffRef) {
        return hr.get().uri("/api/schools/{school}/staff/{ref}/interviews", school, staffRef).retrieve()
                .body(JsonNode.class);
    }

    @Test
    void theRawDocumentHoldsOnlyCiphertextAndHrReadsItBack() {
        String school = "24CD00";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-300", "1.0");
        interview(hr, school, "T-300", anInterview("YES", 4, 2, "[]"));

        Document raw = mongo.findById(school + ":T-300", Document.class, "staff");
        String json = raw.toJson();
        StayFixtures.SECRETS.forEach(secret -> assertThat(json).doesNotContain(secret));
        Document stored = raw.getList("interviews", Document.class).get(0);
        for (String field : List.of("interviewer", "lookingForwardTo", "learning", "whyStay", "lastThoughtOfLeaving",
                "whatWouldMakeTheJobBetter", "notes")) {
            assertThat(stored.getString(field)).as(field).startsWith("v2:");
        }
        Document action = stored.getList("actions", Document.class).get(0);
        assertThat(action.getString("description")).startsWith("v2:");
        assertThat(action.getString("owner")).startsWith("v2:");
        assertThat(stored.getString("notes")).as("a fresh IV per value")
                .isNotEqualTo(stored.getString("interviewer"));
        assertThat(mongo.getCollectionNames()).as("no key next to the text").doesNotContain("school_keys");
        Document key = keyStore().findOne(Query.query(Criteria.where("schoolCode").is(school)), Document.class,
                "school_keys");
        assertThat(java.util.Base64.getDecoder().decode(key.getString("wrappedKey"))).as(
                "the school key is stored wrapped by the master key: IV, 32 encrypted bytes and a tag").hasSize(60);
        assertThat(key.getString("masterKeyId")).as("and names the master key that wraps it").isEqualTo("test-1");

        JsonNode read = interviews(hr, school, "T-300").get(0);
        assertThat(read.get("contentReadable").asBoolean()).isTrue();
        assertThat(read.get("notes").asString()).isEqualTo(StayFixtures.NOTE);
        assertThat(read.get("answers").get("whyStay").asString()).isEqualTo(StayFixtures.WHY_STAY);
        assertThat(read.get("actions").get(0).get("owner").asString()).isEqualTo(StayFixtures.ACTION_OWNER);
        assertThat(mongo.find(Query.query(Criteria.where("action").is("READ_STAY_INTERVIEWS")
                .and("subjectRef").is(school + ":T-300")), Document.class, "audit_log")).hasSize(1);
    }

    @Test
    void deletingTheSchoolsKeyMakesItsNotesUnreadableForGoodButKeepsTheSignals() {
        String school = "24CD01";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-310", "1.0");
        interview(hr, school, "T-310", anInterview("NO", 2, 4, "[]"));
        String sealedNote = mongo.findById(school + ":T-310", Document.class, "staff")
                .getList("interviews", Document.class).get(0).getString("notes");

        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        String requestId = admin.post().uri("/api/admin/schools/{school}/key-deletions", school).retrieve()
                .body(JsonNode.class).get("requestId").asString();
        var shredded = ApiClient.as(TestTokens.instance().token("admin-2", List.of("ADMIN"), null, null), port).post()
                .uri("/api/admin/key-deletions/{id}/approval", requestId).retrieve().toEntity(JsonNode.class);

        assertThat(shredded.getStatusCode().value()).isEqualTo(200);
        assertThat(shredded.getBody().get("keysDeleted").asInt()).isEqualTo(1);
        assertThat(keyStore().count(Query.query(Criteria.where("schoolCode").is(school)), "school_keys")).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("schoolCode").is(school)), "shredded_keys"))
                .as("the deletion is in the ledger next to the text").isOne();
        assertThat(keyStore().count(Query.query(Criteria.where("schoolCode").is(school)), "shredded_keys"))
                .as("and in the key store").isOne();
        assertThat(mongo.findById(school + ":T-310", Document.class, "staff").getList("interviews", Document.class)
                .get(0).getString("notes")).as("still only ciphertext in the store").isEqualTo(sealedNote);
        JsonNode read = interviews(hr, school, "T-310").get(0);
        assertThat(read.get("contentReadable").asBoolean()).isFalse();
        assertThat(read.get("notes").isNull()).isTrue();
        assertThat(read.get("answers").get("whyStay").isNull()).isTrue();
        assertThat(read.get("riskBand").asString()).as("structure stays").isEqualTo("HIGH");

        StayFixtures.register(hr, school, "T-311", "0.5");
        interview(hr, school, "T-311", anInterview("YES", 4, 2, "[]"));
        assertThat(interviews(hr, school, "T-311").get(0).get("notes").asString())
                .as("new text gets a new key").isEqualTo(StayFixtures.NOTE);
        assertThat(interviews(hr, school, "T-310").get(0).get("contentReadable").asBoolean())
                .as("the new key does not open the old text").isFalse();
    }

    @Test
    void ciphertextMovedToAnotherSchoolsRecordDoesNotOpen() {
        RestClient hrA = ApiClient.as(TestTokens.instance().schoolHr("24CD04"), port);
        RestClient hrB = ApiClient.as(TestTokens.instance().schoolHr("24CD05"), port);
        register(hrA, "24CD04", "T-330", "1.0");
        interview(hrA, "24CD04", "T-330", anInterview("YES", 4, 2, "[]"));
        register(hrB, "24CD05", "T-331", "1.0");
        interview(hrB, "24CD05", "T-331", anInterview("YES", 4, 2, "[]").replace(StayFixtures.NOTE, "Geen"));
        String notesOfA = mongo.findById("24CD04:T-330", Document.class, "staff")
                .getList("interviews", Document.class).get(0).getString("notes");

        mongo.updateFirst(Query.query(Criteria.where("_id").is("24CD05:T-331")),
                new org.springframework.data.mongodb.core.query.Update().set("interviews.0.notes", notesOfA), "staff");

        JsonNode read = interviews(hrB, "24CD05", "T-331").get(0);
        assertThat(read.get("notes").isNull()).isTrue();
        assertThat(read.get("contentReadable").asBoolean()).isFalse();
    }

    @Test
    void ciphertextMovedToAColleagueAnotherInterviewOrAnotherFieldDoesNotOpen() {
        String school = "24CD06";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-340", "1.0");
        interview(hr, school, "T-340", anInterview("YES", 4, 2, "[]"));
        interview(hr, school, "T-340", anInterview("YES", 4, 2, "[]").replace(StayFixtures.NOTE, "Tweede"));
        register(hr, school, "T-341", "1.0");
        interview(hr, school, "T-341", anInterview("YES", 4, 2, "[]").replace(StayFixtures.NOTE, "Geen"));
        List<Document> first = mongo.findById(school + ":T-340", Document.class, "staff")
                .getList("interviews", Document.class);
        String notes = first.get(0).getString("notes");

        move("24CD06:T-341", "interviews.0.notes", notes);
        move("24CD06:T-340", "interviews.1.notes", notes);
        move("24CD06:T-340", "interviews.0.whyStay", notes);

        assertThat(interviews(hr, school, "T-341").get(0).get("contentReadable").asBoolean())
                .as("a colleague's record at the same school").isFalse();
        JsonNode moved = interviews(hr, school, "T-340");
        // nested ids are stored as _id
        JsonNode own = moved.get(0).get("id").asString().equals(first.get(0).getString("_id")) ? moved.get(0)
                : moved.get(1);
        JsonNode other = own == moved.get(0) ? moved.get(1) : moved.get(0);
        assertThat(other.get("notes").isNull()).as("another interview of the same employee").isTrue();
        assertThat(own.get("answers").get("whyStay").isNull()).as("another field of the same interview").isTrue();
        assertThat(own.get("notes").asString()).as("where it was sealed it still opens").isEqualTo(StayFixtures.NOTE);
    }

    private void move(String staffId, String field, String value) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(staffId)),
                new org.springframework.data.mongodb.core.query.Update().set(field, value), "staff");
    }

    @Test
    void nobodyButTheSchoolsOwnHrReadsInterviews() {
        String school = "24CD02";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-320", "1.0");
        interview(hr, school, "T-320", anInterview("YES", 4, 2, "[]"));
        String path = "/api/schools/" + school + "/staff/T-320/interviews";

        assertThat(ApiClient.as(TestTokens.instance().schoolHr("24CD03"), port).get().uri(path).retrieve()
                .toEntity(String.class).getStatusCode().value()).as("another school's HR").isEqualTo(404);
        for (String token : List.of(TestTokens.instance().coordinator(), TestTokens.instance().scout(),
                TestTokens.instance().admin(), TestTokens.instance().integration())) {
            assertThat(ApiClient.as(token, port).get().uri(path).retrieve().toEntity(String.class)
                    .getStatusCode().value()).isEqualTo(403);
        }
    }
}
