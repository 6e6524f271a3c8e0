package nl.instroom.events.needmap;

import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Sector;

/** A known school location changed; carries the whole new state so a consumer needs no earlier event. */
public record SchoolUpdated(String vestigingscode, String name, Sector sector, String municipality,
        String postcode, double latitude, double longitude, Integer pupils, String region, long revision)
        implements InstroomEvent {

    @Override
    public String aggregateId() {
        return vestigingscode;
    }
}
