package nl.instroom.needmapping.school.persistence;

import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import nl.instroom.needmapping.school.domain.Schools;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

@Repository
class MongoSchools implements Schools {

    @Document(SchoolDocument.COLLECTION)
    record SchoolDocument(@Id String id, String name, Sector sector, String municipality, String postcode,
            double latitude, double longitude, Integer pupils, String region, long revision, @Version Long version,
            List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "schools";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoSchools(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    @Override
    public Optional<School> find(String vestigingscode) {
        return Optional.ofNullable(mongo.findById(vestigingscode, SchoolDocument.class)).map(MongoSchools::toDomain);
    }

    @Override
    public void save(School school) {
        SchoolFacts facts = school.facts();
        documents.save(SchoolDocument.class, school.code(), school.loadedRevision(),
                school.registeredEvents(), (version, outbox) ->
                new SchoolDocument(facts.vestigingscode(), facts.name(), facts.sector(), facts.municipality(),
                        facts.postcode(), facts.latitude(), facts.longitude(), facts.pupils(), facts.region(),
                        school.revision(), version, outbox));
    }

    @Override
    public List<School> inRegion(String region, String municipality, Sector sector, int limit) {
        Criteria criteria = Criteria.where("region").is(region);
        if (municipality != null) {
            criteria = criteria.and("municipality").is(municipality);
        }
        if (sector != null) {
            criteria = criteria.and("sector").is(sector);
        }
        return mongo.find(new Query(criteria).with(Sort.by("_id")).limit(limit), SchoolDocument.class).stream()
                .map(MongoSchools::toDomain).toList();
    }

    private static School toDomain(SchoolDocument document) {
        return School.restore(new SchoolFacts(document.id(), document.name(), document.sector(),
                document.municipality(), document.postcode(), document.latitude(), document.longitude(),
                document.pupils(), document.region()), document.revision());
    }
}
