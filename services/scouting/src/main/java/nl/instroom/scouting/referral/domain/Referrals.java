package nl.instroom.scouting.referral.domain;

import java.time.LocalDate;
import java.util.Map;
import nl.instroom.events.Sector;

/** Referrals counted per region; one per case and region, the newest referral of the case wins. */
public interface Referrals {

    /**
     * Counts the referral unless this event was applied already or the case's referral to the region is known
     * from the same or a newer revision of the case.
     *
     * @return whether it changed anything
     */
    boolean record(String eventId, Referral referral, long revision);

    /** How many career switchers were referred to the region from {@code from} to {@code to} (inclusive), by sector. */
    Map<Sector, Integer> countBetween(String region, LocalDate from, LocalDate to);
}
