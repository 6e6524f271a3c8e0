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
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
