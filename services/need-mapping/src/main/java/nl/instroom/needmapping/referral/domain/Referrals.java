package nl.instroom.needmapping.referral.domain;

import java.time.LocalDate;
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

    /** The region's referrals on or after {@code since}, newest first, at most {@code limit}. */
    List<Referral> inRegionSince(String region, LocalDate since, int limit);

    /** Removes every referral of the case; returns how many. Safe to repeat. */
    int removeCase(String caseRef);
}
