package nl.instroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries on an indexed field answer exactly what a scan answers — after inserts, updates that move a document to
 * another value, deletes, and a restart of a store on a file (the index is rebuilt from the documents).
 */
class SecondaryIndexIT {

    @TempDir
    Path dir;

    @Test
    void anIndexedFieldAnswersEqualityAndInAsAScanWould() {
        MongoServer server = EmbeddedMongo.inMemory();
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> vacancies = client.getDatabase("needmapping").getCollection("vacancies");
            vacancies.createIndex(Indexes.ascending("schoolCode"));
            vacancies.insertMany(List.of(aVacancy("v-1", "21CM00", "OPEN"), aVacancy("v-2", "21CM00", "FILLED"),
                    aVacancy("v-3", "32ED00", "OPEN"), aVacancy("v-4", "04EW00", "OPEN"),
                    new Document("_id", "v-5").append("status", "OPEN")));

            assertThat(ids(vacancies, Filters.eq("schoolCode", "21CM00"))).containsExactlyInAnyOrder("v-1", "v-2");
            assertThat(ids(vacancies, Filters.and(Filters.in("schoolCode", "21CM00", "32ED00"),
                    Filters.eq("status", "OPEN")))).containsExactlyInAnyOrder("v-1", "v-3");

            vacancies.updateOne(Filters.eq("_id", "v-1"), Updates.set("schoolCode", "32ED00"));
            vacancies.deleteOne(Filters.eq("_id", "v-4"));

            assertThat(ids(vacancies, Filters.eq("schoolCode", "21CM00"))).containsExactly("v-2");
            assertThat(ids(vacancies, Filters.in("schoolCode", "32ED00", "04EW00")))
                    .containsExactlyInAnyOrder("v-1", "v-3");
            assertThat(ids(vacancies, new Document("schoolCode", new Document("$eq", "32ED00"))))
                    .containsExactlyInAnyOrder("v-1", "v-3");
            assertThat(ids(vacancies, Filters.gt("schoolCode", "30")))
                    .as("a range is answered by a scan").containsExactlyInAnyOrder("v-1", "v-3");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aStoreOnAFileRebuildsItsIndexWhenItOpens() {
        Path file = dir.resolve("store.mv");
        for (int start = 0; start < 2; start++) {
            MongoServer server = EmbeddedMongo.persistent(file);
            try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
                MongoCollection<Document> vacancies = client.getDatabase("needmapping").getCollection("vacancies");
                if (start == 0) {
                    vacancies.createIndex(Indexes.ascending("schoolCode"));
                    vacancies.insertMany(List.of(aVacancy("v-1", "21CM00", "OPEN"),
                            aVacancy("v-2", "32ED00", "OPEN")));
                }
                assertThat(ids(vacancies, Filters.eq("schoolCode", "21CM00"))).containsExactly("v-1");
            } finally {
                server.shutdown();
            }
        }
    }

    @Test
    void itServesFiltersThatPinItsFieldAndLeavesTheRestToAScan() {
        var index = SecondaryIndex.of("schoolCode_1",
                List.of(new de.bwaldvogel.mongo.backend.IndexKey("schoolCode", true)));

        assertThat(index.canHandle(query("schoolCode", "21CM00").append("status", "OPEN"))).isTrue();
        assertThat(index.canHandle(query("schoolCode", query("$in", List.of("21CM00", "32ED00"))))).isTrue();
        assertThat(index.canHandle(query("schoolCode", query("$eq", "21CM00")))).isTrue();
        assertThat(index.canHandle(query("schoolCode", query("$gt", "21")))).as("a range is served too").isTrue();
        assertThat(index.canHandle(query("schoolCode", query("$regex", "^21")))).isFalse();
        assertThat(index.canHandle(query("schoolCode", null))).as("null also matches a missing field").isFalse();
        assertThat(index.canHandle(query("status", "OPEN"))).isFalse();
    }

    @Test
    void aPathIntoAnArrayOfSubDocumentsServesARangeAsTheOutboxSweepAsksIt() {
        MongoServer server = EmbeddedMongo.inMemory();
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> vacancies = client.getDatabase("needmapping").getCollection("vacancies");
            vacancies.createIndex(Indexes.ascending("outbox.time"), new com.mongodb.client.model.IndexOptions()
                    .sparse(true));
            java.util.Date early = new java.util.Date(1_000_000L);
            java.util.Date late = new java.util.Date(9_000_000L);
            vacancies.insertMany(List.of(
                    new Document("_id", "v-early").append("outbox", List.of(new Document("time", early))),
                    new Document("_id", "v-both").append("outbox", List.of(new Document("time", late),
                            new Document("time", early))),
                    new Document("_id", "v-late").append("outbox", List.of(new Document("time", late))),
                    new Document("_id", "v-published").append("outbox", List.of())));
            java.util.Date cutoff = new java.util.Date(5_000_000L);

            assertThat(ids(vacancies, Filters.lt("outbox.time", cutoff)))
                    .containsExactlyInAnyOrder("v-early", "v-both");

            vacancies.updateOne(Filters.eq("_id", "v-early"), Updates.pull("outbox", new Document()));
            assertThat(ids(vacancies, Filters.lt("outbox.time", cutoff))).containsExactly("v-both");
            assertThat(ids(vacancies, Filters.gte("outbox.time", cutoff)))
                    .containsExactlyInAnyOrder("v-both", "v-late");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void anEventAddedToAStoredDocumentIsFoundByTheSweepOnEitherBackend() {
        for (MongoServer server : List.of(EmbeddedMongo.inMemory(), EmbeddedMongo.persistent(dir.resolve("s.mv")))) {
            try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
                MongoCollection<Document> vacancies = client.getDatabase("needmapping").getCollection("vacancies");
                vacancies.createIndex(Indexes.ascending("outbox.time"), new com.mongodb.client.model.IndexOptions()
                        .sparse(true));
                java.util.Date early = new java.util.Date(1_000_000L);
                java.util.Date cutoff = new java.util.Date(5_000_000L);
                vacancies.insertOne(new Document("_id", "v-filled").append("revision", 1).append("outbox", List.of()));

                vacancies.updateOne(Filters.and(Filters.eq("_id", "v-filled"), Filters.eq("revision", 1)),
                        Updates.combine(Updates.set("revision", 2), Updates.push("outbox",
                                new Document("time", early))));
                assertThat(ids(vacancies, Filters.lt("outbox.time", cutoff))).as("after a $push").containsExactly(
                        "v-filled");

                vacancies.replaceOne(Filters.and(Filters.eq("_id", "v-filled"), Filters.eq("revision", 2)),
                        new Document("_id", "v-filled").append("revision", 3).append("outbox",
                                List.of(new Document("time", early), new Document("time", early))));
                assertThat(ids(vacancies, Filters.lt("outbox.time", cutoff))).as("after a replacement")
                        .containsExactly("v-filled");

                vacancies.updateOne(Filters.eq("_id", "v-filled"), Updates.pull("outbox", new Document()));
                assertThat(ids(vacancies, Filters.lt("outbox.time", cutoff))).as("after the relay's $pull").isEmpty();
            } finally {
                server.shutdownNow();
            }
        }
    }

    private static de.bwaldvogel.mongo.bson.Document query(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        return collection.find(filter).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private static Document aVacancy(String id, String school, String status) {
        return new Document("_id", id).append("schoolCode", school).append("status", status);
    }
}
