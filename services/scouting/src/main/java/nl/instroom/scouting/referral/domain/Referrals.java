package nl.instroom.scouting.referral.domain;

import java.time.LocalDate;
import java.time.YearMonth;
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

    /**
     * Records how far the case got after its referral to the region (in training, working, with their months), unless
     * this event was applied already or a newer state of the case is known. Sets the stages on the case's referral;
     * the event is the case's whole progress, so nothing is added up.
     *
     * @return whether it changed anything
     */
    boolean progress(String eventId, String caseRef, String region, YearMonth inTrainingSince,
            YearMonth workingSince, long revision);

    /**
     * Of the career switchers referred to the region from {@code from} to {@code to} (inclusive), how many reached in
     * training (working included: a later stage passed through it) and how many working, so far.
     */
    Stages stagesBetween(String region, LocalDate from, LocalDate to);

    /** The later stages of a period's referrals. */
    record Stages(int inTraining, int working) {
    }

    /** How many career switchers were referred to the region from {@code from} to {@code to} (inclusive), by sector. */
    Map<Sector, Integer> countBetween(String region, LocalDate from, LocalDate to);
}
