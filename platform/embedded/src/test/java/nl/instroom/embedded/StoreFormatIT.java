package nl.instroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents are kept as BSON; a store file written before that (H2's Java serialization) is converted when it is
 * opened, and everything in it reads back the same, before and after another restart.
 */
class StoreFormatIT {

    @TempDir
    Path dir;

    @Test
    void aFileWrittenTheOldWayIsConvertedAndReadsTheSame() {
        Path file = dir.resolve("legacy.mv");
        MongoServer legacy = new MongoServer(new H2Backend(MVStore.open(file.toString())));
        try (MongoClient client = MongoClients.create(legacy.bindAndGetConnectionString())) {
            vacancies(client).insertMany(List.of(aVacancy("v-1", "wiskunde"), aVacancy("v-2", "duits")));
        } finally {
            legacy.shutdown();
        }

        for (int start = 0; start < 2; start++) {
            MongoServer server = EmbeddedMongo.persistent(file);
            try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
                Document first = vacancies(client).find(Filters.eq("_id", "v-1")).first();
                assertThat(first).isNotNull();
                assertThat(first.getString("subject")).isEqualTo("wiskunde");
                assertThat(first.get("fte")).isEqualTo(new Decimal128(new java.math.BigDecimal("0.8")));
                assertThat(first.getDate("openedAt")).isEqualTo(Date.from(Instant.parse("2026-11-01T00:00:00Z")));
                assertThat(first.getList("outbox", Document.class)).singleElement()
                        .satisfies(event -> assertThat(event.getString("type")).isEqualTo("VacancyOpened"));
                assertThat(vacancies(client).countDocuments()).isEqualTo(2 + start);
                vacancies(client).insertOne(aVacancy("v-new-" + start, "frans"));
            } finally {
                server.shutdown();
            }
        }
    }

    @Test
    void anIndexACrashLeftWithoutAnEntryIsRebuiltWhenTheStoreOpens() {
        Path file = dir.resolve("torn.mv");
        MongoServer server = EmbeddedMongo.persistent(file);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            vacancies(client).insertMany(List.of(aVacancy("v-1", "wiskunde"), aVacancy("v-2", "duits")));
        } finally {
            server.shutdown();
        }
        // What a commit taken halfway through an insert leaves: the document, without its _id entry.
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        StoreFormat.index(store, StoreFormat.indexMap("needmapping.vacancies", "_id_"))
                .remove(new de.bwaldvogel.mongo.backend.KeyValue("v-1"));
        store.commit();
        store.close();

        server = EmbeddedMongo.persistent(file);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            assertThat(vacancies(client).find(Filters.eq("_id", "v-1")).first()).isNotNull();
            assertThatThrownBy(() -> vacancies(client).insertOne(aVacancy("v-1", "frans")))
                    .as("the _id is unique again").hasMessageContaining("E11000");
        } finally {
            server.shutdown();
        }
    }

    private static MongoCollection<Document> vacancies(MongoClient client) {
        return client.getDatabase("needmapping").getCollection("vacancies");
    }

    private static Document aVacancy(String id, String subject) {
        return new Document("_id", id).append("subject", subject)
                .append("fte", new Decimal128(new java.math.BigDecimal("0.8")))
                .append("openedAt", Date.from(Instant.parse("2026-11-01T00:00:00Z")))
                .append("outbox", List.of(new Document("type", "VacancyOpened").append("revision", 1L)));
    }
}
