package nl.instroom.careeradvice.need.domain;

import java.util.Map;
import nl.instroom.events.Sector;

/**
 * A school as career-advice knows it from need-mapping's events: where it is, its sector and region, and its need
 * (the school's score and the score per subject; 0 and none while no need was heard of).
 */
public record SchoolNeed(String schoolCode, String name, Sector sector, String postcode, double latitude,
        double longitude, String region, double rawScore, Map<String, Double> subjects) {

    public SchoolNeed {
        subjects = subjects == null ? Map.of() : Map.copyOf(subjects);
    }

    /** The four digits of the postcode, or null. */
    public String pc4() {
        return postcode == null || postcode.length() < 4 ? null : postcode.substring(0, 4);
    }

    /** The need that counts for a subject (case-insensitive), or the school's own score when no subject is given. */
    public double needFor(String subject) {
        if (subject == null || subject.isBlank()) {
            return rawScore;
        }
        return subjects.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(subject.strip()))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
