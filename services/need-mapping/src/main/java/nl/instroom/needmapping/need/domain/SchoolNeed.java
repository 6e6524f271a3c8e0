package nl.instroom.needmapping.need.domain;

import java.util.List;
import java.util.Map;

/**
 * The need of one school: its score (comparable between schools and regions), each component with its value,
 * weight and contribution, and per subject the open FTE weighted by age and urgency and the open FTE behind it. The
 * index 0–100 within a region is not part of it: it depends on the region's other schools and is derived when read
 * ({@code NeedIndex.withinRegion}).
 */
public record SchoolNeed(String schoolCode, String region, double rawScore, List<Component> components,
        Map<String, SubjectScore> subjects) {

    /** One term of the formula: its value, its weight, and value × weight (negative for support). */
    public record Component(String name, double value, double weight, double contribution, String explanation) {
    }

    /** The need for one subject: open FTE weighted by age and urgency (its score), and the open FTE behind it. */
    public record SubjectScore(double weightedOpenFte, double openFte) {
    }

    public SchoolNeed {
        components = List.copyOf(components);
        subjects = Map.copyOf(subjects);
    }

    /** The value of the named component (0 when the need has no such component). */
    public double componentValue(String name) {
        return components.stream().filter(c -> c.name().equals(name)).mapToDouble(Component::value).sum();
    }

    /** Whether this is a change a consumer should hear about: any number, or the region. */
    public boolean differsFrom(SchoolNeed other) {
        return !region.equals(other.region) || rawScore != other.rawScore || !subjects.equals(other.subjects)
                || !components.equals(other.components);
    }
}
