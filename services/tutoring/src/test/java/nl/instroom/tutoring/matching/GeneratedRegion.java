package nl.instroom.tutoring.matching;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.instroom.tutoring.matching.domain.SchoolDemand;
import nl.instroom.tutoring.matching.domain.TutorSupply;

/**
 * A reproducible synthetic region around Zwolle: schools with need in a few subjects, pupils with subjects, levels,
 * hours, travel limits and (mostly) consent. Used by the exactness tests and the matching benchmark.
 */
public final class GeneratedRegion {

    public static final List<String> SUBJECTS = List.of("wiskunde", "nederlands", "engels", "natuurkunde",
            "scheikunde", "biologie", "duits", "geschiedenis");
    private static final List<String> LEVELS = List.of("vmbo", "havo", "vwo");
    private static final double CENTRE_LAT = 52.5168;
    private static final double CENTRE_LON = 6.0830;

    private final List<TutorSupply> tutors;
    private final List<SchoolDemand> schools;

    private GeneratedRegion(List<TutorSupply> tutors, List<SchoolDemand> schools) {
        this.tutors = tutors;
        this.schools = schools;
    }

    /** A region spanning about {@code km} × {@code km}. */
    public static GeneratedRegion of(int tutorCount, int schoolCount, double km, long seed) {
        Random random = new Random(seed);
        List<SchoolDemand> schools = new ArrayList<>();
        for (int s = 0; s < schoolCount; s++) {
            Map<String, Double> need = new LinkedHashMap<>();
            int subjects = 1 + random.nextInt(3);
            for (int i = 0; i < subjects; i++) {
                need.put(SUBJECTS.get(random.nextInt(SUBJECTS.size())), 5.0 + random.nextInt(950) / 10.0);
            }
            double[] at = position(random, km);
            schools.add(new SchoolDemand(String.format("%02dAA%02d", s / 100, s % 100), at[0], at[1], need,
                    random.nextInt(10) == 0 ? 1 : 0, 1 + random.nextInt(5)));
        }
        List<TutorSupply> tutors = new ArrayList<>();
        for (int t = 0; t < tutorCount; t++) {
            Map<String, String> subjects = new LinkedHashMap<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                subjects.put(SUBJECTS.get(random.nextInt(SUBJECTS.size())), LEVELS.get(random.nextInt(LEVELS.size())));
            }
            double[] at = position(random, km);
            boolean mayBePlaced = random.nextInt(8) != 0;
            tutors.add(new TutorSupply("tutor-" + t, subjects, at[0], at[1], 3 + random.nextInt(18),
                    2 + 2 * random.nextInt(3), 0, mayBePlaced, 1));
        }
        return new GeneratedRegion(tutors, schools);
    }

    /**
     * The same region where each tutor helps on one to three weekdays, and each school hosts tutors on one to three
     * weekdays and at most one to three at once — or has not said (every weekday, the weights' capacity). Drawn from
     * a generator of its own, so the region itself stays as {@link #of} makes it.
     */
    public GeneratedRegion withTutoringDaysAndCapacities(long seed) {
        Random random = new Random(seed * 31 + 7);
        List<TutorSupply> daysTutors = new ArrayList<>();
        for (TutorSupply t : tutors) {
            daysTutors.add(new TutorSupply(t.tutorId(), t.subjects(), t.latitude(), t.longitude(), t.maxTravelKm(),
                    t.hoursPerWeek(), t.openPlacements(), t.mayBePlaced(), t.revision(), someWeekdays(random)));
        }
        List<SchoolDemand> daysSchools = new ArrayList<>();
        for (SchoolDemand s : schools) {
            boolean said = random.nextInt(5) != 0;
            daysSchools.add(new SchoolDemand(s.schoolCode(), s.latitude(), s.longitude(), s.subjectNeed(),
                    s.openPlacements(), s.needRevision(), said ? someWeekdays(random) : null,
                    said ? 1 + random.nextInt(3) : null));
        }
        return new GeneratedRegion(daysTutors, daysSchools);
    }

    private static Set<DayOfWeek> someWeekdays(Random random) {
        List<DayOfWeek> week = new ArrayList<>(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        Collections.shuffle(week, random);
        return Set.copyOf(week.subList(0, 1 + random.nextInt(3)));
    }

    private static double[] position(Random random, double km) {
        double dLat = (random.nextDouble() - 0.5) * km / 111.2;
        double dLon = (random.nextDouble() - 0.5) * km / (111.2 * Math.cos(Math.toRadians(CENTRE_LAT)));
        return new double[] {CENTRE_LAT + dLat, CENTRE_LON + dLon};
    }

    public List<TutorSupply> tutors() {
        return tutors;
    }

    public List<SchoolDemand> schools() {
        return schools;
    }
}
