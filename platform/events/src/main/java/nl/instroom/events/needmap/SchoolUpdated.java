package nl.instroom.events.needmap;

import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Sector;

/**
 * A known school location changed; carries the whole new state so a consumer needs no earlier event. A school
 * moving to another region (its municipality moved in the register) is such a change.
 *
 * @param municipality the municipality's name as DUO spells it (upper case), for display
 * @param municipalityCode the municipality's CBS code ({@code GMxxxx}), which the region is joined on; null in
 *     events written before regions became data
 * @param region the CBS code of the labour-market region ({@code AMxx}) the register assigns the municipality
 */
public record SchoolUpdated(String vestigingscode, String name, Sector sector, String municipality,
        String municipalityCode, String postcode, double latitude, double longitude, Integer pupils, String region,
        long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return vestigingscode;
    }
}
