package nl.instroom.stayinterviews.keys;

import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.stayinterviews.StayFixtures;
import nl.instroom.stayinterviews.StayInterviewsApplication;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Crypto-shredding survives a restore, done as docs/operations.md says ("Backups", stay-interviews): the text's
 * database and the key store are dumped apart ({@code mongodump --db}); a restore stops the service, replaces one
 * database's collections with the dump ({@code mongorestore --drop --nsInclude '<database>.*'}) and starts the
 * service again, which applies every recorded key deletion before it serves.
 */
@InstroomInfrastructure
class BackupRestoreIT {

    private static final String TEXT = "stay-restore";
    private static final String KEYS = TEXT + "-keys";

    private ConfigurableApplicationContext service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** Starts stay-interviews as the platform would, on the two databases; returns its port. */
    private int start() {
        service = new SpringApplicationBuilder(StayInterviewsApplication.class)
                .run("--spring.mongodb.database=" + TEXT, "--server.port=0");
        return service.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private void stopService() {
        service.close();
        service = null;
    }

    /** {@code mongodump --db <database>}: every collection with every document. */
    private static Map<String, List<Document>> dump(MongoTemplate database) {
        Map<String, List<Document>> dump = new LinkedHashMap<>();
        for (String collection : database.getCollectionNames()) {
            dump.put(collection, new ArrayList<>(database.findAll(Document.class, collection)));
        }
        return dump;
    }

    /** {@code mongorestore --drop --nsInclude '<database>.*'}: each dumped collection replaced by the dump's. */
    private static void restore(MongoTemplate database, Map<String, List<Document>> dump) {
        dump.forEach((collection, documents) -> {
            database.dropCollection(collection);
            if (!documents.isEmpty()) {
                database.insert(documents, collection);
            }
        });
    }

    private static JsonNode latestInterview(RestClient hr, String school, String staffRef) {
        return hr.get().uri("/api/schools/{s}/staff/{r}/interviews", school, staffRef).retrieve()
                .body(JsonNode.class).get(0);
    }

    private static void shred(int port, String school) {
        // Four eyes: one admin asks, a second approves, and only the approval deletes the key.
        String requestId = ApiClient.as(TestTokens.instance().admin(), port).post()
                .uri("/api/admin/schools/{s}/key-deletions", school).retrieve().body(JsonNode.class)
                .get("requestId").asString();
        JsonNode shredded = ApiClient.as(TestTokens.instance().token("admin-2", java.util.List.of("ADMIN"), null,
                null), port).post().uri("/api/admin/key-deletions/{id}/approval", requestId).retrieve()
                .body(JsonNode.class);
        assertThat(shredded.get("keysDeleted").asInt()).isEqualTo(1);
    }

    @Test
    void restoringTheTextFromBeforeASchoolKeyWasDeletedLeavesTheInterviewsUnreadable(TestInfrastructure infra) {
        String school = "26GH00";
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            MongoTemplate text = new MongoTemplate(client, TEXT);
            int port = start();
            RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
            register(hr, school, "T-700", "1.0");
            interview(hr, school, "T-700", anInterview("NO", 2, 4, "[]"));
            assertThat(latestInterview(hr, school, "T-700").get("notes").asString()).isEqualTo(StayFixtures.NOTE);

            Map<String, List<Document>> backup = dump(text);
            shred(port, school);
            stopService();
            restore(text, backup);
            assertThat(text.findById(school + ":T-700", Document.class, "staff")).as("the text is back").isNotNull();
            assertThat(text.count(Query.query(Criteria.where("schoolCode").is(school)), "shredded_keys"))
                    .as("and so is the text's ledger from before the deletion").isZero();
            port = start();
            hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);

            JsonNode read = latestInterview(hr, school, "T-700");
            assertThat(read.get("contentReadable").asBoolean()).isFalse();
            assertThat(read.get("notes").isNull()).isTrue();
            assertThat(read.get("answers").get("whyStay").isNull()).isTrue();
            assertThat(read.get("riskBand").asString()).as("the structure stays").isEqualTo("HIGH");
            assertThat(read.toString()).doesNotContain(StayFixtures.NOTE).doesNotContain(StayFixtures.INTERVIEWER);
            assertThat(text.count(Query.query(Criteria.where("schoolCode").is(school)), "shredded_keys"))
                    .as("the start wrote the deletion back into the text's ledger").isOne();
        }
    }

    @Test
    void restoringTheKeyStoreFromBeforeASchoolKeyWasDeletedDeletesItAgainAtStart(TestInfrastructure infra) {
        String school = "26GH01";
        try (MongoClient client = MongoClients.create(infra.mongoUri())) {
            MongoTemplate keys = new MongoTemplate(client, KEYS);
            int port = start();
            RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
            register(hr, school, "T-710", "1.0");
            interview(hr, school, "T-710", anInterview("YES", 4, 2, "[]"));

            Map<String, List<Document>> backup = dump(keys);
            shred(port, school);
            stopService();
            restore(keys, backup);
            assertThat(keys.count(Query.query(Criteria.where("schoolCode").is(school)), "school_keys"))
                    .as("the restore brought the deleted key back").isOne();
            port = start();
            hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);

            assertThat(keys.count(Query.query(Criteria.where("schoolCode").is(school)), "school_keys")).isZero();
            JsonNode read = latestInterview(hr, school, "T-710");
            assertThat(read.get("contentReadable").asBoolean()).isFalse();
            assertThat(read.get("notes").isNull()).isTrue();
        }
    }
}
