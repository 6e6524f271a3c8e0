package nl.instroom.scouting.suggestion.application;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.instroom.scouting.schools.domain.SchoolChange;
import nl.instroom.scouting.schools.domain.SchoolView;
import nl.instroom.scouting.schools.domain.SchoolViews;

/** The schools scouting heard of from need-mapping, in memory: what the inbox reads (a school's name and region). */
final class InMemorySchoolViews implements SchoolViews {

    private final Map<String, SchoolView> schools = new LinkedHashMap<>();

    InMemorySchoolViews aSchoolIn(String schoolCode, String region) {
        schools.put(schoolCode, new SchoolView(schoolCode, "School " + schoolCode, region, 0.0));
        return this;
    }

    @Override
    public List<Boolean> apply(List<SchoolChange> changes) {
        throw new UnsupportedOperationException("the projection is tested with its consumer");
    }

    @Override
    public Optional<SchoolView> find(String schoolCode) {
        return Optional.ofNullable(schools.get(schoolCode));
    }

    @Override
    public Map<String, SchoolView> findAll(Collection<String> schoolCodes) {
        return schoolCodes.stream().filter(schools::containsKey).map(schools::get)
                .collect(Collectors.toMap(SchoolView::schoolCode, Function.identity()));
    }

    @Override
    public List<SchoolView> inRegion(String region) {
        return schools.values().stream().filter(school -> school.region().equals(region)).toList();
    }
}
