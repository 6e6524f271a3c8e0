package nl.instroom.needmapping.need.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.needmapping.need.domain.NeedReadModel;
import nl.instroom.needmapping.need.domain.RegionNeed;
import nl.instroom.needmapping.region.application.Regions;
import nl.instroom.needmapping.region.domain.Region;
import org.springframework.stereotype.Service;

/**
 * Every labour-market region side by side, on a scale comparable between regions: scores (never the within-region
 * index, which is relative to each region's neediest school) summed over the region, per 1,000 of its pupils.
 * Aggregates only — no school, no person — from the read model's region aggregates, for every region of the
 * register (one without scored schools shows zeros).
 */
@Service
public class NationalPicture {

    /**
     * The regions by weighted need per 1,000 pupils, highest first, and the country as a whole; {@code yourRegion}
     * is the caller's own region when their token names one (a coordinator sees theirs against the others).
     */
    public record National(List<RegionFigures> regions, RegionFigures country, List<String> subjects,
            String yourRegion) {
    }

    /**
     * One region: its schools and pupils, open FTE, weighted need (summed scores) absolute and per 1,000 pupils,
     * staff expected to leave within 12 months (from stay-interviews), tutors now placed (from tutoring), and per
     * subject.
     */
    public record RegionFigures(String code, String name, int schools, long pupils, double openFte,
            double weightedNeed, double weightedNeedPer1000Pupils, double expectedDeparturesFte, int tutorsActive,
            Map<String, SubjectFigures> subjects) {
    }

    /** A subject in a region: open FTE, weighted open FTE (its score summed), and that per 1,000 pupils. */
    public record SubjectFigures(double openFte, double weightedOpenFte, double weightedNeedPer1000Pupils) {
    }

    static final String COUNTRY = "NL";

    private final NeedReadModel readModel;
    private final Regions regions;

    NationalPicture(NeedReadModel readModel, Regions regions) {
        this.readModel = readModel;
        this.regions = regions;
    }

    public National picture(CurrentUser user) {
        Map<String, RegionNeed> aggregated = readModel.regions().stream()
                .collect(Collectors.toMap(RegionNeed::region, Function.identity()));
        List<RegionFigures> figures = new ArrayList<>();
        for (Region region : regions.regions()) {
            figures.add(figures(region.code(), region.name(),
                    aggregated.getOrDefault(region.code(), RegionNeed.empty(region.code()))));
        }
        figures.sort(Comparator.comparingDouble(RegionFigures::weightedNeedPer1000Pupils).reversed()
                .thenComparing(RegionFigures::code));
        TreeSet<String> subjects = new TreeSet<>();
        figures.forEach(region -> subjects.addAll(region.subjects().keySet()));
        return new National(figures, country(figures), List.copyOf(subjects), user.region());
    }

    private static RegionFigures figures(String code, String name, RegionNeed need) {
        Map<String, SubjectFigures> subjects = new TreeMap<>();
        need.bySubject().forEach((subject, figures) -> subjects.put(subject, new SubjectFigures(figures.openFte(),
                figures.weightedOpenFte(), need.perThousandPupils(figures.weightedOpenFte()))));
        return new RegionFigures(code, name, need.schools(), Math.round(need.pupils()), need.openFte(),
                need.weightedNeed(), need.perThousandPupils(need.weightedNeed()), need.expectedDeparturesFte(),
                need.tutorsActive(), subjects);
    }

    /** The regions' figures added up: the same scale for the whole country. */
    private static RegionFigures country(List<RegionFigures> regions) {
        long pupils = regions.stream().mapToLong(RegionFigures::pupils).sum();
        double weightedNeed = regions.stream().mapToDouble(RegionFigures::weightedNeed).sum();
        Map<String, double[]> bySubject = new TreeMap<>();
        regions.forEach(region -> region.subjects().forEach((subject, figures) -> {
            double[] total = bySubject.computeIfAbsent(subject, s -> new double[2]);
            total[0] += figures.openFte();
            total[1] += figures.weightedOpenFte();
        }));
        Map<String, SubjectFigures> subjects = new TreeMap<>();
        bySubject.forEach((subject, total) -> subjects.put(subject, new SubjectFigures(round(total[0]),
                round(total[1]), perThousand(total[1], pupils))));
        return new RegionFigures(COUNTRY, "Nederland", regions.stream().mapToInt(RegionFigures::schools).sum(),
                pupils, round(regions.stream().mapToDouble(RegionFigures::openFte).sum()), round(weightedNeed),
                perThousand(weightedNeed, pupils),
                round(regions.stream().mapToDouble(RegionFigures::expectedDeparturesFte).sum()),
                regions.stream().mapToInt(RegionFigures::tutorsActive).sum(), subjects);
    }

    private static double perThousand(double weighted, long pupils) {
        return pupils <= 0 ? 0 : round(1000 * weighted / pupils);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
