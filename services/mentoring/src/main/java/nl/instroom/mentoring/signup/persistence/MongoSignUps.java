package nl.instroom.mentoring.signup.persistence;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.mentoring.signup.domain.DayPart;
import nl.instroom.mentoring.signup.domain.Side;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.SignUps;
import nl.instroom.mentoring.signup.domain.StaffLink;
import nl.instroom.mentoring.signup.domain.Theme;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** One document per sign-up, saved through the chassis' aggregate documents (revision check, outbox). */
@Repository
class MongoSignUps implements SignUps {

    @Document(SignUpDocument.COLLECTION)
    record SignUpDocument(@Id String id, String cohortId, String participantRef, Side side, String name,
            String email, String emailFingerprint, String sector, String region, String organisation,
            Map<Theme, Integer> themes, Set<DayPart> availability, int capacity, Set<String> notWith,
            LocalDate signedUpOn, LocalDate cohortEnds, SignUp.Status status, LocalDate withdrawnOn, boolean erased,
            String account, StaffLinkDocument staffLink, long revision, @Version Long version,
            List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "sign_ups";
    }

    /** The staff link: its keyed hash (never the reference), its school, and what arrived about it. */
    record StaffLinkDocument(String hash, String schoolCode, String leftIn, Set<String> talentIds,
            LocalDate lastNominatedOn) {

        static StaffLinkDocument of(StaffLink link) {
            return link == null ? null : new StaffLinkDocument(link.hash(), link.schoolCode(),
                    link.leftIn() == null ? null : link.leftIn().toString(), link.talentIds(), link.lastNominatedOn());
        }

        StaffLink toDomain() {
            return new StaffLink(hash, schoolCode, leftIn == null ? null : YearMonth.parse(leftIn), talentIds,
                    lastNominatedOn);
        }
    }

    private static final String LINK_HASH = "staffLink.hash";
    private static final String LINK_TALENTS = "staffLink.talentIds";

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoSignUps(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
        mongo.indexOps(SignUpDocument.class).createIndex(new Index().on("cohortId", Sort.Direction.ASC));
        mongo.indexOps(SignUpDocument.class).createIndex(new Index().on("emailFingerprint", Sort.Direction.ASC));
        mongo.indexOps(SignUpDocument.class).createIndex(new Index().on("participantRef", Sort.Direction.ASC));
        mongo.indexOps(SignUpDocument.class).createIndex(new Index().on("account", Sort.Direction.ASC));
        mongo.indexOps(SignUpDocument.class).createIndex(new Index().on(LINK_HASH, Sort.Direction.ASC));
        mongo.indexOps(SignUpDocument.class).createIndex(new Index().on(LINK_TALENTS, Sort.Direction.ASC));
    }

    @Override
    public void add(SignUp signUp) {
        try {
            save(signUp);
        } catch (ChangedMeanwhile duplicate) {
            // The id follows from cohort and address: an existing document is this person's earlier sign-up.
            throw new NotPossibleNow("This person has signed up for this cohort already");
        }
    }

    @Override
    public void save(SignUp s) {
        documents.save(SignUpDocument.class, s.id(), s.loadedRevision(), List.of(), (version, outbox) ->
                new SignUpDocument(s.id(), s.cohortId(), s.participantRef(), s.side(), s.name(), s.email(),
                        s.emailFingerprint(), s.sector(), s.region(), s.organisation(), s.themes(),
                        s.availability(), s.capacity(), s.notWith(), s.signedUpOn(), s.cohortEnds(), s.status(),
                        s.withdrawnOn(), SignUp.ERASED.equals(s.participantRef()), s.account(),
                        StaffLinkDocument.of(s.staffLink()), s.revision(), version, outbox));
    }

    @Override
    public Optional<SignUp> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SignUpDocument.class)).map(MongoSignUps::toDomain);
    }

    @Override
    public List<SignUp> ofCohort(String cohortId) {
        return mongo.find(Query.query(Criteria.where("cohortId").is(cohortId)).with(Sort.by("_id"))
                .limit(COHORT_LIMIT), SignUpDocument.class).stream().map(MongoSignUps::toDomain).toList();
    }

    @Override
    public List<SignUp> ofAccount(String account) {
        return mongo.find(Query.query(Criteria.where("account").is(account)).with(Sort.by("_id")).limit(100),
                SignUpDocument.class).stream().map(MongoSignUps::toDomain).toList();
    }

    @Override
    public Optional<String> participantWithFingerprint(String emailFingerprint) {
        SignUpDocument earlier = mongo.findOne(Query.query(Criteria.where("emailFingerprint").is(emailFingerprint)),
                SignUpDocument.class);
        return Optional.ofNullable(earlier).map(SignUpDocument::participantRef);
    }

    @Override
    public int anonymise(String participantRef) {
        return (int) mongo.updateMulti(Query.query(Criteria.where("participantRef").is(participantRef)),
                forgotten(), SignUpDocument.class).getModifiedCount();
    }

    @Override
    public List<String> anonymiseEndedBefore(LocalDate day, int limit) {
        List<String> refs = new ArrayList<>();
        for (SignUpDocument due : mongo.find(Query.query(Criteria.where("erased").is(false)
                .and("cohortEnds").lt(day)).with(Sort.by("_id")).limit(limit), SignUpDocument.class)) {
            // Conditional on the sign-up still being unforgotten: another instance may have been first.
            if (mongo.updateFirst(Query.query(Criteria.where("_id").is(due.id()).and("erased").is(false)),
                    forgotten(), SignUpDocument.class).getModifiedCount() == 1) {
                refs.add(due.participantRef());
            }
        }
        return refs;
    }

    @Override
    public boolean carries(String participantRef) {
        return mongo.exists(Query.query(Criteria.where("participantRef").is(participantRef)), SignUpDocument.class);
    }

    // What arrives about a staff link is written onto the sign-ups that have it, and nowhere else: a fact about a
    // reference no sign-up links matches nothing and is kept nowhere. Each write moves the revision on, so a copy of
    // the sign-up loaded before (a withdrawal under way) cannot write the link back as it was.

    @Override
    public int recordDeparture(String staffLinkHash, YearMonth leftIn) {
        return (int) mongo.updateMulti(Query.query(Criteria.where(LINK_HASH).is(staffLinkHash)),
                new Update().set("staffLink.leftIn", leftIn.toString()).inc("revision", 1), SignUpDocument.class)
                .getModifiedCount();
    }

    @Override
    public int recordStaffTalent(String staffLinkHash, String talentId) {
        return (int) mongo.updateMulti(Query.query(Criteria.where(LINK_HASH).is(staffLinkHash)
                .and(LINK_TALENTS).ne(talentId)), new Update().addToSet(LINK_TALENTS, talentId).inc("revision", 1),
                SignUpDocument.class).getModifiedCount();
    }

    @Override
    public int recordNomination(String talentId, LocalDate on) {
        // the latest nomination counts: a redelivered older one changes nothing
        return (int) mongo.updateMulti(Query.query(Criteria.where(LINK_TALENTS).is(talentId).orOperator(
                Criteria.where("staffLink.lastNominatedOn").exists(false),
                Criteria.where("staffLink.lastNominatedOn").lt(on))),
                new Update().set("staffLink.lastNominatedOn", on).inc("revision", 1), SignUpDocument.class)
                .getModifiedCount();
    }

    @Override
    public int unlinkStaff(String staffLinkHash) {
        return (int) mongo.updateMulti(Query.query(Criteria.where(LINK_HASH).is(staffLinkHash)),
                new Update().unset("staffLink").inc("revision", 1), SignUpDocument.class).getModifiedCount();
    }

    /** The person's data gone; the revision moves on so a copy loaded before cannot write it back. */
    private static Update forgotten() {
        return new Update().set("participantRef", SignUp.ERASED).set("erased", true).unset("name").unset("email")
                .unset("account").unset("emailFingerprint").unset("organisation").unset("staffLink")
                .set("notWith", List.of()).inc("revision", 1);
    }

    private static SignUp toDomain(SignUpDocument d) {
        return SignUp.restore(d.id(), d.cohortId(), d.participantRef(), d.side(), d.name(), d.email(),
                d.emailFingerprint(), d.sector(), d.region(), d.organisation(), d.themes(), d.availability(),
                d.capacity(), d.notWith(), d.signedUpOn(), d.cohortEnds(), d.status(), d.withdrawnOn(),
                d.account(), d.staffLink() == null ? null : d.staffLink().toDomain(), d.revision());
    }
}
