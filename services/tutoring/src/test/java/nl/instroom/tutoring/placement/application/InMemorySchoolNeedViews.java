package nl.instroom.tutoring.placement.application;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.tutoring.needs.domain.SchoolNeedChange;
import nl.instroom.tutoring.needs.domain.SchoolNeedView;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;

/** The schools tutoring heard of from need-mapping, in memory: only what placement reads (a school's region). */
final class InMemorySchoolNeedViews implements SchoolNeedViews {

    private final Map<String, SchoolNeedView> schools = new LinkedHashMap<>();

    /** A school need-mapping announced in the region, with no need yet and no hosting preferences. */
    InMemorySchoolNeedViews aSchoolIn(String schoolCode, String region) {
        schools.put(schoolCode, new SchoolNeedView(schoolCode, "School " + schoolCode, region, 52.5, 6.1, 0.0,
                Map.of(), 1, 0, null, null));
        return this;
    }

    @Override
    public List<Boolean> apply(List<SchoolNeedChange> changes) {
        throw new UnsupportedOperationException("the projection is tested with its consumer");
    }

    @Override
    public Optional<SchoolNeedView> find(String schoolCode) {
        return Optional.ofNullable(schools.get(schoolCode));
    }

    @Override
    public List<SchoolNeedView> inRegion(String region) {
        return schools.values().stream().filter(school -> school.region().equals(region)).toList();
    }
}
