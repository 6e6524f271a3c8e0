package nl.instroom.needmapping.school.domain;

import java.util.List;
import java.util.Optional;

/** Where schools are kept; saving stores the state and the registered events in one atomic write. */
public interface Schools {

    Optional<School> find(String vestigingscode);

    void save(School school);

    List<School> inRegion(String region, String municipality, nl.instroom.events.Sector sector, int limit);
}
