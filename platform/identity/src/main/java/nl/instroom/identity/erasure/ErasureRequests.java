package nl.instroom.identity.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.instroom.chassis.consumer.IdempotentWrites;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.SubjectErased;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Requests erasure and follows the answers. */
@Service
public class ErasureRequests {

    static final String COLLECTION = "erasure_requests";

    /** What an admin sees of a request: who has answered, how many records each erased, whether it is done. */
    public record ErasureStatus(String requestId, SubjectKind subjectKind, String requestedBy, Instant requestedAt,
            List<String> expected, Map<String, Integer> erasedByService, boolean complete) {
    }

    private final MongoTemplate mongo;
    private final PendingEvents pendingEvents;
    private final IdempotentWrites writes;
    private final Outbox outbox;
    private final List<String> expectedServices;
    private final Clock clock;

    ErasureRequests(MongoTemplate mongo, PendingEvents pendingEvents, Outbox outbox, IdempotentWrites writes,
            Clock clock,
            @Value("${instroom.identity.erasure-services:need-mapping,tutoring,scouting,stay-interviews}")
            List<String> expectedServices) {
        this.mongo = mongo;
        this.pendingEvents = pendingEvents;
        this.outbox = outbox;
        this.writes = writes;
        outbox.declare(COLLECTION);
        this.clock = clock;
        this.expectedServices = List.copyOf(expectedServices);
    }

    /** Stores the request and its event in one write; the outbox publishes it. */
    public ErasureStatus request(SubjectKind kind, String subjectRef, String requestedBy) {
        String requestId = UUID.randomUUID().toString();
        List<Document> pending = OutboxDocuments.of(mongo.getConverter(), pendingEvents.append(List.of(),
                List.of(new SubjectErasureRequested(requestId, kind, subjectRef))));
        Document request = new Document("_id", requestId).append("subjectKind", kind.name())
                .append("requestedBy", requestedBy).append("requestedAt", Date.from(clock.instant()))
                .append("expected", expectedServices).append("answers", new Document())
                .append(PendingEvents.FIELD, pending);
        mongo.insert(request, COLLECTION);
        outbox.written(COLLECTION, requestId, 1);
        return status(requestId);
    }

    /** Records one service's answer, once per event. */
    public boolean answered(ReceivedEvent<InstroomEvent> received) {
        if (!(received.data() instanceof SubjectErased erased)) {
            return false;
        }
        if (mongo.findById(erased.requestId(), Document.class, COLLECTION) == null) {
            return false;
        }
        return writes.applyOnce(COLLECTION, erased.requestId(), received.id(), null, new Update()
                .set("answers." + erased.service(), new Document("recordsErased", erased.recordsErased())
                        .append("at", Date.from(clock.instant()))));
    }

    public ErasureStatus status(String requestId) {
        Document request = mongo.findById(requestId, Document.class, COLLECTION);
        if (request == null) {
            throw new NotFoundException("Erasure request", requestId);
        }
        return toStatus(request);
    }

    public List<ErasureStatus> recent(int limit) {
        Query newestFirst = new Query().with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(limit);
        return mongo.find(newestFirst, Document.class, COLLECTION).stream().map(ErasureRequests::toStatus).toList();
    }

    private static ErasureStatus toStatus(Document request) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        Document answers = request.get("answers", new Document());
        answers.forEach((service, answer) -> erased.put(service, ((Document) answer).getInteger("recordsErased")));
        List<String> expected = request.getList("expected", String.class);
        return new ErasureStatus(request.getString("_id"), SubjectKind.valueOf(request.getString("subjectKind")),
                request.getString("requestedBy"), request.getDate("requestedAt").toInstant(), expected, erased,
                erased.keySet().containsAll(expected));
    }

}
