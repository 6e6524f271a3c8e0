package nl.instroom.careeradvice.need.application;

import java.util.Optional;
import nl.instroom.careeradvice.need.domain.Nearby;
import nl.instroom.careeradvice.need.domain.SchoolNeeds;
import nl.instroom.events.Sector;
import org.springframework.stereotype.Service;

/** The regions and schools with the greatest measured need near a PC4, for a sector and subject. */
@Service
public class NeedNearby {

    public static final double DEFAULT_RADIUS_KM = 30;
    static final int SCHOOLS_SHOWN = 10;

    private final SchoolNeeds needs;

    NeedNearby(SchoolNeeds needs) {
        this.needs = needs;
    }

    /** Empty when no known school of the sector lies near enough the PC4 to place the person. */
    public Optional<Nearby.Answer> near(Sector sector, String subject, String pc4, double radiusKm) {
        return Nearby.of(needs.ofSector(sector), sector == Sector.VO || sector == Sector.MBO ? subject : null, pc4,
                radiusKm, SCHOOLS_SHOWN);
    }
}
