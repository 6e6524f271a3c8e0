package nl.instroom.chassis.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nl.instroom.chassis.events.CloudEventHeaders;
import nl.instroom.chassis.events.EventCodec;
import nl.instroom.chassis.events.UndecodableEventException;
import nl.instroom.chassis.events.UnknownEventTypeException;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Drops, from every outbox of the service, the events still waiting to be published that name the erased person
 * (by their {@link nl.instroom.events.InstroomEvent#personRefs()}): an erasure must not be followed by an event that
 * spreads the reference again. Runs after the service's own erasers (the chassis orders it last), so events those
 * registered are dropped too. An event the relay is publishing at this very moment may still leave; every consumer
 * then drops it, because the person is in its ledger by the time it could apply it.
 */
public class PendingEventsEraser implements PersonalDataEraser {

    private static final String ENTRIES = PendingEvents.FIELD;

    private final MongoTemplate mongo;
    private final EventCodec codec;
    private final Supplier<? extends Iterable<String>> outboxCollections;

    public PendingEventsEraser(MongoTemplate mongo, EventCodec codec,
            Supplier<? extends Iterable<String>> outboxCollections) {
        this.mongo = mongo;
        this.codec = codec;
        this.outboxCollections = outboxCollections;
    }

    @Override
    public int erase(SubjectKind kind, String subjectRef) {
        PersonRef person = new PersonRef(kind, subjectRef);
        int dropped = 0;
        for (String collection : outboxCollections.get()) {
            // Only documents with pending events, and the reference as text, narrow the search; decoding decides.
            Query mayName = Query.query(Criteria.where(ENTRIES + ".0").exists(true).and(ENTRIES + ".data")
                    .regex(Pattern.quote(subjectRef)));
            mayName.fields().include(ENTRIES);
            for (Document document : mongo.find(mayName, Document.class, collection)) {
                List<Document> entries = document.getList(ENTRIES, Document.class, List.of());
                for (Document entry : entries) {
                    if (names(entry, person)) {
                        dropped += (int) mongo.updateFirst(Query.query(Criteria.where("_id").is(document.get("_id"))),
                                new Update().pull(ENTRIES, new Document("eventId", entry.getString("eventId"))),
                                collection).getModifiedCount();
                    }
                }
            }
        }
        return dropped;
    }

    private boolean names(Document entry, PersonRef person) {
        String data = entry.getString("data");
        if (data == null) {
            return false;
        }
        try {
            return codec.decode(Map.of(CloudEventHeaders.ID, String.valueOf(entry.getString("eventId")),
                            CloudEventHeaders.TYPE, String.valueOf(entry.getString("type")),
                            CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0),
                    data.getBytes(StandardCharsets.UTF_8)).data().personRefs().contains(person);
        } catch (UnknownEventTypeException | UndecodableEventException e) {
            return false;
        }
    }
}
