package nl.instroom.careeradvice.figures.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.instroom.careeradvice.figures.domain.DeskFigures;
import nl.instroom.careeradvice.figures.domain.SchoolYear;
import nl.instroom.careeradvice.routes.application.RouteFinder;
import nl.instroom.careeradvice.routes.domain.RouteUsage;
import nl.instroom.chassis.refusal.InvalidRequest;
import org.springframework.stereotype.Service;

/**
 * The desk's figures over a period — per month and summed — and the yearly report over a school year, from the
 * desk's own counters and the route finder's anonymous usage. Nothing here names a person or a case.
 */
@Service
public class DeskReports {

    /** The longest period asked for at once: five years of months. */
    static final int MAX_MONTHS = 60;

    /** The figures of a period: each month, and the period's totals. */
    public record Period(YearMonth from, YearMonth to, List<MonthFigures> months, Totals totals) {
    }

    /** One month: the desk's counts and the route finder's use. */
    public record MonthFigures(YearMonth month, long requests, long newCases, long advised,
            Map<String, Long> reached, Map<String, Long> left, List<DeskFigures.Referrals> referrals,
            long routeFinderSessionsStarted, long routeFinderSessionsCompleted) {
    }

    /**
     * A period's totals: the funnel (cases opened, then how many reached each later phase), the cases that left by
     * reason, referrals per region and per region, sector and subject (most first), and the route finder's use.
     */
    public record Totals(long requests, long newCases, long advised, Map<String, Long> funnel, Map<String, Long> left,
            Map<String, Long> referralsPerRegion, List<DeskFigures.Referrals> referrals, long routeFinderSessionsStarted,
            long routeFinderSessionsCompleted, Map<String, Long> routesShown) {
    }

    /** The yearly report: the school year, whether it has ended (final) and its figures. */
    public record YearlyReport(String schoolYear, int startYear, boolean complete, LocalDate asOf, Period figures) {
    }

    private final DeskFigures figures;
    private final RouteFinder routeFinder;
    private final Clock clock;

    DeskReports(DeskFigures figures, RouteFinder routeFinder, Clock clock) {
        this.figures = figures;
        this.routeFinder = routeFinder;
        this.clock = clock;
    }

    /** The months from {@code from} to {@code to}; by default the last twelve months, this one included. */
    public Period period(YearMonth from, YearMonth to) {
        YearMonth last = to == null ? YearMonth.now(clock) : to;
        YearMonth first = from == null ? last.minusMonths(11) : from;
        if (first.isAfter(last)) {
            throw new InvalidRequest("The period starts after it ends");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw new InvalidRequest("Ask for at most " + MAX_MONTHS + " months at once");
        }
        return figures(first, last);
    }

    /**
     * The report of a school year; by default the last one that has ended — the report the desk publishes each
     * September. A year still running is reported so far ({@code complete} false).
     */
    public YearlyReport yearly(Integer startYear) {
        LocalDate today = LocalDate.now(clock);
        SchoolYear year = startYear == null ? SchoolYear.lastEnded(today) : new SchoolYear(startYear);
        if (year.first().isAfter(YearMonth.from(today))) {
            throw new InvalidRequest("School year " + year.label() + " has not started yet");
        }
        return new YearlyReport(year.label(), year.startYear(), year.endedOn(today), today,
                figures(year.first(), year.last()));
    }

    private Period figures(YearMonth from, YearMonth to) {
        List<DeskFigures.Month> desk = figures.months(from, to);
        List<RouteUsage.Month> usage = routeFinder.usage(from, to);
        List<MonthFigures> months = new ArrayList<>();
        long requests = 0;
        long newCases = 0;
        long advised = 0;
        long started = 0;
        long completed = 0;
        Map<String, Long> funnel = new LinkedHashMap<>();
        DeskFigures.FUNNEL.forEach(phase -> funnel.put(phase, 0L));
        Map<String, Long> left = new TreeMap<>();
        Map<String, Long> perRegion = new TreeMap<>();
        Map<List<String>, Long> referrals = new LinkedHashMap<>();
        Map<String, Long> shown = new TreeMap<>();
        for (int i = 0; i < desk.size(); i++) {
            DeskFigures.Month month = desk.get(i);
            RouteUsage.Month used = usage.get(i);
            months.add(new MonthFigures(month.month(), month.requests(), month.newCases(), month.advised(),
                    new TreeMap<>(month.reached()), new TreeMap<>(month.left()), month.referrals(),
                    used.sessionsStarted(), used.sessionsCompleted()));
            requests += month.requests();
            newCases += month.newCases();
            advised += month.advised();
            funnel.merge("NEW", month.newCases(), Long::sum);
            month.reached().forEach((phase, count) -> funnel.merge(phase, count, Long::sum));
            month.left().forEach((reason, count) -> left.merge(reason, count, Long::sum));
            for (DeskFigures.Referrals referral : month.referrals()) {
                perRegion.merge(referral.region(), referral.count(), Long::sum);
                referrals.merge(java.util.Arrays.asList(referral.region(), referral.sector(), referral.subject()),
                        referral.count(), Long::sum);
            }
            started += used.sessionsStarted();
            completed += used.sessionsCompleted();
            used.routesShown().forEach((route, count) -> shown.merge(route, count, Long::sum));
        }
        List<DeskFigures.Referrals> summed = referrals.entrySet().stream()
                .map(entry -> new DeskFigures.Referrals(entry.getKey().get(0), entry.getKey().get(1),
                        entry.getKey().get(2), entry.getValue()))
                .sorted(Comparator.comparingLong(DeskFigures.Referrals::count).reversed()
                        .thenComparing(DeskFigures.Referrals::region).thenComparing(DeskFigures.Referrals::sector)
                        .thenComparing(r -> r.subject() == null ? "" : r.subject()))
                .toList();
        return new Period(from, to, months, new Totals(requests, newCases, advised, funnel, left, perRegion, summed,
                started, completed, shown));
    }
}
