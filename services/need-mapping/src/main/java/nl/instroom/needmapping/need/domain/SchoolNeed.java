package nl.instroom.needmapping.need.domain;

import java.util.List;
import java.util.Map;

/**
 * The need of one school: its index (0–100 within its region), the raw score behind it, each component with its
 * value, weight and contribution, and the index per subject.
 */
public record SchoolNeed(String schoolCode, String region, double index, double rawScore,
        List<Component> components, Map<String, SubjectScore> subjects) {

    /** One term of the formula: its value, its weight, and value × weight (negative for support). */
    public record Component(String name, double value, double weight, double contribution, String explanation) {
    }

    /** The need for one subject: its index within the region and the open FTE behind it. */
    public record SubjectScore(double index, double weightedOpenFte, double openFte) {
    }

    public SchoolNeed {
        components = List.copyOf(components);
        subjects = Map.copyOf(subjects);
    }
}
