package nl.instroom.needmapping.region.domain;

import java.util.List;
import java.util.Optional;

/** Where the register is kept. Saving a municipality checks that nobody changed it since it was loaded. */
public interface RegionRegister {

    List<Region> regions();

    Optional<Region> region(String code);

    /** Adds the region, or renames it. */
    void save(Region region);

    List<Municipality> municipalities();

    Optional<Municipality> municipality(String code);

    /** @throws nl.instroom.chassis.refusal.ChangedMeanwhile when someone else changed (or added) it since it was loaded */
    void save(Municipality municipality);
}
