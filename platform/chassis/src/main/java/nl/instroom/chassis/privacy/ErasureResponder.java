package nl.instroom.chassis.privacy;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.events.ReceivedEvent;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.privacy.SubjectErased;
import nl.instroom.events.privacy.SubjectErasureRequested;
import nl.instroom.events.privacy.SubjectKind;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Answers erasure requests for the service: notes the person in the {@link ErasureLedger}, runs every eraser, then
 * stores the answer with its {@code SubjectErased} event (for privacy.erasure-answers.v1, naming the request, never the
 * person) in one document keyed by the request id. A repeated request finds that document and is not answered twice;
 * the erasers ran again, harmlessly.
 */
public class ErasureResponder {

    public static final String ANSWERS = "erasure_answers";

    private final List<PersonalDataEraser> erasers;
    private final MongoTemplate mongo;
    private final PendingEvents pendingEvents;
    private final String service;
    private final Clock clock;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ErasureLedger ledger;

    public ErasureResponder(List<PersonalDataEraser> erasers, MongoTemplate mongo, PendingEvents pendingEvents,
            Outbox outbox, String service, Clock clock, AuditTrail audit, ErasureLedger ledger) {
        this.audit = audit;
        this.ledger = ledger;
        this.outbox = outbox;
        outbox.declare(ANSWERS);
        this.erasers = List.copyOf(erasers);
        this.mongo = mongo;
        this.pendingEvents = pendingEvents;
        this.service = service;
        this.clock = clock;
    }

    /**
     * Runs every eraser and removes the person's reference from the audit trail, without answering anyone: for a
     * reference its owner withdrew on its own topic (stay-interviews' {@code StaffMemberRemoved}), or for a person the
     * service itself may no longer keep (its retention period ended): neither is an admin's request, so nobody waits
     * for an answer. Safe to repeat.
     *
     * @return how many records were erased or anonymised
     */
    public int forget(SubjectKind kind, String subjectRef) {
        // First into the ledger, then erase: a consumer that applies an event naming the person after this line
        // finds them in the ledger and drops it.
        ledger.record(kind, subjectRef);
        int erased = 0;
        for (PersonalDataEraser eraser : erasers) {
            erased += eraser.erase(kind, subjectRef);
        }
        audit.forget(subjectRef);
        return erased;
    }

    /** Handles an event on the erasure requests topic; any other event is not its business. */
    public boolean handle(ReceivedEvent<InstroomEvent> received) {
        if (!(received.data() instanceof SubjectErasureRequested request)) {
            return false;
        }
        int erased = forget(request.subjectKind(), request.subjectRef());
        SubjectErased answer = new SubjectErased(request.requestId(), service, request.subjectKind(), erased);
        Document document = new Document("_id", request.requestId()).append("recordsErased", erased)
                .append("answeredAt", Date.from(clock.instant()));
        document.append(PendingEvents.FIELD, OutboxDocuments.of(mongo.getConverter(),
                pendingEvents.append(List.of(), List.of(answer))));
        try {
            mongo.insert(document, ANSWERS);
            outbox.written(ANSWERS, request.requestId(), 1);
            // The audit names the request, not the person: the trail must not keep what was erased.
            audit.recordAs("erasure-request", "ERASED_PERSONAL_DATA", request.requestId());
            return true;
        } catch (DuplicateKeyException alreadyAnswered) {
            return false;
        }
    }

}
