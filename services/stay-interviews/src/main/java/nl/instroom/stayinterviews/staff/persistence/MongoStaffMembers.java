package nl.instroom.stayinterviews.staff.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.stay.RiskBand;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault;
import nl.instroom.stayinterviews.staff.domain.Answers;
import nl.instroom.stayinterviews.staff.domain.FollowUpAction;
import nl.instroom.stayinterviews.staff.domain.GrowthAmbition;
import nl.instroom.stayinterviews.staff.domain.IntentToStay;
import nl.instroom.stayinterviews.staff.domain.StaffMember;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import nl.instroom.stayinterviews.staff.domain.StayInterview;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoStaffMembers implements StaffMembers {

    /** Fields of free text hold sealed values ({@code v1:<keyId>:<ciphertext>}), never plain text. */
    record ActionDocument(String description, String owner, LocalDate dueOn, LocalDate doneOn) {
    }

    record InterviewDocument(String id, LocalDate heldOn, String interviewer, String lookingForwardTo,
            String learning, String whyStay, String lastThoughtOfLeaving, String whatWouldMakeTheJobBetter,
            int workload, int satisfaction, IntentToStay intentToStay, List<GrowthAmbition> ambitions,
            List<ActionDocument> actions, String notes, RiskBand riskBand) {
    }

    @Document(StaffDocument.COLLECTION)
    record StaffDocument(@Id String id, String schoolCode, String staffRef, String role, String subject, String fte,
            int yearsInService, LocalDate lastStayInterviewOn, LocalDate leavesOn, boolean ambitionShared,
            List<InterviewDocument> interviews, long revision, @Version Long version, List<PendingEvent> outbox)
            implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "staff";
    }

    private static final String TOMBSTONE = "removed";

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;
    private final PendingEvents pendingEvents;
    private final Outbox outbox;
    private final FreeTextVault vault;

    MongoStaffMembers(MongoTemplate mongo, AggregateDocuments documents, PendingEvents pendingEvents,
            Outbox outbox, FreeTextVault vault) {
        this.mongo = mongo;
        this.documents = documents;
        this.pendingEvents = pendingEvents;
        this.outbox = outbox;
        this.vault = vault;
    }

    @Override
    public Optional<StaffMember> find(String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(live().and("_id").is(id)), StaffDocument.class))
                .map(d -> toDomain(d, true));
    }

    @Override
    public List<StaffMember> atSchool(String schoolCode) {
        return mongo.find(Query.query(live().and("schoolCode").is(schoolCode)), StaffDocument.class).stream()
                .map(d -> toDomain(d, false)).toList();
    }

    @Override
    public List<StaffMember> leftBefore(LocalDate day) {
        return mongo.find(Query.query(live().and("leavesOn").lt(day)), StaffDocument.class).stream()
                .map(d -> toDomain(d, false)).toList();
    }

    @Override
    public Set<String> schoolsWithStaff() {
        return new TreeSet<>(mongo.findDistinct(Query.query(live()), "schoolCode", StaffDocument.COLLECTION,
                String.class));
    }

    @Override
    public void save(StaffMember member) {
        UnaryOperator<String> seal = vault.sealer(member.schoolCode());
        documents.save(StaffDocument.class, member.id(), member.loadedRevision(), member.registeredEvents(),
                (version, outbox) -> new StaffDocument(member.id(), member.schoolCode(), member.staffRef(),
                        member.role(), member.subject(), member.fte().toPlainString(), member.yearsInService(),
                        member.lastStayInterviewOn(), member.leavesOn(), member.ambitionShared(),
                        member.interviews().stream().map(interview -> sealed(interview, seal)).toList(),
                        member.revision(), version, outbox));
    }

    @Override
    public int remove(String id, List<InstroomEvent> farewell) {
        // One write: every field but the id and the outbox goes, and the farewell joins events still pending.
        Update update = new Update().set(TOMBSTONE, true);
        for (String field : List.of("schoolCode", "staffRef", "role", "subject", "fte", "yearsInService",
                "lastStayInterviewOn", "leavesOn", "ambitionShared", "interviews", "revision", "version", "_class")) {
            update.unset(field);
        }
        if (!farewell.isEmpty()) {
            update.push(PendingEvents.FIELD).each(OutboxDocuments.of(mongo.getConverter(),
                    pendingEvents.append(List.of(), farewell)).toArray());
        }
        long removed = mongo.updateFirst(Query.query(live().and("_id").is(id)), update, StaffDocument.COLLECTION)
                .getModifiedCount();
        if (removed > 0) {
            outbox.written(StaffDocument.COLLECTION, id, farewell.size());
        }
        dropPublishedTombstones();
        return (int) removed;
    }

    @Override
    public int dropPublishedTombstones() {
        return (int) mongo.remove(Query.query(Criteria.where(TOMBSTONE).is(true)
                .and(PendingEvents.FIELD + ".0").exists(false)), StaffDocument.COLLECTION).getDeletedCount();
    }

    private static Criteria live() {
        return Criteria.where(TOMBSTONE).ne(true);
    }

    private static InterviewDocument sealed(StayInterview interview, UnaryOperator<String> seal) {
        Answers answers = interview.answers();
        return new InterviewDocument(interview.id(), interview.heldOn(), seal.apply(interview.interviewer()),
                seal.apply(answers.lookingForwardTo()), seal.apply(answers.learning()), seal.apply(answers.whyStay()),
                seal.apply(answers.lastThoughtOfLeaving()), seal.apply(answers.whatWouldMakeTheJobBetter()),
                interview.workload(), interview.satisfaction(), interview.intentToStay(), interview.ambitions(),
                interview.actions().stream().map(action -> new ActionDocument(seal.apply(action.description()),
                        seal.apply(action.owner()), action.dueOn(), action.doneOn())).toList(),
                seal.apply(interview.notes()), interview.riskBand());
    }

    private StaffMember toDomain(StaffDocument d, boolean withContent) {
        Function<String, Optional<String>> opener = withContent ? vault.opener(d.schoolCode()) : null;
        return StaffMember.restore(d.schoolCode(), d.staffRef(), d.role(), d.subject(), new BigDecimal(d.fte()),
                d.yearsInService(), d.lastStayInterviewOn(), d.leavesOn(), d.ambitionShared(),
                d.interviews() == null ? List.of() : d.interviews().stream()
                        .map(i -> interview(i, opener)).toList(), d.revision());
    }

    private static StayInterview interview(InterviewDocument i, Function<String, Optional<String>> opener) {
        boolean withContent = opener != null;
        Opener open = new Opener(opener);
        String interviewer = open.apply(i.interviewer());
        Answers answers = new Answers(open.apply(i.lookingForwardTo()), open.apply(i.learning()),
                open.apply(i.whyStay()), open.apply(i.lastThoughtOfLeaving()),
                open.apply(i.whatWouldMakeTheJobBetter()));
        List<FollowUpAction> actions = i.actions() == null ? List.of() : i.actions().stream()
                .map(a -> new FollowUpAction(open.apply(a.description()), open.apply(a.owner()), a.dueOn(),
                        a.doneOn())).toList();
        String notes = open.apply(i.notes());
        return new StayInterview(i.id(), i.heldOn(), interviewer, answers, i.workload(), i.satisfaction(),
                i.intentToStay(), i.ambitions(), actions, notes, i.riskBand(), withContent && open.allOpened);
    }

    /** Opens sealed values of one interview, noting whether any could not be opened (its key is gone). */
    private static final class Opener implements UnaryOperator<String> {

        private final Function<String, Optional<String>> opener;
        private boolean allOpened = true;

        Opener(Function<String, Optional<String>> opener) {
            this.opener = opener;
        }

        @Override
        public String apply(String sealed) {
            if (opener == null || sealed == null) {
                return null;
            }
            Optional<String> opened = opener.apply(sealed);
            if (opened.isEmpty()) {
                allOpened = false;
            }
            return opened.orElse(null);
        }
    }
}
