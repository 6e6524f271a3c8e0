package nl.instroom.mentoring.matching.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.mentoring.matching.domain.CoordinatorRules;
import nl.instroom.mentoring.matching.domain.Matching;
import nl.instroom.mentoring.matching.domain.MatchingRun;
import nl.instroom.mentoring.matching.domain.MatchingRuns;
import nl.instroom.mentoring.matching.domain.MatchingWeights;
import nl.instroom.mentoring.matching.domain.PairKey;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * A run is one document with its proposal (pairs and their explained scores); a cohort's pins and exclusions are one
 * document per cohort, changed by single atomic updates ({@code $addToSet}, {@code $pull}) so two coordinators'
 * changes never undo each other.
 */
@Repository
class MongoMatchingRuns implements MatchingRuns {

    @Document(RunDocument.COLLECTION)
    record RunDocument(@Id String id, String cohortId, Instant ranAt, MatchingWeights weights,
            Matching.Proposal proposal, MatchingRun.Status status, long revision, @Version Long version,
            List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "matching_runs";
    }

    @Document(RulesDocument.COLLECTION)
    record RulesDocument(@Id String cohortId, List<PairKey> pins, List<PairKey> exclusions) {

        static final String COLLECTION = "matching_rules";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoMatchingRuns(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
        mongo.indexOps(RunDocument.class).createIndex(new Index().on("cohortId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC));
    }

    @Override
    public void save(MatchingRun run) {
        documents.save(RunDocument.class, run.id(), run.loadedRevision(), List.of(), (version, outbox) ->
                new RunDocument(run.id(), run.cohortId(), run.ranAt(), run.weights(), run.proposal(), run.status(),
                        run.revision(), version, outbox));
    }

    @Override
    public Optional<MatchingRun> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RunDocument.class)).map(d -> MatchingRun.restore(d.id(),
                d.cohortId(), d.ranAt(), d.weights(), d.proposal(), d.status(), d.revision()));
    }

    @Override
    public boolean confirmedIn(String cohortId) {
        return mongo.exists(Query.query(Criteria.where("cohortId").is(cohortId)
                .and("status").is(MatchingRun.Status.CONFIRMED)), RunDocument.class);
    }

    @Override
    public Set<Set<String>> earlierPairs(String exceptCohortId) {
        Set<Set<String>> pairs = new HashSet<>();
        for (RunDocument run : mongo.find(Query.query(Criteria.where("status").is(MatchingRun.Status.CONFIRMED)
                .and("cohortId").ne(exceptCohortId)), RunDocument.class)) {
            for (Matching.ProposedPair pair : run.proposal().pairs()) {
                pairs.add(Set.of(pair.leaderRef(), pair.executiveRef()));
            }
        }
        return pairs;
    }

    @Override
    public CoordinatorRules rules(String cohortId) {
        RulesDocument rules = mongo.findById(cohortId, RulesDocument.class);
        return rules == null ? CoordinatorRules.NONE : new CoordinatorRules(
                rules.pins() == null ? Set.of() : Set.copyOf(rules.pins()),
                rules.exclusions() == null ? Set.of() : Set.copyOf(rules.exclusions()));
    }

    @Override
    public void pin(String cohortId, PairKey pair) {
        change(cohortId, new Update().addToSet("pins", pair));
    }

    @Override
    public void unpin(String cohortId, PairKey pair) {
        change(cohortId, new Update().pull("pins", pair));
    }

    @Override
    public void exclude(String cohortId, PairKey pair) {
        change(cohortId, new Update().addToSet("exclusions", pair));
    }

    @Override
    public void lift(String cohortId, PairKey pair) {
        change(cohortId, new Update().pull("exclusions", pair));
    }

    private void change(String cohortId, Update update) {
        mongo.findAndModify(Query.query(Criteria.where("_id").is(cohortId)), update,
                FindAndModifyOptions.options().upsert(true), RulesDocument.class);
    }

    @Override
    public int forget(String participantRef) {
        int changed = 0;
        Criteria names = new Criteria().orOperator(Criteria.where("proposal.pairs.leaderRef").is(participantRef),
                Criteria.where("proposal.pairs.executiveRef").is(participantRef));
        for (RunDocument run : mongo.find(Query.query(names), RunDocument.class)) {
            List<Matching.ProposedPair> pairs = new ArrayList<>();
            for (Matching.ProposedPair pair : run.proposal().pairs()) {
                pairs.add(new Matching.ProposedPair(pair.pair(), erased(pair.leaderRef(), participantRef),
                        erased(pair.executiveRef(), participantRef), pair.score(), pair.pinned()));
            }
            Matching.Proposal p = run.proposal();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(run.id())), new Update().set("proposal",
                    new Matching.Proposal(pairs, p.objective(), p.provenOptimal(), p.leaders(), p.executives(),
                            p.candidates())).inc("revision", 1), RunDocument.class);
            changed++;
        }
        return changed;
    }

    private static String erased(String ref, String participantRef) {
        return ref.equals(participantRef) ? "erased" : ref;
    }
}
