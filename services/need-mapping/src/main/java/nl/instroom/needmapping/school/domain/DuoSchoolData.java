package nl.instroom.needmapping.school.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import nl.instroom.events.Sector;

/**
 * How DUO's open school data maps onto Instroom: the school type onto a sector, the municipality onto a
 * labour-market region.
 */
public final class DuoSchoolData {

    public static final String REGIO_ZWOLLE = "REGIO_ZWOLLE";
    /** Schools outside the regions Instroom knows keep this region until one is configured for them. */
    public static final String OTHER_REGION = "OVERIG";

    /** The 14 municipalities of labour-market region Regio Zwolle. */
    static final Set<String> REGIO_ZWOLLE_MUNICIPALITIES = Set.of("DALFSEN", "HARDENBERG", "HATTEM", "HEERDE",
            "KAMPEN", "MEPPEL", "OLDEBROEK", "OMMEN", "RAALTE", "STAPHORST", "STEENWIJKERLAND", "WESTERVELD",
            "ZWARTEWATERLAND", "ZWOLLE");

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

    public static String regionOf(String municipality) {
        return municipality != null && REGIO_ZWOLLE_MUNICIPALITIES.contains(municipality.trim().toUpperCase(Locale.ROOT))
                ? REGIO_ZWOLLE : OTHER_REGION;
    }
}
