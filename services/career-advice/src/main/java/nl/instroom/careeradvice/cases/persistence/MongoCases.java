package nl.instroom.careeradvice.cases.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.careeradvice.cases.domain.Cases;
import nl.instroom.careeradvice.cases.domain.Phase;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.store.QueryIndexes;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * One document per case with its outbox. The name, the e-mail address, every question and every contact summary
 * are stored sealed under the case's key ({@link CaseVault}); the e-mail address is found again only through its
 * keyed digest, which a unique index keeps to one case. {@code keepUntil} is stored as a field of its own for the
 * retention purge.
 */
@Repository
class MongoCases implements Cases {

    @Document(CaseDocument.COLLECTION)
    record CaseDocument(@Id String id, String emailDigest, String name, String email, Instant consentGivenAt,
            int retentionMonths, Instant lastActivity, Instant keepUntil, Phase phase, AdviceCase.Profile profile,
            String advisorRef, List<AdviceCase.Request> requests, List<AdviceCase.Contact> contacts,
            List<AdviceCase.PhaseChange> phases, List<AdviceCase.Outcome> outcomes,
            List<AdviceCase.Referral> referrals, boolean referred, AdviceCase.Introduction introduction,
            String introducedTo, long revision, @Version Long version,
            List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "advice_cases";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;
    private final CaseVault vault;

    MongoCases(MongoTemplate mongo, AggregateDocuments documents, CaseVault vault, Outbox outbox) {
        this.mongo = mongo;
        this.documents = documents;
        this.vault = vault;
        mongo.indexOps(CaseDocument.COLLECTION).createIndex(new Index().on("emailDigest", Sort.Direction.ASC)
                .unique());
        QueryIndexes.declare(mongo, CaseDocument.COLLECTION, "keepUntil");
        QueryIndexes.declare(mongo, CaseDocument.COLLECTION, "phase");
        QueryIndexes.declare(mongo, CaseDocument.COLLECTION, "introducedTo");
        outbox.declare(CaseDocument.COLLECTION);
    }

    @Override
    public Optional<AdviceCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CaseDocument.class)).map(this::toDomain);
    }

    @Override
    public Optional<AdviceCase> findByEmailDigest(String emailDigest) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("emailDigest").is(emailDigest)),
                CaseDocument.class)).map(this::toDomain);
    }

    @Override
    public void save(AdviceCase c) {
        String id = c.id();
        List<AdviceCase.Request> requests = c.requests().stream().map(request -> new AdviceCase.Request(
                request.at(), vault.seal(id, "question", request.question()), request.slotId(),
                request.routeAnswers())).toList();
        List<AdviceCase.Contact> contacts = c.contacts().stream().map(contact -> new AdviceCase.Contact(contact.id(),
                contact.kind(), contact.on(), contact.minutes(), vault.seal(id, "summary:" + contact.id(),
                        contact.summary()), contact.advisorRef())).toList();
        String name = vault.seal(id, "name", c.name());
        String email = vault.seal(id, "email", c.email());
        AdviceCase.Introduction shared = c.introduction();
        AdviceCase.Introduction introduction = shared == null ? null : new AdviceCase.Introduction(shared.region(),
                shared.agreedOn(), vault.seal(id, "introduction:firstName", shared.firstName()),
                vault.seal(id, "introduction:contactEmail", shared.contactEmail()), shared.recordedBy(),
                shared.withdrawnOn());
        // The region an active introduction names, as a field of its own: what the coordinator's list asks for.
        String introducedTo = shared != null && shared.active() ? shared.region() : null;
        documents.save(CaseDocument.class, id, c.loadedRevision(), c.registeredEvents(), (version, outbox) ->
                new CaseDocument(id, c.emailDigest(), name, email, c.consentGivenAt(), c.retentionMonths(),
                        c.lastActivity(), c.keepUntil(), c.phase(), c.profile(), c.advisorRef(), requests, contacts,
                        c.phases(), c.outcomes(), c.referrals(), !c.referrals().isEmpty(), introduction,
                        introducedTo, c.revision(), version, outbox));
    }

    @Override
    public List<AdviceCase> list(Phase phase, int limit) {
        Criteria criteria = phase == null ? Criteria.where("phase").ne(Phase.LEFT) : Criteria.where("phase").is(phase);
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "lastActivity")).limit(limit),
                CaseDocument.class).stream().map(this::toDomain).toList();
    }

    @Override
    public List<AdviceCase> introducedTo(String region, int limit) {
        return mongo.find(Query.query(Criteria.where("introducedTo").is(region))
                .with(Sort.by(Sort.Direction.DESC, "lastActivity")).limit(limit), CaseDocument.class).stream()
                .map(this::toDomain).toList();
    }

    @Override
    public boolean erase(String id) {
        boolean removed = mongo.remove(Query.query(Criteria.where("_id").is(id)), CaseDocument.class)
                .getDeletedCount() > 0;
        return vault.shred(id) | removed;
    }

    @Override
    public List<Due> dueBefore(Instant cutoff, int limit) {
        Query due = Query.query(Criteria.where("keepUntil").lt(cutoff)).with(Sort.by("keepUntil")).limit(limit);
        due.fields().include("_id").include("referred");
        return mongo.find(due, org.bson.Document.class, CaseDocument.COLLECTION).stream()
                .map(document -> new Due(document.getString("_id"), document.getBoolean("referred", false)))
                .toList();
    }

    private AdviceCase toDomain(CaseDocument d) {
        String id = d.id();
        List<AdviceCase.Request> requests = d.requests() == null ? List.of() : d.requests().stream()
                .map(request -> new AdviceCase.Request(request.at(), vault.open(id, "question", request.question())
                        .orElse(null), request.slotId(), request.routeAnswers())).toList();
        List<AdviceCase.Contact> contacts = d.contacts() == null ? List.of() : d.contacts().stream()
                .map(contact -> new AdviceCase.Contact(contact.id(), contact.kind(), contact.on(), contact.minutes(),
                        vault.open(id, "summary:" + contact.id(), contact.summary()).orElse(null),
                        contact.advisorRef())).toList();
        return AdviceCase.restore(id, d.emailDigest(), vault.open(id, "name", d.name()).orElse(null),
                vault.open(id, "email", d.email()).orElse(null), d.consentGivenAt(), d.retentionMonths(),
                d.lastActivity(), d.phase(), d.profile(), d.advisorRef(), requests, contacts,
                d.phases() == null ? List.of() : d.phases(), d.outcomes() == null ? List.of() : d.outcomes(),
                d.referrals() == null ? List.of() : d.referrals(), opened(id, d.introduction()), d.revision());
    }

    private AdviceCase.Introduction opened(String id, AdviceCase.Introduction sealed) {
        return sealed == null ? null : new AdviceCase.Introduction(sealed.region(), sealed.agreedOn(),
                vault.open(id, "introduction:firstName", sealed.firstName()).orElse(null),
                vault.open(id, "introduction:contactEmail", sealed.contactEmail()).orElse(null),
                sealed.recordedBy(), sealed.withdrawnOn());
    }
}
