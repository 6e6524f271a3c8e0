package nl.instroom.tutoring.matching.domain;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * One matching question: the tutors and schools of a region, the weights, and the coordinator's pins and
 * exclusions. It knows the hard constraints — consent, subject and level, travel distance, a weekday both the tutor
 * and the school can do, hours, school capacity — and lists every allowed pair with its value, so any solver
 * optimises the same thing.
 */
public final class MatchingProblem {

    private final List<TutorSupply> tutors;
    private final List<SchoolDemand> schools;
    private final MatchingWeights weights;
    private final String subject;
    private final String level;
    private final Set<Pair> pinned;
    private final Set<Pair> excluded;
    private final Map<String, TutorSupply> tutorById = new HashMap<>();
    private final Map<String, SchoolDemand> schoolByCode = new HashMap<>();
    private final List<PairScore> candidates;
    private final Map<Pair, PairScore> candidatesByPair;

    private MatchingProblem(Collection<TutorSupply> tutors, Collection<SchoolDemand> schools, MatchingWeights weights,
            String subject, String level, Collection<Pair> pinned, Collection<Pair> excluded) {
        this.tutors = List.copyOf(tutors);
        this.schools = List.copyOf(schools);
        this.weights = weights;
        this.subject = subject == null ? null : subject.toLowerCase(Locale.ROOT);
        this.level = level == null ? null : level.toLowerCase(Locale.ROOT);
        this.pinned = Set.copyOf(pinned);
        this.excluded = Set.copyOf(excluded);
        this.tutors.forEach(t -> {
            if (tutorById.put(t.tutorId(), t) != null) {
                throw new InvalidRequest("Tutor " + t.tutorId() + " appears twice");
            }
        });
        this.schools.forEach(s -> {
            if (schoolByCode.put(s.schoolCode(), s) != null) {
                throw new InvalidRequest("School " + s.schoolCode() + " appears twice");
            }
        });
        this.candidates = listCandidates();
        Map<Pair, PairScore> byPair = new LinkedHashMap<>();
        candidates.forEach(c -> byPair.put(c.pair(), c));
        this.candidatesByPair = Collections.unmodifiableMap(byPair);
    }

    /**
     * A matching question; rejects a level it does not know, a pair both pinned and excluded, and a pin that breaks
     * a hard constraint (saying which).
     */
    public static MatchingProblem of(Collection<TutorSupply> tutors, Collection<SchoolDemand> schools,
            MatchingWeights weights, String subject, String level, Collection<Pair> pinned,
            Collection<Pair> excluded) {
        if (level != null && !Levels.known(level)) {
            throw new InvalidRequest("Unknown level '" + level + "': use vmbo, havo or vwo");
        }
        for (Pair pin : pinned) {
            if (excluded.contains(pin)) {
                throw new InvalidRequest("A pair cannot be both pinned and excluded: " + describe(pin));
            }
        }
        MatchingProblem problem = new MatchingProblem(tutors, schools, weights, subject, level, pinned, excluded);
        problem.checkPins();
        return problem;
    }

    private void checkPins() {
        Map<String, Integer> perTutor = new HashMap<>();
        Map<String, Integer> perSchool = new HashMap<>();
        Set<String> tutorSchool = new HashSet<>();
        for (Pair pin : pinned) {
            Optional<String> reason = whyNotAllowed(pin);
            if (reason.isPresent()) {
                throw new InvalidRequest("Pinned pair " + describe(pin) + " is not allowed: " + reason.get());
            }
            if (!tutorSchool.add(pin.tutorId() + "|" + pin.schoolCode())) {
                throw new InvalidRequest("A tutor helps a school with one subject at a time: "
                        + describe(pin));
            }
            if (perTutor.merge(pin.tutorId(), 1, Integer::sum) > tutorById.get(pin.tutorId()).freePlacements(weights)) {
                throw new InvalidRequest("Pins give tutor " + pin.tutorId() + " more placements than their hours allow");
            }
            if (perSchool.merge(pin.schoolCode(), 1, Integer::sum)
                    > schoolByCode.get(pin.schoolCode()).freeCapacity(weights)) {
                throw new InvalidRequest("Pins give school " + pin.schoolCode() + " more tutors than it can host");
            }
        }
    }

    private static String describe(Pair pair) {
        return pair.tutorId() + " → " + pair.schoolCode() + " (" + pair.subject() + ")";
    }

    /** Why a pair breaks a hard constraint, or empty when it is allowed. Exclusions are the coordinator's choice. */
    public Optional<String> whyNotAllowed(Pair pair) {
        TutorSupply tutor = tutorById.get(pair.tutorId());
        SchoolDemand school = schoolByCode.get(pair.schoolCode());
        if (tutor == null) {
            return Optional.of("the tutor is not available for matching in this region (not known here, or under 16"
                    + " without a parent's consent)");
        }
        if (school == null) {
            return Optional.of("the school is not known in this region");
        }
        if (!tutor.mayBePlaced()) {
            return Optional.of("the tutor is under 16 and no parent's consent is recorded");
        }
        if (subject != null && !subject.equals(pair.subject())) {
            return Optional.of("this run is for " + subject + " only");
        }
        String tutorLevel = tutor.subjects().get(pair.subject());
        if (tutorLevel == null) {
            return Optional.of("the tutor does not offer " + pair.subject());
        }
        if (!Levels.atLeast(tutorLevel, level)) {
            return Optional.of("the tutor's level in " + pair.subject() + " is below " + level);
        }
        Double need = school.subjectNeed().get(pair.subject());
        if (need == null || need <= 0) {
            return Optional.of("the school has no need for " + pair.subject());
        }
        double km = Distance.km(tutor.latitude(), tutor.longitude(), school.latitude(), school.longitude());
        if (km > tutor.maxTravelKm()) {
            return Optional.of(String.format(Locale.ROOT, "the school is %.1f km away, beyond the tutor's %d km", km,
                    tutor.maxTravelKm()));
        }
        if (sharedDays(tutor, school).isEmpty()) {
            return Optional.of("the tutor helps on " + days(tutor.weekdays()) + ", the school hosts tutors on "
                    + days(school.tutoringDays()) + ": no day in common");
        }
        if (tutor.freePlacements(weights) == 0) {
            return Optional.of("the tutor's hours are taken by open placements");
        }
        if (school.freeCapacity(weights) == 0) {
            return Optional.of("the school hosts as many tutors as it can");
        }
        return Optional.empty();
    }

    private List<PairScore> listCandidates() {
        List<PairScore> list = new ArrayList<>();
        for (TutorSupply tutor : tutors) {
            if (!tutor.mayBePlaced() || tutor.freePlacements(weights) == 0) {
                continue;
            }
            for (SchoolDemand school : schools) {
                if (school.freeCapacity(weights) == 0) {
                    continue;
                }
                double km = Distance.km(tutor.latitude(), tutor.longitude(), school.latitude(), school.longitude());
                if (km > tutor.maxTravelKm()) {
                    continue;
                }
                for (Map.Entry<String, String> offered : tutor.subjects().entrySet()) {
                    Pair pair = new Pair(tutor.tutorId(), school.schoolCode(), offered.getKey());
                    if (excluded.contains(pair) || whyNotAllowed(pair).isPresent()) {
                        continue;
                    }
                    PairScore score = PairScore.of(pair, school.subjectNeed().get(offered.getKey()), km,
                            sharedDays(tutor, school), weights);
                    // A pair worth nothing is never proposed, unless the coordinator pinned it.
                    if (score.valueCents() > 0 || pinned.contains(pair)) {
                        list.add(score);
                    }
                }
            }
        }
        return List.copyOf(list);
    }

    /** The weekdays on which the tutor can help and the school hosts tutors, in week order. */
    private static List<DayOfWeek> sharedDays(TutorSupply tutor, SchoolDemand school) {
        EnumSet<DayOfWeek> shared = EnumSet.noneOf(DayOfWeek.class);
        shared.addAll(tutor.weekdays());
        shared.retainAll(school.tutoringDays());
        return List.copyOf(shared);
    }

    private static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(day -> day.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** Every allowed pair with its value, in a stable order. */
    public List<PairScore> candidates() {
        return candidates;
    }

    /** The same candidates by pair, in the same order; built once, because scoring looks pairs up per proposal. */
    public Map<Pair, PairScore> candidatesByPair() {
        return candidatesByPair;
    }

    /** What the school's k-th new tutor in this run costs (k from 0), in hundredths of a point. */
    public long schoolFairnessCents(String schoolCode, int k) {
        return Math.round(weights.schoolFairnessStep() * (schoolByCode.get(schoolCode).openPlacements() + k) * 100);
    }

    /** What the tutor's k-th new placement in this run costs (k from 0), in hundredths of a point. */
    public long tutorFairnessCents(String tutorId, int k) {
        return Math.round(weights.tutorFairnessStep() * (tutorById.get(tutorId).openPlacements() + k) * 100);
    }

    public List<TutorSupply> tutors() {
        return tutors;
    }

    public List<SchoolDemand> schools() {
        return schools;
    }

    public TutorSupply tutor(String tutorId) {
        return tutorById.get(tutorId);
    }

    public SchoolDemand school(String schoolCode) {
        return schoolByCode.get(schoolCode);
    }

    public MatchingWeights weights() {
        return weights;
    }

    public Set<Pair> pinned() {
        return pinned;
    }

    public Set<Pair> excluded() {
        return excluded;
    }

    public String subject() {
        return subject;
    }

    public String level() {
        return level;
    }
}
