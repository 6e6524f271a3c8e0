package nl.instroom.stayinterviews.risk.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.stayinterviews.risk.domain.SchoolRisk;
import nl.instroom.stayinterviews.risk.domain.SchoolRisks;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoSchoolRisks implements SchoolRisks {

    /** FTE as a decimal string, so no binary rounding creeps into what need-mapping receives. */
    record PointDocument(LocalDate assessedOn, String expectedDeparturesFte, int interviewsCovered) {
    }

    @Document(SchoolRiskDocument.COLLECTION)
    record SchoolRiskDocument(@Id String schoolCode, List<PointDocument> history, long revision,
            @Version Long version, List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "school_risks";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoSchoolRisks(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    @Override
    public Optional<SchoolRisk> find(String schoolCode) {
        return Optional.ofNullable(mongo.findById(schoolCode, SchoolRiskDocument.class)).map(d -> SchoolRisk.restore(
                d.schoolCode(), d.history().stream().map(p -> new SchoolRisk.Point(p.assessedOn(),
                        new BigDecimal(p.expectedDeparturesFte()), p.interviewsCovered())).toList(), d.revision()));
    }

    @Override
    public Set<String> schoolCodes() {
        return new TreeSet<>(mongo.findDistinct(new Query(),
                "_id", SchoolRiskDocument.COLLECTION, String.class));
    }

    @Override
    public void save(SchoolRisk risk) {
        documents.save(SchoolRiskDocument.class, risk.schoolCode(), risk.loadedRevision(), risk.registeredEvents(),
                (version, outbox) -> new SchoolRiskDocument(risk.schoolCode(), risk.history().stream()
                        .map(p -> new PointDocument(p.assessedOn(), p.expectedDeparturesFte().toPlainString(),
                                p.interviewsCovered())).toList(), risk.revision(), version, outbox));
    }
}
