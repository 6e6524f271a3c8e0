package nl.instroom.needmapping.referral.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The referrals need-mapping learnt from career-advice; one per case and region, the newest referral wins. */
public interface Referrals {

    /**
     * Records the referral unless this event was applied already or the case's referral to that region is known
     * from the same or a newer revision of the case.
     *
     * @return whether it changed anything
     */
    boolean record(String eventId, Referral referral, long revision);

    /**
     * Sets how far the referred case got (in training, working, with their months) on its referral to the region,
     * unless this event was applied already or a newer state of the case is known. The event is the case's whole
     * progress, so it replaces the stages rather than adding to them.
     *
     * @return whether it changed anything
     */
    boolean progress(String eventId, String caseRef, String region, YearMonth inTrainingSince,
            YearMonth workingSince, long revision);

    /** The region's referrals on or after {@code since}, newest first, at most {@code limit}. */
    List<Referral> inRegionSince(String region, LocalDate since, int limit);

    /** Removes every referral of the case; returns how many. Safe to repeat. */
    int removeCase(String caseRef);
}
