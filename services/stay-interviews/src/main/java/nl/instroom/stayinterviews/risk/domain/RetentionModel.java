package nl.instroom.stayinterviews.risk.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import nl.instroom.events.stay.RiskBand;

/**
 * Expected departures in the next twelve months, in FTE: the sum over a school's current staff of FTE × the
 * probability of leaving for the band of their latest stay interview. Someone whose leaving date is already known
 * and falls within the twelve months counts in full; staff without an interview count nothing (the assessment says
 * how many interviews it covers, so HR sees its blind spot). Probabilities are configurable; defaults and reasoning
 * in docs/stay-interviews.md.
 */
public final class RetentionModel {

    /** What the model needs of one employee; no content, no name. */
    public record Employee(String team, BigDecimal fte, RiskBand latestBand, LocalDate leavesOn) {
    }

    /** The school's figure and the interviews it rests on. */
    public record Assessment(BigDecimal expectedDeparturesFte, int interviewsCovered) {
    }

    /** Per team: staff, FTE, expected departures and how many in each band. */
    public record TeamRisk(String team, int staff, BigDecimal fte, BigDecimal expectedDeparturesFte,
            Map<RiskBand, Integer> bands, int notInterviewed) {
    }

    private final Map<RiskBand, BigDecimal> probability;

    public RetentionModel(BigDecimal high, BigDecimal medium, BigDecimal low) {
        probability = new EnumMap<>(RiskBand.class);
        probability.put(RiskBand.HIGH, check(high));
        probability.put(RiskBand.MEDIUM, check(medium));
        probability.put(RiskBand.LOW, check(low));
    }

    public static RetentionModel defaults() {
        return new RetentionModel(new BigDecimal("0.5"), new BigDecimal("0.2"), new BigDecimal("0.05"));
    }

    public BigDecimal probability(RiskBand band) {
        return probability.get(band);
    }

    /** Staff who have left by {@code today} are no longer at risk: they are gone. */
    public Assessment assess(List<Employee> staff, LocalDate today) {
        BigDecimal total = BigDecimal.ZERO;
        int covered = 0;
        for (Employee employee : staff) {
            if (employee.leavesOn() != null && !employee.leavesOn().isAfter(today)) {
                continue;
            }
            total = total.add(expected(employee, today));
            if (employee.latestBand() != null) {
                covered++;
            }
        }
        return new Assessment(total.setScale(2, RoundingMode.HALF_UP), covered);
    }

    public List<TeamRisk> byTeam(List<Employee> staff, LocalDate today) {
        Map<String, List<Employee>> teams = new TreeMap<>();
        for (Employee employee : staff) {
            if (employee.leavesOn() == null || employee.leavesOn().isAfter(today)) {
                teams.computeIfAbsent(employee.team() == null ? "(none)" : employee.team(), t -> new ArrayList<>())
                        .add(employee);
            }
        }
        return teams.entrySet().stream().map(team -> {
            Map<RiskBand, Integer> bands = new EnumMap<>(RiskBand.class);
            for (RiskBand band : RiskBand.values()) {
                bands.put(band, 0);
            }
            BigDecimal fte = BigDecimal.ZERO;
            int notInterviewed = 0;
            for (Employee employee : team.getValue()) {
                fte = fte.add(employee.fte());
                if (employee.latestBand() == null) {
                    notInterviewed++;
                } else {
                    bands.merge(employee.latestBand(), 1, Integer::sum);
                }
            }
            return new TeamRisk(team.getKey(), team.getValue().size(), fte,
                    assess(team.getValue(), today).expectedDeparturesFte(), bands, notInterviewed);
        }).toList();
    }

    private BigDecimal expected(Employee employee, LocalDate today) {
        if (employee.leavesOn() != null && !employee.leavesOn().isAfter(today.plusYears(1))) {
            return employee.fte();
        }
        return employee.latestBand() == null ? BigDecimal.ZERO
                : employee.fte().multiply(probability(employee.latestBand()));
    }

    private static BigDecimal check(BigDecimal p) {
        Objects.requireNonNull(p, "probability");
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("A probability is between 0 and 1");
        }
        return p;
    }
}
