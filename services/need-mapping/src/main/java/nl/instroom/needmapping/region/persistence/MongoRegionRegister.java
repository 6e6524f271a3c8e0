package nl.instroom.needmapping.region.persistence;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.needmapping.region.domain.Municipality;
import nl.instroom.needmapping.region.domain.Region;
import nl.instroom.needmapping.region.domain.RegionRegister;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoRegionRegister implements RegionRegister {

    @Document(RegionDocument.COLLECTION)
    record RegionDocument(@Id String id, String name) {

        static final String COLLECTION = "regions";
    }

    /** Days as ISO text ({@code 2026-07-01}): a day, not an instant, whatever the store's or the JVM's zone. */
    record AssignmentDocument(String region, String from) {
    }

    @Document(MunicipalityDocument.COLLECTION)
    record MunicipalityDocument(@Id String id, String name, List<AssignmentDocument> assignments, long revision) {

        static final String COLLECTION = "municipalities";
    }

    private final MongoTemplate mongo;

    MongoRegionRegister(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<Region> regions() {
        return mongo.find(new Query().with(Sort.by("_id")), RegionDocument.class).stream()
                .map(d -> new Region(d.id(), d.name())).toList();
    }

    @Override
    public Optional<Region> region(String code) {
        return Optional.ofNullable(mongo.findById(code, RegionDocument.class)).map(d -> new Region(d.id(), d.name()));
    }

    @Override
    public void save(Region region) {
        mongo.save(new RegionDocument(region.code(), region.name()));
    }

    @Override
    public List<Municipality> municipalities() {
        return mongo.find(new Query().with(Sort.by("_id")), MunicipalityDocument.class).stream()
                .map(MongoRegionRegister::toDomain).toList();
    }

    @Override
    public Optional<Municipality> municipality(String code) {
        return Optional.ofNullable(mongo.findById(code, MunicipalityDocument.class))
                .map(MongoRegionRegister::toDomain);
    }

    @Override
    public void save(Municipality municipality) {
        List<AssignmentDocument> assignments = municipality.assignments().stream()
                .map(a -> new AssignmentDocument(a.region(), a.from().toString())).toList();
        if (municipality.loadedRevision() == 0) {
            try {
                mongo.insert(new MunicipalityDocument(municipality.code(), municipality.name(), assignments,
                        municipality.revision()));
            } catch (DuplicateKeyException e) {
                throw conflict(municipality);
            }
            return;
        }
        Query unchangedSinceLoaded = Query.query(Criteria.where("_id").is(municipality.code())
                .and("revision").is(municipality.loadedRevision()));
        Update update = new Update().set("name", municipality.name()).set("assignments", assignments)
                .set("revision", municipality.revision());
        if (mongo.updateFirst(unchangedSinceLoaded, update, MunicipalityDocument.class).getMatchedCount() == 0) {
            throw conflict(municipality);
        }
    }

    private static ChangedMeanwhile conflict(Municipality municipality) {
        return new ChangedMeanwhile("Municipality " + municipality.code()
                + " was changed by someone else in the meantime; reload it and try again");
    }

    private static Municipality toDomain(MunicipalityDocument d) {
        return Municipality.restore(d.id(), d.name(), d.assignments().stream()
                .map(a -> new Municipality.Assignment(a.region(), LocalDate.parse(a.from()))).toList(), d.revision());
    }
}
