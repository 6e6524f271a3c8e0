package nl.instroom.needmapping.need.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.instroom.events.needmap.NeedIndex;

/**
 * A region's need at a glance, aggregated from its schools' views whenever one of them changes: the highest scores
 * (what the region's indexes are measured against), the totals per municipality and per subject the regional
 * summary shows, and the region's figures for the national picture — on a scale comparable between regions: scores
 * (never the within-region index) per 1,000 pupils.
 *
 * @param pupils the pupils of the region's schools: DUO's counts, the region's median for a school DUO has none for
 *     (as the formula does)
 * @param weightedNeed the sum of the schools' scores
 * @param openFte the open FTE of the schools' open vacancies
 * @param expectedDeparturesFte staff expected to leave within 12 months (from stay-interviews' school signals)
 * @param tutorsActive tutors now placed at the region's schools (from tutoring's placement events)
 */
public record RegionNeed(String region, int schools, double pupils, double highest, double weightedNeed,
        double openFte, double expectedDeparturesFte, int tutorsActive, Map<String, Area> byMunicipality,
        Map<String, SubjectFigures> bySubject) {

    /** Totals of a municipality: schools with need, open FTE, the average index of its schools. */
    public record Area(int schoolsWithNeed, double openFte, double averageIndex) {
    }

    /**
     * A subject in the region: schools needing it, its open FTE, its score (weighted open FTE) summed and at its
     * highest, and the average index of the schools needing it.
     */
    public record SubjectFigures(int schoolsWithNeed, double openFte, double weightedOpenFte, double highest,
            double averageIndex) {
    }

    public RegionNeed {
        byMunicipality = Map.copyOf(byMunicipality);
        bySubject = Map.copyOf(bySubject);
    }

    /** A region none of whose schools has been scored yet. */
    public static RegionNeed empty(String region) {
        return new RegionNeed(region, 0, 0, 0, 0, 0, 0, 0, Map.of(), Map.of());
    }

    public static RegionNeed of(String region, Collection<SchoolNeedView> schools) {
        double highest = 0;
        Map<String, Double> highestBySubject = new TreeMap<>();
        List<Integer> pupilCounts = new ArrayList<>();
        for (SchoolNeedView school : schools) {
            highest = Math.max(highest, school.rawScore());
            school.need().subjects().forEach((subject, score) ->
                    highestBySubject.merge(subject, score.weightedOpenFte(), Math::max));
            pupilCounts.add(school.pupils());
        }
        double median = NeedIndexFormula.medianKnownPupils(pupilCounts);
        double pupils = 0;
        double weightedNeed = 0;
        double departures = 0;
        int tutors = 0;
        Map<String, double[]> municipalities = new TreeMap<>();
        Map<String, double[]> subjects = new TreeMap<>();
        for (SchoolNeedView school : schools) {
            SchoolNeed need = school.need();
            pupils += school.pupils() != null && school.pupils() > 0 ? school.pupils() : median;
            weightedNeed += need.rawScore();
            departures += need.componentValue(NeedIndexFormula.EXPECTED_DEPARTURES);
            tutors += (int) need.componentValue(NeedIndexFormula.TUTORING_SUPPORT);
            double index = NeedIndex.withinRegion(need.rawScore(), highest);
            double openFte = need.subjects().values().stream().mapToDouble(SchoolNeed.SubjectScore::openFte).sum();
            double[] municipality = municipalities.computeIfAbsent(school.municipality(), m -> new double[4]);
            municipality[0] += index > 0 ? 1 : 0;
            municipality[1] += openFte;
            municipality[2] += index;
            municipality[3]++;
            need.subjects().forEach((name, score) -> {
                double[] subject = subjects.computeIfAbsent(name, s -> new double[4]);
                subject[0]++;
                subject[1] += score.openFte();
                subject[2] += score.weightedOpenFte();
                subject[3] += NeedIndex.withinRegion(score.weightedOpenFte(), highestBySubject.get(name));
            });
        }
        double openFte = 0;
        Map<String, Area> byMunicipality = new TreeMap<>();
        municipalities.forEach((name, total) -> byMunicipality.put(name,
                new Area((int) total[0], round(total[1]), round(total[2] / total[3]))));
        Map<String, SubjectFigures> bySubject = new TreeMap<>();
        for (Map.Entry<String, double[]> subject : subjects.entrySet()) {
            double[] total = subject.getValue();
            openFte += total[1];
            bySubject.put(subject.getKey(), new SubjectFigures((int) total[0], round(total[1]), round(total[2]),
                    highestBySubject.get(subject.getKey()), round(total[3] / total[0])));
        }
        return new RegionNeed(region, schools.size(), pupils, highest, round(weightedNeed), round(openFte),
                round(departures), tutors, byMunicipality, bySubject);
    }

    /** A score summed over the region, per 1,000 of its pupils: comparable between regions of any size. */
    public double perThousandPupils(double weighted) {
        return pupils <= 0 ? 0 : round(1000 * weighted / pupils);
    }

    /** The highest score of each subject among the region's schools. */
    public Map<String, Double> highestBySubject() {
        Map<String, Double> highestBySubject = new TreeMap<>();
        bySubject.forEach((subject, figures) -> highestBySubject.put(subject, figures.highest()));
        return highestBySubject;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
