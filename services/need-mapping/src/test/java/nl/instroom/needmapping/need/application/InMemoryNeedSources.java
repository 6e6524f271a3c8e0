package nl.instroom.needmapping.need.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.instroom.needmapping.need.domain.NeedIndexFormula;
import nl.instroom.needmapping.need.domain.NeedInputs;
import nl.instroom.needmapping.need.domain.NeedSources;

/**
 * The need's inputs in memory: schools with their open vacancies. {@link #beforeNextRead} lets a test put something
 * between a pass's read of the stored needs and its read of the inputs, as another instance or a request would.
 */
final class InMemoryNeedSources implements NeedSources {

    private final Map<String, NeedInputs> schools = new LinkedHashMap<>();
    private Runnable beforeNextRead;

    InMemoryNeedSources aSchool(String code, String region, int pupils) {
        schools.put(code, new NeedInputs(code, region, pupils, List.of(), 0, 0, 0));
        return this;
    }

    void open(String code, NeedInputs.Vacancy vacancy) {
        NeedInputs school = schools.get(code);
        List<NeedInputs.Vacancy> open = new ArrayList<>(school.openVacancies());
        open.add(vacancy);
        schools.put(code, withVacancies(school, open));
    }

    void close(String code, NeedInputs.Vacancy vacancy) {
        NeedInputs school = schools.get(code);
        List<NeedInputs.Vacancy> open = new ArrayList<>(school.openVacancies());
        open.remove(vacancy);
        schools.put(code, withVacancies(school, open));
    }

    NeedInputs of(String code) {
        return schools.get(code);
    }

    /** Runs once, when a pass next reads inputs (after it read the stored needs). */
    void beforeNextRead(Runnable action) {
        beforeNextRead = action;
    }

    @Override
    public Map<String, NeedInputs> inputsOf(Collection<String> schoolCodes) {
        Runnable action = beforeNextRead;
        beforeNextRead = null;
        if (action != null) {
            action.run();
        }
        Map<String, NeedInputs> inputs = new LinkedHashMap<>();
        schoolCodes.stream().filter(schools::containsKey).forEach(code -> inputs.put(code, schools.get(code)));
        return inputs;
    }

    @Override
    public Map<String, Double> medianPupils(Collection<String> regions) {
        Map<String, Double> medians = new HashMap<>();
        for (String region : regions) {
            medians.put(region, NeedIndexFormula.medianKnownPupils(schools.values().stream()
                    .filter(school -> school.region().equals(region)).map(NeedInputs::pupils).toList()));
        }
        return medians;
    }

    /** Counted on every read here: the stand-in keeps no medians, so there is nothing to refresh. */
    @Override
    public java.util.Set<String> refreshMedianPupils(Collection<String> regions) {
        java.util.Set<String> counted = new java.util.TreeSet<>(regions);
        if (regions.isEmpty()) {
            schools.values().forEach(school -> counted.add(school.region()));
        }
        return counted;
    }

    @Override
    public List<String> schoolsOf(String region) {
        return schools.values().stream().filter(school -> school.region().equals(region))
                .map(NeedInputs::schoolCode).toList();
    }

    @Override
    public List<String> allSchools() {
        return List.copyOf(schools.keySet());
    }

    @Override
    public List<String> schoolsWithOpenVacancies() {
        return schools.values().stream().filter(school -> !school.openVacancies().isEmpty())
                .map(NeedInputs::schoolCode).toList();
    }

    private static NeedInputs withVacancies(NeedInputs school, List<NeedInputs.Vacancy> open) {
        return new NeedInputs(school.schoolCode(), school.region(), school.pupils(), open,
                school.unfilledLessonHoursPerWeek(), school.expectedDeparturesFte(), school.activeTutorPlacements());
    }
}
