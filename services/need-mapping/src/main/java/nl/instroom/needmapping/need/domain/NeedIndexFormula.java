package nl.instroom.needmapping.need.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.instroom.events.needmap.Urgency;

/**
 * The need score of one school, from what need-mapping knows of it now. It depends on the school alone (and, for a
 * school without a known pupil count, on its region's median school size), so a change at one school moves only
 * that school's score; the index within a region is derived from the scores when read.
 *
 * <pre>
 * raw score = w_open  × Σ over open vacancies (FTE × age factor × urgency factor)
 *           + w_lost  × unfilled lesson hours per week per 100 pupils
 *           + w_leave × expected departures in the next 12 months (FTE)
 *           − w_tutor × active tutor placements                       (never below 0 in total)
 * age factor     = 1 + min(months open, 12) / 6    (1 when just opened, 3 after a year)
 * urgency factor = LOW 0.75, NORMAL 1, HIGH 1.25, CRITICAL 1.5
 * </pre>
 *
 * Pupils unknown: lesson hours are taken per 100 pupils of the region's median known school size, or per 100
 * pupils as such when the region knows no sizes. Per subject, the score is the weighted open FTE of that subject.
 */
public final class NeedIndexFormula {

    public static final String OPEN_FTE = "openFteWeighted";
    public static final String LESSONS_LOST = "lessonsLostPer100Pupils";
    public static final String EXPECTED_DEPARTURES = "expectedDeparturesFte";
    public static final String TUTORING_SUPPORT = "activeTutorPlacements";
    /** The median when a region knows no school sizes: lesson hours are then counted per 100 pupils as such. */
    public static final double NO_KNOWN_SIZES = 100;

    private final NeedWeights weights;

    public NeedIndexFormula(NeedWeights weights) {
        this.weights = weights;
    }

    /** Scores one school; {@code regionMedianPupils} stands in for an unknown pupil count. */
    public SchoolNeed score(NeedInputs school, LocalDate today, double regionMedianPupils) {
        Map<String, double[]> subjects = new HashMap<>();
        double weightedOpenFte = 0;
        for (NeedInputs.Vacancy vacancy : school.openVacancies()) {
            double weighted = vacancy.fte().doubleValue() * ageFactor(vacancy.openedOn(), today)
                    * urgencyFactor(vacancy.urgency());
            weightedOpenFte += weighted;
            double[] subject = subjects.computeIfAbsent(vacancy.subject(), s -> new double[2]);
            subject[0] += weighted;
            subject[1] += vacancy.fte().doubleValue();
        }
        double pupils = school.pupils() != null && school.pupils() > 0 ? school.pupils() : regionMedianPupils;
        double lessonsLost = school.unfilledLessonHoursPerWeek() * 100.0 / pupils;
        List<SchoolNeed.Component> components = List.of(
                component(OPEN_FTE, weightedOpenFte, weights.openFte(), 1,
                        "open FTE, weighted by how long open (up to ×3 after a year) and urgency"),
                component(LESSONS_LOST, lessonsLost, weights.lessonsLost(), 1,
                        school.pupils() == null ? "lesson hours lost per week per 100 pupils (pupil count unknown: "
                                + "region median used)" : "lesson hours lost per week per 100 pupils"),
                component(EXPECTED_DEPARTURES, school.expectedDeparturesFte(), weights.expectedDepartures(), 1,
                        "staff expected to leave in 12 months (FTE), from stay-gesprekken"),
                component(TUTORING_SUPPORT, school.activeTutorPlacements(), weights.tutoringSupport(), -1,
                        "tutors now helping at the school"));
        double raw = Math.max(0, components.stream().mapToDouble(SchoolNeed.Component::contribution).sum());
        Map<String, SchoolNeed.SubjectScore> bySubject = new TreeMap<>();
        subjects.forEach((subject, weighted) -> bySubject.put(subject,
                new SchoolNeed.SubjectScore(round(weighted[0]), round(weighted[1]))));
        return new SchoolNeed(school.schoolCode(), school.region(), round(raw), components, bySubject);
    }

    private static SchoolNeed.Component component(String name, double value, double weight, int sign,
            String explanation) {
        return new SchoolNeed.Component(name, round(value), weight, round(sign * value * weight), explanation);
    }

    static double ageFactor(LocalDate openedOn, LocalDate today) {
        long months = Math.max(0, ChronoUnit.MONTHS.between(openedOn, today));
        return 1 + Math.min(months, 12) / 6.0;
    }

    static double urgencyFactor(Urgency urgency) {
        return switch (urgency) {
            case LOW -> 0.75;
            case NORMAL -> 1.0;
            case HIGH -> 1.25;
            case CRITICAL -> 1.5;
        };
    }

    /** The median of the known (positive) pupil counts; {@link #NO_KNOWN_SIZES} when none is known. */
    public static double medianKnownPupils(Collection<Integer> pupilCounts) {
        List<Integer> known = pupilCounts.stream().filter(p -> p != null && p > 0).sorted().toList();
        if (known.isEmpty()) {
            return NO_KNOWN_SIZES;
        }
        int middle = known.size() / 2;
        return known.size() % 2 == 1 ? known.get(middle) : (known.get(middle - 1) + known.get(middle)) / 2.0;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
