package nl.instroom.tutoring.matching.persistence;

import nl.instroom.chassis.store.QueryIndexes;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.tutoring.matching.domain.MatchingInputs;
import nl.instroom.tutoring.matching.domain.MatchingRun;
import nl.instroom.tutoring.matching.domain.MatchingRuns;
import nl.instroom.tutoring.matching.domain.MatchingWeights;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.Proposal;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoMatchingRuns implements MatchingRuns {

    static final String ERASED = "erased";

    @Document(RunDocument.COLLECTION)
    record RunDocument(@Id String id, String region, String subject, String level, Set<Pair> pinned,
            Set<Pair> excluded, MatchingWeights weights, MatchingInputs inputs, List<Proposal> proposals,
            double objectivePoints, int allowedPairs, long solveMillis, String requestedBy, Instant solvedAt,
            MatchingRun.Status status, Instant acceptedAt) {

        static final String COLLECTION = "matching_runs";
    }

    private final MongoTemplate mongo;

    MongoMatchingRuns(MongoTemplate mongo) {
        this.mongo = mongo;
        QueryIndexes.declare(mongo, RunDocument.COLLECTION, "region");
    }

    @Override
    public void save(MatchingRun run) {
        mongo.insert(toDocument(run));
    }

    @Override
    public boolean markAccepted(MatchingRun run) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(run.id())
                        .and("status").is(MatchingRun.Status.SOLVED.name())),
                new Update().set("status", run.status().name()).set("acceptedAt", run.acceptedAt()),
                RunDocument.class).getModifiedCount() == 1;
    }

    @Override
    public Optional<MatchingRun> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RunDocument.class)).map(MongoMatchingRuns::toDomain);
    }

    @Override
    public List<MatchingRun> latestIn(String region, int limit) {
        return mongo.find(Query.query(Criteria.where("region").is(region))
                .with(Sort.by(Sort.Direction.DESC, "solvedAt")).limit(limit), RunDocument.class).stream()
                .map(MongoMatchingRuns::toDomain).toList();
    }

    @Override
    public List<MatchingRun> solvedBefore(Instant moment, int limit) {
        return mongo.find(Query.query(Criteria.where("solvedAt").lt(moment))
                        .with(Sort.by(Sort.Direction.ASC, "solvedAt", "_id")).limit(limit), RunDocument.class).stream()
                .map(MongoMatchingRuns::toDomain).toList();
    }

    @Override
    public int remove(Collection<String> ids, Instant solvedBefore) {
        return (int) mongo.remove(Query.query(Criteria.where("_id").in(ids).and("solvedAt").lt(solvedBefore)),
                RunDocument.class).getDeletedCount();
    }

    @Override
    public int forgetTutor(String tutorId) {
        if (!tutorId.matches("[A-Za-z0-9-]{1,64}")) {
            return 0; // not an id tutoring issues, so no run can name it (and no field path is built from it)
        }
        List<RunDocument> naming = mongo.find(Query.query(Criteria.where("inputs.tutorRevisions." + tutorId)
                .exists(true)), RunDocument.class);
        naming.forEach(d -> mongo.save(withoutTutor(d, tutorId)));
        return naming.size();
    }

    /** The run as it was, but the tutor's id replaced, so the run still explains the other proposals. */
    private static RunDocument withoutTutor(RunDocument d, String tutorId) {
        MatchingInputs in = d.inputs();
        Map<String, Long> revisions = new HashMap<>(in.tutorRevisions());
        Map<String, Integer> open = new HashMap<>(in.tutorOpenPlacements());
        revisions.remove(tutorId);
        open.remove(tutorId);
        return new RunDocument(d.id(), d.region(), d.subject(), d.level(), anonymised(d.pinned(), tutorId),
                anonymised(d.excluded(), tutorId), d.weights(),
                new MatchingInputs(revisions, in.schoolNeedRevisions(), open, in.schoolOpenPlacements()),
                d.proposals().stream().map(p -> p.pair().tutorId().equals(tutorId)
                        ? new Proposal(new Pair(ERASED, p.pair().schoolCode(), p.pair().subject()), p.score(), p.pinned())
                        : p).toList(),
                d.objectivePoints(), d.allowedPairs(), d.solveMillis(), d.requestedBy(), d.solvedAt(), d.status(),
                d.acceptedAt());
    }

    private static Set<Pair> anonymised(Set<Pair> pairs, String tutorId) {
        return pairs.stream().map(p -> p.tutorId().equals(tutorId) ? new Pair(ERASED, p.schoolCode(), p.subject()) : p)
                .collect(Collectors.toSet());
    }

    private static RunDocument toDocument(MatchingRun r) {
        return new RunDocument(r.id(), r.region(), r.subject(), r.level(), r.pinned(), r.excluded(), r.weights(),
                r.inputs(), r.proposals(), r.objectivePoints(), r.allowedPairs(), r.solveMillis(), r.requestedBy(),
                r.solvedAt(), r.status(), r.acceptedAt());
    }

    private static MatchingRun toDomain(RunDocument d) {
        return MatchingRun.restore(d.id(), d.region(), d.subject(), d.level(), d.pinned(), d.excluded(), d.weights(),
                d.inputs(), d.proposals(), d.objectivePoints(), d.allowedPairs(), d.solveMillis(), d.requestedBy(),
                d.solvedAt(), d.status(), d.acceptedAt());
    }
}
