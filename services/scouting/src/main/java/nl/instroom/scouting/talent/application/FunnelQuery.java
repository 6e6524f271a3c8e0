package nl.instroom.scouting.talent.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.Sector;
import nl.instroom.scouting.referral.domain.Referrals;
import nl.instroom.scouting.talent.domain.Funnel;
import nl.instroom.scouting.talent.domain.Talents;
import org.springframework.stereotype.Service;

/**
 * The funnel of a region for a period (docs/scouting.md): counts only, no person in it. Its incoming stage next to
 * the talents: career switchers career-advice referred to the region in the period, by sector, and how many of them
 * reached in training and working so far (a cohort: the stages of the period's referrals, whenever reached).
 */
@Service
public class FunnelQuery {

    /**
     * The funnel of one region and period.
     *
     * @param referred career switchers referred to the region in the period (referral day within it), all sectors
     * @param referredBySector the same by sector; a sector without referrals is left out
     * @param referredInTraining of those referred in the period, how many reached in training so far (those working
     *     included)
     * @param referredWorking of those referred in the period, how many work in education so far
     */
    public record FunnelReport(String region, LocalDate from, LocalDate to, List<Funnel.Figures> figures,
            int referred, Map<Sector, Integer> referredBySector, int referredInTraining, int referredWorking) {
    }

    /** Longest period one question may cover; a longer one is several questions. */
    static final int MAX_YEARS = 10;

    private final Talents talents;
    private final Referrals referrals;
    private final Clock clock;

    FunnelQuery(Talents talents, Referrals referrals, Clock clock) {
        this.talents = talents;
        this.referrals = referrals;
        this.clock = clock;
    }

    /** Without dates: the last twelve months up to today. */
    public FunnelReport funnel(String region, LocalDate from, LocalDate to, CurrentUser user) {
        String scope = user.regionAsked(region);
        LocalDate until = to == null ? LocalDate.now(clock) : to;
        LocalDate since = from == null ? until.minusYears(1).plusDays(1) : from;
        if (until.isBefore(since) || since.plusYears(MAX_YEARS).isBefore(until)) {
            throw new InvalidRequest("A funnel period runs from a day to the same or a later day, at most "
                    + MAX_YEARS + " years");
        }
        Map<Sector, Integer> referredBySector = referrals.countBetween(scope, since, until);
        Referrals.Stages stages = referrals.stagesBetween(scope, since, until);
        return new FunnelReport(scope, since, until,
                Funnel.of(talents.flaggedBetween(scope, since, until), since, until),
                referredBySector.values().stream().mapToInt(Integer::intValue).sum(), referredBySector,
                stages.inTraining(), stages.working());
    }
}
