package nl.instroom.identity.erasure;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.instroom.chassis.approval.FourEyes;
import nl.instroom.chassis.audit.AuditTrail;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Requests erasure and follows the answers. Erasure cannot be undone, so it is four-eyes work ({@link FourEyes}):
 * a request waits, unpublished, until a second admin approves it; only then is {@code SubjectErasureRequested}
 * written to the outbox, in the same write that records the approval. The person's reference is kept only while the
 * request waits (the approver must see what they approve); approval moves it into the event, withdrawal drops it.
 */
@Service
public class ErasureRequests {

    static final String COLLECTION = "erasure_requests";

    /**
     * What an admin sees of a request: where it stands, who asked and who decided, who has answered, how many
     * records each erased, whether it is done. {@code subjectRef} only while it waits for approval.
     */
    public record ErasureStatus(String requestId, SubjectKind subjectKind, String subjectRef, FourEyes.State state,
            String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, List<String> expected,
            Map<String, Integer> erasedByService, boolean complete) {
    }

    private final MongoTemplate mongo;
    private final PendingEvents pendingEvents;
    private final IdempotentWrites writes;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final List<String> expectedServices;
    private final Clock clock;

    ErasureRequests(MongoTemplate mongo, PendingEvents pendingEvents, Outbox outbox, IdempotentWrites writes,
            AuditTrail audit, Clock clock,
            @Value("${instroom.identity.erasure-services:need-mapping,tutoring,scouting,stay-interviews,career-advice,mentoring}")
            List<String> expectedServices) {
        this.mongo = mongo;
        this.pendingEvents = pendingEvents;
        this.outbox = outbox;
        this.writes = writes;
        this.audit = audit;
        outbox.declare(COLLECTION);
        this.clock = clock;
        this.expectedServices = List.copyOf(expectedServices);
    }

    /** Stores the request, pending a second admin's approval; nothing is published yet. */
    public ErasureStatus request(SubjectKind kind, String subjectRef, String requestedBy) {
        String requestId = UUID.randomUUID().toString();
        FourEyes approval = FourEyes.requested(requestedBy, clock.instant());
        Document request = new Document("_id", requestId).append("subjectKind", kind.name())
                .append("subjectRef", subjectRef).append("expected", expectedServices)
                .append("answers", new Document());
        write(approval, request);
        mongo.insert(request, COLLECTION);
        audit.recordAs(requestedBy, "ERASURE_REQUESTED", requestId);
        return status(requestId);
    }

    /**
     * A second admin approves: the request and its {@code SubjectErasureRequested} event are written in one
     * conditional write (only if still pending), and the outbox publishes it.
     */
    public ErasureStatus approve(String requestId, String approvedBy) {
        Document request = find(requestId);
        FourEyes approved = approval(request).approve(approvedBy, clock.instant());
        SubjectKind kind = SubjectKind.valueOf(request.getString("subjectKind"));
        List<Document> pending = OutboxDocuments.of(mongo.getConverter(), pendingEvents.append(List.of(),
                List.of(new SubjectErasureRequested(requestId, kind, request.getString("subjectRef")))));
        Update update = decision(approved).unset("subjectRef").set(PendingEvents.FIELD, pending);
        decide(requestId, update);
        outbox.written(COLLECTION, requestId, 1);
        audit.recordAs(approvedBy, "ERASURE_APPROVED", requestId);
        return status(requestId);
    }

    /** The admin who asked withdraws the request while it waits; the person's reference is dropped. */
    public ErasureStatus withdraw(String requestId, String withdrawnBy) {
        FourEyes withdrawn = approval(find(requestId)).withdraw(withdrawnBy, clock.instant());
        decide(requestId, decision(withdrawn).unset("subjectRef"));
        audit.recordAs(withdrawnBy, "ERASURE_WITHDRAWN", requestId);
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
        return toStatus(find(requestId));
    }

    public List<ErasureStatus> recent(int limit) {
        Query newestFirst = new Query().with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(limit);
        return mongo.find(newestFirst, Document.class, COLLECTION).stream().map(ErasureRequests::toStatus).toList();
    }

    private Document find(String requestId) {
        Document request = mongo.findById(requestId, Document.class, COLLECTION);
        if (request == null) {
            throw new NotFoundException("Erasure request", requestId);
        }
        return request;
    }

    /** Writes the decision only if the request is still pending: of two decisions at once, one wins. */
    private void decide(String requestId, Update update) {
        boolean decided = mongo.updateFirst(Query.query(Criteria.where("_id").is(requestId).and("state")
                .is(FourEyes.State.PENDING.name())), update, COLLECTION).getModifiedCount() == 1;
        if (!decided) {
            throw FourEyes.decidedMeanwhile();
        }
    }

    private static void write(FourEyes approval, Document request) {
        request.append("state", approval.state().name()).append("requestedBy", approval.requestedBy())
                .append("requestedAt", Date.from(approval.requestedAt()));
    }

    private static Update decision(FourEyes decided) {
        return new Update().set("state", decided.state().name()).set("decidedBy", decided.decidedBy())
                .set("decidedAt", Date.from(decided.decidedAt()));
    }

    /** Requests made before four-eyes were published at once: they read as approved. */
    private static FourEyes approval(Document request) {
        String state = request.getString("state");
        Date decidedAt = request.getDate("decidedAt");
        return new FourEyes(state == null ? FourEyes.State.APPROVED : FourEyes.State.valueOf(state),
                request.getString("requestedBy"), request.getDate("requestedAt").toInstant(),
                request.getString("decidedBy"), decidedAt == null ? null : decidedAt.toInstant());
    }

    private static ErasureStatus toStatus(Document request) {
        Map<String, Integer> erased = new LinkedHashMap<>();
        Document answers = request.get("answers", new Document());
        answers.forEach((service, answer) -> erased.put(service, ((Document) answer).getInteger("recordsErased")));
        List<String> expected = request.getList("expected", String.class);
        FourEyes approval = approval(request);
        return new ErasureStatus(request.getString("_id"), SubjectKind.valueOf(request.getString("subjectKind")),
                approval.pendingNow() ? request.getString("subjectRef") : null, approval.state(),
                approval.requestedBy(), approval.requestedAt(), approval.decidedBy(), approval.decidedAt(), expected,
                erased, approval.state() == FourEyes.State.APPROVED && erased.keySet().containsAll(expected));
    }
}
