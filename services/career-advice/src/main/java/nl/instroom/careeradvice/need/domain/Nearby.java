package nl.instroom.careeradvice.need.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.events.needmap.NeedIndex;

/**
 * Where the need is greatest near a person, for what they want to teach. The person is placed by their postcode's
 * four digits (PC4) only: at the centre of the known schools in that PC4 — or, when there are none, in the PC4s
 * sharing its first three, then its first two digits. Schools within the radius count; regions are ranked by the
 * need of their schools there, schools by their need, each with its index within its region (0–100, the contract's
 * {@link NeedIndex}).
 */
public final class Nearby {

    /** A school near the person with its need for the subject. */
    public record School(String schoolCode, String name, String region, double distanceKm, double need,
            double needIndex) {
    }

    /** A region near the person: the summed need of its schools there, how many, and the nearest one. */
    public record Region(String region, double need, int schools, double nearestKm) {
    }

    /** The answer: the place found for the PC4 (and how precisely), the regions and the neediest schools. */
    public record Answer(String pc4, String placedBy, double radiusKm, List<Region> regions, List<School> schools) {
    }

    private Nearby() {
    }

    /** Empty when no known school of the sector lies in or near the PC4's area to place the person. */
    public static Optional<Answer> of(List<SchoolNeed> schools, String subject, String pc4, double radiusKm,
            int schoolLimit) {
        Optional<double[]> place = Optional.empty();
        String placedBy = null;
        for (int digits = 4; digits >= 2 && place.isEmpty(); digits--) {
            String prefix = pc4.substring(0, digits);
            place = centre(schools.stream().filter(school -> school.pc4() != null && school.pc4().startsWith(prefix))
                    .toList());
            placedBy = digits == 4 ? "PC4 " + pc4 : "postcode area " + prefix;
        }
        if (place.isEmpty()) {
            return Optional.empty();
        }
        double[] at = place.get();
        Map<String, Double> highestInRegion = new LinkedHashMap<>();
        schools.forEach(school -> highestInRegion.merge(school.region(), school.needFor(subject), Math::max));
        List<School> near = new ArrayList<>();
        for (SchoolNeed school : schools) {
            double km = distanceKm(at[0], at[1], school.latitude(), school.longitude());
            double need = school.needFor(subject);
            if (km <= radiusKm && need > 0) {
                near.add(new School(school.schoolCode(), school.name(), school.region(), round(km), round(need),
                        NeedIndex.withinRegion(need, highestInRegion.getOrDefault(school.region(), 0.0))));
            }
        }
        Map<String, Region> regions = new LinkedHashMap<>();
        for (School school : near) {
            regions.merge(school.region(), new Region(school.region(), school.need(), 1, school.distanceKm()),
                    (a, b) -> new Region(a.region(), round(a.need() + b.need()), a.schools() + b.schools(),
                            Math.min(a.nearestKm(), b.nearestKm())));
        }
        List<Region> ranked = regions.values().stream().sorted(Comparator.comparingDouble(Region::need).reversed()
                .thenComparing(Region::nearestKm)).toList();
        List<School> neediest = near.stream().sorted(Comparator.comparingDouble(School::need).reversed()
                .thenComparingDouble(School::distanceKm)).limit(schoolLimit).toList();
        return Optional.of(new Answer(pc4, placedBy, radiusKm, ranked, neediest));
    }

    private static Optional<double[]> centre(List<SchoolNeed> schools) {
        if (schools.isEmpty()) {
            return Optional.empty();
        }
        double latitude = schools.stream().mapToDouble(SchoolNeed::latitude).average().orElseThrow();
        double longitude = schools.stream().mapToDouble(SchoolNeed::longitude).average().orElseThrow();
        return Optional.of(new double[] {latitude, longitude});
    }

    /** Great-circle distance (haversine) in kilometres. */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
