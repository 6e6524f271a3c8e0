package nl.instroom.events.needmap;

import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Sector;

/** A school location became known to need-mapping. Schools are public organisations; their data is public. */
public record SchoolRegistered(String vestigingscode, String name, Sector sector, String municipality,
        String postcode, double latitude, double longitude, Integer pupils, String region, long revision)
        implements InstroomEvent {

    @Override
    public String aggregateId() {
        return vestigingscode;
    }
}
