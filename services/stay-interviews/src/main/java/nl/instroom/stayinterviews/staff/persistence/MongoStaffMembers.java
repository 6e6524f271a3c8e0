package nl.instroom.stayinterviews.staff.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.Outbox;
import nl.instroom.chassis.outbox.OutboxDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.stay.RiskBand;
import nl.instroom.stayinterviews.keys.domain.Binding;
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

    /**
     * Fields of free text hold sealed values ({@code v2:<keyId>:<ciphertext>}), never plain text, each bound to the
     * employee, the interview and its field name ({@link #field}).
     */
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
        FreeTextVault.Sealer sealer = vault.sealer(member.schoolCode());
        documents.save(StaffDocument.class, member.id(), member.loadedRevision(), member.registeredEvents(),
                (version, outbox) -> new StaffDocument(member.id(), member.schoolCode(), member.staffRef(),
                        member.role(), member.subject(), member.fte().toPlainString(), member.yearsInService(),
                        member.lastStayInterviewOn(), member.leavesOn(), member.ambitionShared(),
                        member.interviews().stream().map(interview -> sealed(member.id(), interview, sealer))
                                .toList(),
                        member.revision(), version, outbox));
    }

    /**
     * Members holding text sealed in the first format (bound to the school only), to be sealed again; at most
     * {@code limit}, without free text.
     */
    List<String> sealedBeforeBinding(int limit) {
        List<String> ids = new ArrayList<>();
        for (StaffDocument d : mongo.find(Query.query(live().and("interviews.0").exists(true)), StaffDocument.class)) {
            if (d.interviews().stream().anyMatch(this::sealedBeforeBinding)) {
                ids.add(d.id());
                if (ids.size() == limit) {
                    break;
                }
            }
        }
        return ids;
    }

    private boolean sealedBeforeBinding(InterviewDocument i) {
        List<String> values = new ArrayList<>(Arrays.asList(i.interviewer(), i.lookingForwardTo(),
                i.learning(), i.whyStay(), i.lastThoughtOfLeaving(), i.whatWouldMakeTheJobBetter(), i.notes()));
        if (i.actions() != null) {
            i.actions().forEach(a -> {
                values.add(a.description());
                values.add(a.owner());
            });
        }
        return values.stream().anyMatch(vault::sealedBeforeBinding);
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

    /*
     * The field a sealed value is bound to is named as in the API: interviewer, notes, answers.<question> and
     * actions.<index>.description / .owner. Sealing and opening both name it through these, so a value opens only
     * in its own field.
     */
    private static final String INTERVIEWER = "interviewer";
    private static final String NOTES = "notes";

    private static String answer(String question) {
        return "answers." + question;
    }

    private static String action(int index, String part) {
        return "actions." + index + "." + part;
    }

    private static InterviewDocument sealed(String staffId, StayInterview interview, FreeTextVault.Sealer sealer) {
        Answers answers = interview.answers();
        Sealing seal = (name, text) -> sealer.seal(Binding.of(staffId, interview.id(), name), text);
        List<FollowUpAction> actions = interview.actions();
        List<ActionDocument> sealedActions = new ArrayList<>();
        for (int index = 0; index < actions.size(); index++) {
            FollowUpAction action = actions.get(index);
            sealedActions.add(new ActionDocument(seal.apply(action(index, "description"), action.description()),
                    seal.apply(action(index, "owner"), action.owner()), action.dueOn(), action.doneOn()));
        }
        return new InterviewDocument(interview.id(), interview.heldOn(),
                seal.apply(INTERVIEWER, interview.interviewer()),
                seal.apply(answer("lookingForwardTo"), answers.lookingForwardTo()),
                seal.apply(answer("learning"), answers.learning()),
                seal.apply(answer("whyStay"), answers.whyStay()),
                seal.apply(answer("lastThoughtOfLeaving"), answers.lastThoughtOfLeaving()),
                seal.apply(answer("whatWouldMakeTheJobBetter"), answers.whatWouldMakeTheJobBetter()),
                interview.workload(), interview.satisfaction(), interview.intentToStay(), interview.ambitions(),
                sealedActions, seal.apply(NOTES, interview.notes()), interview.riskBand());
    }

    @FunctionalInterface
    private interface Sealing {

        String apply(String field, String plaintext);
    }

    private StaffMember toDomain(StaffDocument d, boolean withContent) {
        FreeTextVault.Opener opener = withContent ? vault.opener(d.schoolCode()) : null;
        return StaffMember.restore(d.schoolCode(), d.staffRef(), d.role(), d.subject(), new BigDecimal(d.fte()),
                d.yearsInService(), d.lastStayInterviewOn(), d.leavesOn(), d.ambitionShared(),
                d.interviews() == null ? List.of() : d.interviews().stream()
                        .map(i -> interview(d.id(), i, opener)).toList(), d.revision());
    }

    private static StayInterview interview(String staffId, InterviewDocument i, FreeTextVault.Opener opener) {
        boolean withContent = opener != null;
        Opening open = new Opening(opener, staffId, i.id());
        String interviewer = open.apply(INTERVIEWER, i.interviewer());
        Answers answers = new Answers(open.apply(answer("lookingForwardTo"), i.lookingForwardTo()),
                open.apply(answer("learning"), i.learning()), open.apply(answer("whyStay"), i.whyStay()),
                open.apply(answer("lastThoughtOfLeaving"), i.lastThoughtOfLeaving()),
                open.apply(answer("whatWouldMakeTheJobBetter"), i.whatWouldMakeTheJobBetter()));
        List<FollowUpAction> actions = new ArrayList<>();
        List<ActionDocument> stored = i.actions() == null ? List.of() : i.actions();
        for (int index = 0; index < stored.size(); index++) {
            ActionDocument a = stored.get(index);
            actions.add(new FollowUpAction(open.apply(action(index, "description"), a.description()),
                    open.apply(action(index, "owner"), a.owner()), a.dueOn(), a.doneOn()));
        }
        String notes = open.apply(NOTES, i.notes());
        return new StayInterview(i.id(), i.heldOn(), interviewer, answers, i.workload(), i.satisfaction(),
                i.intentToStay(), i.ambitions(), actions, notes, i.riskBand(), withContent && open.allOpened);
    }

    /** Opens sealed values of one interview, noting whether any could not be opened (its key is gone). */
    private static final class Opening {

        private final FreeTextVault.Opener opener;
        private final String staffId;
        private final String interviewId;
        private boolean allOpened = true;

        Opening(FreeTextVault.Opener opener, String staffId, String interviewId) {
            this.opener = opener;
            this.staffId = staffId;
            this.interviewId = interviewId;
        }

        String apply(String field, String sealed) {
            if (opener == null || sealed == null) {
                return null;
            }
            Optional<String> opened = opener.open(Binding.of(staffId, interviewId, field), sealed);
            if (opened.isEmpty()) {
                allOpened = false;
            }
            return opened.orElse(null);
        }
    }
}
