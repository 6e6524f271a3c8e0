package nl.instroom.needmapping.school.persistence;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.instroom.chassis.store.QueryIndexes;
import nl.instroom.chassis.outbox.PendingEvent;
import nl.instroom.chassis.outbox.PendingEvents;
import nl.instroom.chassis.outbox.AggregateDocuments;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import nl.instroom.needmapping.school.domain.Schools;
import nl.instroom.needmapping.school.domain.TutoringHosting;
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
    record SchoolDocument(@Id String id, String name, Sector sector, String municipality, String municipalityCode,
            String postcode, double latitude, double longitude, Integer pupils, String region,
            List<DayOfWeek> tutoringDays, Integer tutorCapacity, long revision, @Version Long version,
            List<PendingEvent> outbox) implements AggregateDocuments.WithOutbox {

        static final String COLLECTION = "schools";
    }

    private final MongoTemplate mongo;
    private final AggregateDocuments documents;

    MongoSchools(MongoTemplate mongo, AggregateDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
        QueryIndexes.declare(mongo, SchoolDocument.COLLECTION, "region");
    }

    @Override
    public Optional<School> find(String vestigingscode) {
        // Without the outbox: events waiting to be published are not the school's state.
        Query byCode = Query.query(Criteria.where("_id").is(vestigingscode));
        byCode.fields().exclude(PendingEvents.FIELD);
        return Optional.ofNullable(mongo.findOne(byCode, SchoolDocument.class)).map(MongoSchools::toDomain);
    }

    @Override
    public Map<String, School> findAll(Collection<String> vestigingscodes) {
        Map<String, School> found = new HashMap<>();
        List<String> codes = List.copyOf(vestigingscodes);
        // in slices: one query per thousand codes keeps each $in (and the embedded store's scan) bounded
        for (int from = 0; from < codes.size(); from += 1000) {
            Query query = Query.query(Criteria.where("_id")
                    .in(codes.subList(from, Math.min(codes.size(), from + 1000))));
            mongo.find(query, SchoolDocument.class).forEach(document -> found.put(document.id(), toDomain(document)));
        }
        return found;
    }

    @Override
    public List<String> codesInRegion(String region) {
        Query inRegion = Query.query(Criteria.where("region").is(region));
        inRegion.fields().include("_id");
        return mongo.find(inRegion, org.bson.Document.class, SchoolDocument.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    @Override
    public List<Placement> placements() {
        Query all = new Query();
        all.fields().include("municipalityCode").include("region");
        return mongo.find(all, org.bson.Document.class, SchoolDocument.COLLECTION).stream()
                .map(d -> new Placement(d.getString("_id"), d.getString("municipalityCode"), d.getString("region")))
                .toList();
    }

    @Override
    public void save(School school) {
        SchoolFacts facts = school.facts();
        TutoringHosting hosting = school.hosting().orElse(null);
        documents.save(SchoolDocument.class, school.code(), school.loadedRevision(),
                school.registeredEvents(), (version, outbox) ->
                new SchoolDocument(facts.vestigingscode(), facts.name(), facts.sector(), facts.municipality(),
                        facts.municipalityCode(), facts.postcode(), facts.latitude(), facts.longitude(),
                        facts.pupils(), facts.region(), hosting == null ? null : hosting.daysInOrder(),
                        hosting == null ? null : hosting.capacity(), school.revision(), version, outbox));
    }

    @Override
    public List<School> inRegion(String region, String municipality, Sector sector, int limit) {
        Criteria criteria = region == null ? new Criteria() : Criteria.where("region").is(region);
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
                document.municipality(), document.municipalityCode(), document.postcode(), document.latitude(),
                document.longitude(), document.pupils(), document.region()), hostingOf(document), document.revision());
    }

    /** A school stored before it said anything about hosting tutors has neither field: it never said. */
    private static TutoringHosting hostingOf(SchoolDocument document) {
        if (document.tutoringDays() == null || document.tutorCapacity() == null) {
            return null;
        }
        return new TutoringHosting(Set.copyOf(document.tutoringDays()), document.tutorCapacity());
    }
}
