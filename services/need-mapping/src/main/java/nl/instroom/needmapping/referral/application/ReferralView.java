package nl.instroom.needmapping.referral.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.need.domain.NeedReadModel;
import nl.instroom.needmapping.need.domain.RegionNeed;
import nl.instroom.needmapping.referral.domain.Referral;
import nl.instroom.needmapping.referral.domain.Referrals;
import org.springframework.stereotype.Service;

/**
 * The coordinator's view of the career switchers referred to their region: each by the case's pseudonymous
 * reference, and per sector and subject how many were referred next to the region's need for that subject (from
 * the read model the ranking uses). A coordinator sees their own region (another answers 404), an admin names one.
 */
@Service
public class ReferralView {

    /** Most months one question may cover. */
    static final int MAX_MONTHS = 60;
    /**
     * Most referrals read for one region and period. The national desk refers a few hundred people a year in all;
     * a region past this limit is told so ({@code complete: false}) rather than shown wrong totals silently.
     */
    static final int MAX_REFERRALS = 2000;

    /**
     * One referred career switcher, pseudonymous, with how far they got since: the month they reached in training and
     * the month they started working (null while not).
     */
    public record Candidate(String caseRef, Sector sector, String subject, LocalDate referredOn,
            YearMonth inTrainingSince, YearMonth workingSince) {
    }

    /**
     * Referrals of one sector and subject next to the region's need for that subject; the need figures are null
     * where no subject applies (po, so) or no school of the region needs it.
     */
    public record SubjectRow(Sector sector, String subject, int referred, int inTraining, int working,
            Integer schoolsWithNeed, Double openFte, Double averageIndex) {
    }

    /**
     * The region's funnel of career switchers: referred in the period, and of them how many reached in training
     * (those working included) and working so far.
     */
    public record RegionReferrals(String region, LocalDate since, int referred, int inTraining, int working,
            boolean complete, List<SubjectRow> bySubject, List<Candidate> candidates) {
    }

    private final Referrals referrals;
    private final NeedReadModel need;
    private final AuditTrail audit;
    private final Clock clock;

    ReferralView(Referrals referrals, NeedReadModel need, AuditTrail audit, Clock clock) {
        this.referrals = referrals;
        this.need = need;
        this.audit = audit;
        this.clock = clock;
    }

    public RegionReferrals of(String requestedRegion, int months, CurrentUser user) {
        if (months < 1 || months > MAX_MONTHS) {
            throw new InvalidRequest("months runs from 1 to " + MAX_MONTHS);
        }
        String region = user.regionAsked(requestedRegion);
        LocalDate since = LocalDate.now(clock).minusMonths(months);
        List<Referral> found = referrals.inRegionSince(region, since, MAX_REFERRALS + 1);
        boolean complete = found.size() <= MAX_REFERRALS;
        List<Referral> shown = complete ? found : found.subList(0, MAX_REFERRALS);
        Map<String, RegionNeed.SubjectFigures> needBySubject = need.region(region).map(RegionNeed::bySubject)
                .orElse(Map.of());
        Map<String, List<Referral>> grouped = shown.stream().collect(Collectors.groupingBy(
                referral -> referral.sector() + "\u0000" + Objects.toString(referral.subject(), ""),
                TreeMap::new, Collectors.toList()));
        List<SubjectRow> rows = grouped.values().stream().map(group -> {
            Referral first = group.get(0);
            RegionNeed.SubjectFigures figures = first.subject() == null ? null : needBySubject.get(first.subject());
            return new SubjectRow(first.sector(), first.subject(), group.size(), inTraining(group), working(group),
                    figures == null ? null : figures.schoolsWithNeed(), figures == null ? null : figures.openFte(),
                    figures == null ? null : figures.averageIndex());
        }).sorted(Comparator.comparingInt(SubjectRow::referred).reversed()).toList();
        // Pseudonymous, but each is a person: who looked at them is in the trail, and leaves it on erasure.
        audit.recordEach("LISTED_REFERRAL", shown.stream().map(Referral::caseRef).distinct().toList());
        return new RegionReferrals(region, since, shown.size(), inTraining(shown), working(shown), complete, rows,
                shown.stream().map(referral -> new Candidate(referral.caseRef(), referral.sector(),
                        referral.subject(), referral.referredOn(), referral.inTrainingSince(),
                        referral.workingSince())).toList());
    }

    private static int inTraining(List<Referral> referrals) {
        return (int) referrals.stream().filter(referral -> referral.inTrainingSince() != null).count();
    }

    private static int working(List<Referral> referrals) {
        return (int) referrals.stream().filter(referral -> referral.workingSince() != null).count();
    }
}
