package nl.instroom.needmapping.vacancy.application;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import nl.instroom.needmapping.school.domain.Schools;

/** Registered schools in memory: what the vacancy use cases read (a school and its region). */
final class InMemorySchools implements Schools {

    private final Map<String, School> stored = new LinkedHashMap<>();

    /** A secondary school registered in the region. */
    InMemorySchools aSchoolIn(String vestigingscode, String region) {
        SchoolFacts facts = new SchoolFacts(vestigingscode, "School " + vestigingscode, Sector.VO, "ZWOLLE",
                "GM0193", "8011 AB", 52.51, 6.09, 800, region);
        stored.put(facts.vestigingscode(), School.restore(facts, 1));
        return this;
    }

    @Override
    public Optional<School> find(String vestigingscode) {
        return Optional.ofNullable(stored.get(vestigingscode));
    }

    @Override
    public Map<String, School> findAll(Collection<String> vestigingscodes) {
        return vestigingscodes.stream().filter(stored::containsKey).map(stored::get)
                .collect(Collectors.toMap(School::code, Function.identity()));
    }

    @Override
    public void save(School school) {
        throw new UnsupportedOperationException("the vacancy use cases do not change schools");
    }

    @Override
    public List<School> inRegion(String region, String municipality, Sector sector, int limit) {
        return stored.values().stream().filter(s -> s.facts().region().equals(region)).limit(limit).toList();
    }

    @Override
    public List<String> codesInRegion(String region) {
        return stored.values().stream().filter(s -> s.facts().region().equals(region)).map(School::code).toList();
    }

    @Override
    public List<Placement> placements() {
        return stored.values().stream().map(s -> new Placement(s.code(), s.facts().municipalityCode(),
                s.facts().region())).toList();
    }
}
