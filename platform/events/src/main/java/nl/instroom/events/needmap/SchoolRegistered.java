package nl.instroom.events.needmap;

import java.time.DayOfWeek;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Sector;

/**
 * A school location became known to need-mapping. Schools are public organisations; their data is public.
 *
 * @param municipality the municipality's name as DUO spells it (upper case), for display
 * @param municipalityCode the municipality's CBS code ({@code GMxxxx}), which the region is joined on; null in
 *     events written before regions became data
 * @param region the CBS code of the labour-market region ({@code AMxx}) the register assigns the municipality
 * @param tutoringDays the weekdays on which the school hosts tutors, as its HR set them; null when the school has
 *     not said (then it hosts on every weekday). Added within v1: absent in older events
 * @param tutorCapacity how many tutors the school hosts at once, as its HR set it; null when the school has not said
 *     (then the consumer's default applies). Added within v1: absent in older events
 */
public record SchoolRegistered(String vestigingscode, String name, Sector sector, String municipality,
        String municipalityCode, String postcode, double latitude, double longitude, Integer pupils, String region,
        List<DayOfWeek> tutoringDays, Integer tutorCapacity, long revision) implements InstroomEvent {

    public SchoolRegistered {
        tutoringDays = tutoringDays == null ? null : List.copyOf(tutoringDays);
    }

    /** A school whose HR has not said on which days or how many tutors it hosts. */
    public SchoolRegistered(String vestigingscode, String name, Sector sector, String municipality,
            String municipalityCode, String postcode, double latitude, double longitude, Integer pupils, String region,
            long revision) {
        this(vestigingscode, name, sector, municipality, municipalityCode, postcode, latitude, longitude, pupils,
                region, null, null, revision);
    }

    @Override
    public String aggregateId() {
        return vestigingscode;
    }
}
