package nl.instroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters that pin {@code _id} and add conditions — how the services guard revisions, apply an event once and
 * remove published outbox entries — are answered from the {@code _id} index and still match every condition.
 */
class PlannedIdIndexIT {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> schools;

    @BeforeEach
    void start() {
        server = EmbeddedMongo.inMemory();
        client = MongoClients.create(server.bindAndGetConnectionString());
        schools = client.getDatabase("planner").getCollection("schools");
        schools.insertMany(List.of(aSchoolAtRevision("21CM00", 3), aSchoolAtRevision("32ED00", 7),
                aSchoolAtRevision("04EW00", 1)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRevisionGuardMatchesOnlyAnOlderRevision() {
        assertThat(schools.updateOne(Filters.and(Filters.eq("_id", "21CM00"), Filters.lt("revision", 4)),
                Updates.set("revision", 4)).getModifiedCount()).isEqualTo(1);
        assertThat(schools.updateOne(Filters.and(Filters.eq("_id", "32ED00"), Filters.lt("revision", 4)),
                Updates.set("revision", 4)).getMatchedCount()).isZero();
        assertThat(revisionOf("32ED00")).isEqualTo(7);
    }

    @Test
    void anUpsertWhoseGuardFailsOnAnExistingIdIsRefusedAsADuplicate() {
        assertThatThrownBy(() -> schools.updateOne(
                Filters.and(Filters.eq("_id", "32ED00"), Filters.lt("revision", 5), Filters.ne("handled", "e1")),
                Updates.set("revision", 5), new UpdateOptions().upsert(true)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("E11000");
        assertThat(revisionOf("32ED00")).isEqualTo(7);
    }

    @Test
    void inAndEqPinTheIdAndTheOtherConditionsStillFilter() {
        assertThat(schools.find(Filters.and(Filters.in("_id", "21CM00", "32ED00", "99XX99"),
                Filters.gt("revision", 2))).map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder("21CM00", "32ED00");
        assertThat(schools.find(new Document("_id", new Document("$eq", "04EW00")).append("revision", 1))
                .first()).isNotNull();
        assertThat(schools.find(new Document("_id", new Document("$eq", "04EW00")).append("revision", 2))
                .first()).isNull();
    }

    @Test
    void anAndOfIdAndRevisionAsTheJavaDriverWritesItIsPinnedToo() {
        var filter = server("$and", List.of(server("_id", "21CM00"), server("revision", 3)));
        assertThat(PlannedIdIndex.idPart(filter)).contains(server("_id", "21CM00"));

        assertThat(schools.updateOne(Filters.and(Filters.eq("_id", "21CM00"), Filters.eq("revision", 3)),
                Updates.set("revision", 4)).getModifiedCount()).isEqualTo(1);
        assertThat(schools.updateOne(Filters.and(Filters.eq("_id", "21CM00"), Filters.eq("revision", 3)),
                Updates.set("revision", 5)).getMatchedCount()).as("the revision no longer matches").isZero();
        assertThat(revisionOf("21CM00")).isEqualTo(4);
    }

    @Test
    void otherOperatorsOnIdAreNotTakenForAPin() {
        assertThat(PlannedIdIndex.idPart(server("_id", server("$gt", "0")).append("revision", 1))).isEmpty();
        assertThat(PlannedIdIndex.idPart(server("_id", "21CM00"))).as("the index serves it alone").isEmpty();
        assertThat(PlannedIdIndex.idPart(server("_id", server("brin", "21CM")).append("revision", 1)))
                .as("a document value is an equality").contains(server("_id", server("brin", "21CM")));
        assertThat(schools.find(Filters.and(Filters.gt("_id", "10"), Filters.lt("revision", 5)))
                .map(d -> d.getString("_id")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder("21CM00");
    }

    @Test
    void aFilterPinningStringIdsIsMatchedOnlyOnTheRestOnEitherBackend(@TempDir Path dir) {
        for (MongoServer store : List.of(EmbeddedMongo.inMemory(), EmbeddedMongo.persistent(dir.resolve("p.mv")))) {
            try (MongoClient other = MongoClients.create(store.bindAndGetConnectionString())) {
                MongoCollection<Document> region = other.getDatabase("planner").getCollection("schools");
                region.insertMany(List.of(aSchoolAtRevision("21CM00", 3), aSchoolAtRevision("32ED00", 7),
                        aSchoolAtRevision("04EW00", 1), new Document("_id", 5).append("revision", 2)));
                List<String> codes = List.of("21CM00", "32ED00", "04EW00", "99XX99");

                assertThat(codesOf(region.find(Filters.in("_id", codes)))).as("a list of codes alone")
                        .containsExactlyInAnyOrder("21CM00", "32ED00", "04EW00");
                assertThat(codesOf(region.find(Filters.and(Filters.in("_id", codes), Filters.gt("revision", 2)))
                        .sort(new Document("revision", -1)).limit(1))).as("with a condition, sorted and limited")
                        .containsExactly("32ED00");
                assertThat(region.find(Filters.in("_id", codes)).projection(new Document("revision", 0))
                        .into(new java.util.ArrayList<>())).as("projected").allSatisfy(school ->
                        assertThat(school).doesNotContainKey("revision"));
                assertThat(region.countDocuments(Filters.and(Filters.eq("_id", "04EW00"), Filters.eq("revision", 1))))
                        .isEqualTo(1);
                assertThat(region.countDocuments(new Document("_id", 5.0))).as("a number equals across types")
                        .isEqualTo(1);
                assertThat(region.countDocuments(Filters.in("_id", List.of(5.0, "21CM00")))).isEqualTo(2);
                assertThat(region.updateMany(Filters.and(Filters.in("_id", codes), Filters.lt("revision", 5)),
                        Updates.inc("revision", 10)).getModifiedCount()).isEqualTo(2);
                assertThat(region.deleteMany(Filters.and(Filters.in("_id", codes), Filters.gt("revision", 10)))
                        .getDeletedCount()).isEqualTo(2);
                assertThat(codesOf(region.find(Filters.in("_id", codes)))).containsExactly("32ED00");
            } finally {
                store.shutdownNow();
            }
        }
    }

    @Test
    void onlyStringAndObjectIdPinsAreLeftOutOfTheMatch() {
        assertThat(PlannedIdIndex.withoutExactIds(server("_id", "21CM00").append("revision", 1)))
                .contains(server("revision", 1));
        assertThat(PlannedIdIndex.withoutExactIds(server("_id", server("$in", List.of("21CM00", "32ED00")))))
                .contains(new de.bwaldvogel.mongo.bson.Document());
        assertThat(PlannedIdIndex.withoutExactIds(server("_id", server("$eq", "21CM00")))).isPresent();
        assertThat(PlannedIdIndex.withoutExactIds(server("_id", 5))).as("numbers match across types").isEmpty();
        assertThat(PlannedIdIndex.withoutExactIds(server("_id", server("$in", List.of("21CM00", 5))))).isEmpty();
        assertThat(PlannedIdIndex.withoutExactIds(server("_id", server("$gt", "0")))).isEmpty();
        assertThat(PlannedIdIndex.withoutExactIds(server("_id", server("brin", "21CM")))).isEmpty();
        assertThat(PlannedIdIndex.withoutExactIds(server("revision", 1))).isEmpty();
    }

    private static List<String> codesOf(com.mongodb.client.FindIterable<Document> found) {
        return found.map(d -> d.getString("_id")).into(new java.util.ArrayList<>());
    }

    private static de.bwaldvogel.mongo.bson.Document server(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private int revisionOf(String schoolCode) {
        return schools.find(Filters.eq("_id", schoolCode)).first().getInteger("revision");
    }

    private static Document aSchoolAtRevision(String code, int revision) {
        return new Document("_id", code).append("revision", revision);
    }
}
