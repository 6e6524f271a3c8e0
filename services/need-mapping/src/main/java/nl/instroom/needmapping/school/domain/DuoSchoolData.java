package nl.instroom.needmapping.school.domain;

import java.util.Locale;
import java.util.Optional;
import nl.instroom.events.Sector;

/**
 * How DUO's open school data maps onto Instroom: the school type onto a sector. (The region comes from the region
 * register, by the municipality's code: {@code region.application.Regions}.)
 */
public final class DuoSchoolData {

    private DuoSchoolData() {
    }

    /** basisschool → PO; SBAO (special primary) and (V)SO → SO; PRO, VBO … VWO and BRUGJAAR → VO. */
    public static Optional<Sector> sectorOf(String duoType) {
        if (duoType == null) {
            return Optional.empty();
        }
        String type = duoType.trim().toUpperCase(Locale.ROOT);
        if (type.equals("BASISSCHOOL")) {
            return Optional.of(Sector.PO);
        }
        if (type.equals("SBAO") || type.equals("(V)SO") || type.equals("SO") || type.equals("VSO")) {
            return Optional.of(Sector.SO);
        }
        if (type.matches("(PRO|VBO|MAVO|HAVO|VWO|BRUGJAAR)(/(PRO|VBO|MAVO|HAVO|VWO))*")) {
            return Optional.of(Sector.VO);
        }
        if (type.equals("MBO")) {
            return Optional.of(Sector.MBO);
        }
        return Optional.empty();
    }
}
