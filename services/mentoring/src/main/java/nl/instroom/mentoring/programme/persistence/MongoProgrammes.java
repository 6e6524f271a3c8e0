package nl.instroom.mentoring.programme.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.instroom.mentoring.programme.domain.Cohort;
import nl.instroom.mentoring.programme.domain.Programme;
import nl.instroom.mentoring.programme.domain.Programmes;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Programmes and cohorts, one document each. They are written once and publish nothing, so they need neither a
 * revision nor an outbox.
 */
@Repository
class MongoProgrammes implements Programmes {

    @Document("programmes")
    record ProgrammeDocument(@Id String id, String name, LocalDate createdOn) {
    }

    @Document("cohorts")
    record CohortDocument(@Id String id, String programmeId, String name, LocalDate signUpOpens,
            LocalDate signUpCloses, LocalDate starts, LocalDate ends) {
    }

    private final MongoTemplate mongo;

    MongoProgrammes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(Programme p) {
        mongo.insert(new ProgrammeDocument(p.id(), p.name(), p.createdOn()));
    }

    @Override
    public Optional<Programme> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ProgrammeDocument.class))
                .map(d -> new Programme(d.id(), d.name(), d.createdOn()));
    }

    @Override
    public List<Programme> all() {
        return mongo.find(new Query().with(Sort.by("createdOn", "_id")), ProgrammeDocument.class).stream()
                .map(d -> new Programme(d.id(), d.name(), d.createdOn())).toList();
    }

    @Override
    public void add(Cohort c) {
        mongo.insert(new CohortDocument(c.id(), c.programmeId(), c.name(), c.signUpOpens(), c.signUpCloses(),
                c.starts(), c.ends()));
    }

    @Override
    public Optional<Cohort> findCohort(String id) {
        return Optional.ofNullable(mongo.findById(id, CohortDocument.class)).map(MongoProgrammes::toDomain);
    }

    @Override
    public List<Cohort> cohortsOf(String programmeId) {
        return mongo.find(Query.query(Criteria.where("programmeId").is(programmeId)).with(Sort.by("starts", "_id")),
                CohortDocument.class).stream().map(MongoProgrammes::toDomain).toList();
    }

    private static Cohort toDomain(CohortDocument d) {
        return new Cohort(d.id(), d.programmeId(), d.name(), d.signUpOpens(), d.signUpCloses(), d.starts(),
                d.ends());
    }
}
