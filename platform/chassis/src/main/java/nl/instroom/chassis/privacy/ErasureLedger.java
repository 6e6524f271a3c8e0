package nl.instroom.chassis.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The people this service was told to forget, so that no event naming them is applied again — not a redelivery,
 * not a replay into an empty store (docs/security.md, "Personal references on Kafka and replay").
 *
 * <p>Entries are keyed digests ({@link StoreDigests}) of kind and reference, never the reference itself: the ledger
 * must not spell out who was erased. The digest key lives in the same store on purpose: the ledger is not the
 * durable record —
 * privacy.erasure-requests.v1 is, and {@link ErasureLedgerBootstrap} rebuilds the ledger from it into an empty or
 * restored store before any consumer starts.
 */
public class ErasureLedger {

    public static final String COLLECTION = "erasure_ledger";
    /** How far the bootstrap read the requests topic. */
    public static final String STATE = "erasure_ledger_state";

    private static final String POSITIONS = "request-positions";

    private final MongoTemplate mongo;
    private final StoreDigests digests;

    public ErasureLedger(MongoTemplate mongo, StoreDigests digests) {
        this.mongo = mongo;
        this.digests = digests;
    }

    /** Notes that the person is erased; safe to repeat. Call before erasing, so a consumer checking after sees it. */
    public void record(SubjectKind kind, String ref) {
        String digest = digest(new PersonRef(kind, ref));
        mongo.upsert(Query.query(Criteria.where("_id").is(digest)), new Update().setOnInsert("kind", kind.name()),
                COLLECTION);
    }

    /** Whether any of these people is erased. */
    public boolean isErased(List<PersonRef> people) {
        return !erasedAmong(List.of(people)).isEmpty();
    }

    /**
     * Which of the given lists name an erased person, in one query: for a consumer's batch, each element the people
     * one event names.
     *
     * @return the positions in {@code namedByEach} whose event names at least one erased person
     */
    public List<Integer> erasedAmong(List<List<PersonRef>> namedByEach) {
        Map<String, List<Integer>> positionsByDigest = new HashMap<>();
        for (int i = 0; i < namedByEach.size(); i++) {
            for (PersonRef person : namedByEach.get(i)) {
                positionsByDigest.computeIfAbsent(digest(person), d -> new ArrayList<>()).add(i);
            }
        }
        if (positionsByDigest.isEmpty()) {
            return List.of();
        }
        Query known = Query.query(Criteria.where("_id").in(positionsByDigest.keySet()));
        known.fields().include("_id");
        return mongo.find(known, Document.class, COLLECTION).stream()
                .flatMap(entry -> positionsByDigest.get(entry.getString("_id")).stream())
                .distinct().sorted().toList();
    }


    /** How far {@link ErasureLedgerBootstrap} applied the requests topic, per partition (empty: from the beginning). */
    Map<Integer, Long> requestPositions() {
        Document state = mongo.findById(POSITIONS, Document.class, STATE);
        Map<Integer, Long> positions = new HashMap<>();
        if (state != null && state.get("partitions") instanceof Document partitions) {
            partitions.forEach((partition, offset) -> positions.put(Integer.valueOf(partition),
                    ((Number) offset).longValue()));
        }
        return positions;
    }

    void requestPositions(Map<Integer, Long> positions) {
        Document partitions = new Document();
        positions.forEach((partition, offset) -> partitions.append(String.valueOf(partition), offset));
        mongo.upsert(Query.query(Criteria.where("_id").is(POSITIONS)), new Update().set("partitions", partitions),
                STATE);
    }

    private String digest(PersonRef person) {
        return digests.of(person.kind().name() + "\u0000" + person.ref());
    }
}
