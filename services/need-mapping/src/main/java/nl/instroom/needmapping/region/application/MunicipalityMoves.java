package nl.instroom.needmapping.region.application;

import java.time.LocalDate;
import nl.instroom.needmapping.region.domain.Municipality;
import org.springframework.stereotype.Service;

/**
 * An admin puts a municipality in another region from a day on. When that day has come, its schools move now
 * (through {@link SchoolsOfRegions}); otherwise they move on that day, when the schools follow the register.
 */
@Service
public class MunicipalityMoves {

    /** The municipality after the admin's change, whether that changed the register, and the schools moved now. */
    public record MunicipalityMoved(Municipality municipality, boolean changed, int schoolsMoved) {
    }

    private final Regions regions;
    private final SchoolsOfRegions schools;

    MunicipalityMoves(Regions regions, SchoolsOfRegions schools) {
        this.regions = regions;
        this.schools = schools;
    }

    public MunicipalityMoved moveMunicipality(String municipalityCode, String region, LocalDate effectiveFrom) {
        Regions.Assigned assigned = regions.assign(municipalityCode, region, effectiveFrom);
        int moved = schools.followMunicipality(assigned.municipality().code());
        return new MunicipalityMoved(assigned.municipality(), assigned.changed(), moved);
    }
}
