package nl.instroom.needmapping.school.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.events.Sector;

/** Where schools are kept; saving stores the state and the registered events in one atomic write. */
public interface Schools {

    /** Where a school is, as stored: enough to see whether it still follows the region register. */
    record Placement(String vestigingscode, String municipalityCode, String region) {
    }

    Optional<School> find(String vestigingscode);

    /** The schools of these codes that exist, by code: one read for a whole import. */
    Map<String, School> findAll(Collection<String> vestigingscodes);

    /**
     * @throws nl.instroom.chassis.refusal.ChangedMeanwhile when someone else changed the school since it was loaded
     */
    void save(School school);

    List<School> inRegion(String region, String municipality, Sector sector, int limit);

    /** The vestigingscodes of a region's schools today. */
    List<String> codesInRegion(String region);

    /** Every school's placement: the few fields of the whole country, for following the register. */
    List<Placement> placements();
}
