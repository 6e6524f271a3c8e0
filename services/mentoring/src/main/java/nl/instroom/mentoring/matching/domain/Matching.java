package nl.instroom.mentoring.matching.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.mentoring.signup.domain.Theme;

/**
 * One cohort's matching problem: its leaders and executives, the pairs the rules allow with their scores, and the
 * coordinator's pins. It scores and explains any pair, hands the allowed ones to the exact solver, and checks the
 * solver's answer against the rules again before anyone sees it.
 */
public final class Matching {

    /** A pair and whether it may be made: its exclusions if not, its score if so. */
    public record Explanation(PairKey pair, Set<Exclusion> exclusions, ScoreBreakdown score, boolean pinned) {

        public boolean allowed() {
            return exclusions.isEmpty();
        }
    }

    /** A pair the solver chose, with its score explained. */
    public record ProposedPair(PairKey pair, String leaderRef, String executiveRef, ScoreBreakdown score,
            boolean pinned) {
    }

    /** The solver's assignment, checked: the pairs, their total, and whether it is proven optimal. */
    public record Proposal(List<ProposedPair> pairs, long objective, boolean provenOptimal, int leaders,
            int executives, int candidates) {

        public Proposal {
            pairs = List.copyOf(pairs);
        }
    }

    private final Map<String, Participant> leaders = new LinkedHashMap<>();
    private final Map<String, Participant> executives = new LinkedHashMap<>();
    private final CoordinatorRules rules;
    private final Set<Set<String>> earlierPairs;
    private final MatchingWeights weights;

    /**
     * @param earlierPairs the participant references of pairs made in earlier cohorts, each as a set of two
     */
    public Matching(List<Participant> leaders, List<Participant> executives, CoordinatorRules rules,
            Set<Set<String>> earlierPairs, MatchingWeights weights) {
        leaders.forEach(leader -> this.leaders.put(leader.signUpId(), leader));
        executives.forEach(executive -> this.executives.put(executive.signUpId(), executive));
        this.rules = rules;
        this.earlierPairs = Set.copyOf(earlierPairs);
        this.weights = weights;
    }

    /** Why the pair may or may not be made, and what it would score. */
    public Explanation explain(PairKey pair) {
        Participant leader = leaders.get(pair.leader());
        Participant executive = executives.get(pair.executive());
        if (leader == null || executive == null) {
            throw new NotPossibleNow("Both must be signed up, and taking part, in this cohort: a school leader and "
                    + "an executive");
        }
        return new Explanation(pair, exclusions(leader, executive), score(leader, executive),
                rules.pins().contains(pair));
    }

    /** Whether the coordinator may pin this pair: it is allowed, and neither side's capacity is pinned full. */
    public void checkPinnable(PairKey pair) {
        Explanation explanation = explain(pair);
        if (!explanation.allowed()) {
            throw new NotPossibleNow("This pair may not be made: " + explanation.exclusions());
        }
        if (rules.exclusions().contains(pair)) {
            throw new NotPossibleNow("This pair is excluded; lift the exclusion first");
        }
        long leaderPins = rules.pins().stream().filter(p -> !p.equals(pair) && p.leader().equals(pair.leader()))
                .count();
        long executivePins = rules.pins().stream()
                .filter(p -> !p.equals(pair) && p.executive().equals(pair.executive())).count();
        if (leaderPins >= leaders.get(pair.leader()).capacity()
                || executivePins >= executives.get(pair.executive()).capacity()) {
            throw new NotPossibleNow("Pinning this pair would take more pairs than one side takes");
        }
    }

    /**
     * Hands the allowed pairs to the solver and checks its answer. A national cohort has millions of pairs, so each
     * is given to the solver with its points only; the pairs the solver chose are then explained in full, which
     * checks them against the rules a second time and their scores against the solver's total.
     */
    public Proposal propose(PairingSolver solver) {
        List<PairingSolver.Candidate> candidates = new ArrayList<>();
        for (Participant leader : leaders.values()) {
            for (Participant executive : executives.values()) {
                if (exclusions(leader, executive).isEmpty()) {
                    candidates.add(new PairingSolver.Candidate(new PairKey(leader.signUpId(), executive.signUpId()),
                            points(leader, executive)));
                }
            }
        }
        Set<PairKey> pinned = new java.util.HashSet<>();
        for (PairKey pin : rules.pins()) {
            // A pin whose sign-up was withdrawn since, or that a later rule excludes, is no longer possible.
            Participant leader = leaders.get(pin.leader());
            Participant executive = executives.get(pin.executive());
            if (leader != null && executive != null && exclusions(leader, executive).isEmpty()) {
                pinned.add(pin);
            }
        }
        Map<String, Integer> leaderCapacity = new LinkedHashMap<>();
        leaders.values().forEach(l -> leaderCapacity.put(l.signUpId(), l.capacity()));
        Map<String, Integer> executiveCapacity = new LinkedHashMap<>();
        executives.values().forEach(e -> executiveCapacity.put(e.signUpId(), e.capacity()));

        PairingSolver.Solution solution = solver.solve(new PairingSolver.Problem(leaderCapacity, executiveCapacity,
                candidates, pinned));

        return checked(solution, pinned, leaderCapacity, executiveCapacity, candidates.size());
    }

    private Proposal checked(PairingSolver.Solution solution, Set<PairKey> pinned,
            Map<String, Integer> leaderCapacity, Map<String, Integer> executiveCapacity, int candidates) {
        Map<String, Integer> leaderUse = new HashMap<>();
        Map<String, Integer> executiveUse = new HashMap<>();
        List<ProposedPair> pairs = new ArrayList<>();
        long total = 0;
        for (PairKey pair : solution.pairs()) {
            Participant leader = leaders.get(pair.leader());
            Participant executive = executives.get(pair.executive());
            if (leader == null || executive == null || !exclusions(leader, executive).isEmpty()) {
                throw new IllegalStateException("The solver chose a pair the rules exclude: " + pair);
            }
            if (leaderUse.merge(pair.leader(), 1, Integer::sum) > leaderCapacity.get(pair.leader())
                    || executiveUse.merge(pair.executive(), 1, Integer::sum)
                    > executiveCapacity.get(pair.executive())) {
                throw new IllegalStateException("The solver went over a capacity with " + pair);
            }
            ScoreBreakdown score = score(leader, executive);
            total += score.total();
            pairs.add(new ProposedPair(pair, leader.participantRef(), executive.participantRef(), score,
                    pinned.contains(pair)));
        }
        if (!solution.pairs().containsAll(pinned)) {
            throw new IllegalStateException("The solver left out a pinned pair");
        }
        if (total != solution.objective()) {
            throw new IllegalStateException("The solver's objective " + solution.objective()
                    + " is not the sum of its pairs' scores " + total);
        }
        pairs.sort(Comparator.comparing((ProposedPair p) -> -p.score().total())
                .thenComparing(p -> p.pair().leader()).thenComparing(p -> p.pair().executive()));
        return new Proposal(pairs, total, solution.provenOptimal(), leaders.size(), executives.size(), candidates);
    }

    /** The pair's total as {@link #score} adds it up, without the breakdown (the solver needs only the total). */
    private int points(Participant leader, Participant executive) {
        int points = weights.pairPoints();
        for (Map.Entry<Theme, Integer> wanted : leader.themes().entrySet()) {
            if (executive.themes().containsKey(wanted.getKey())) {
                points += wanted.getValue() * weights.themePoints();
            }
        }
        if (leader.region() != null && leader.region().equals(executive.region())) {
            points += weights.sameRegionPoints();
        }
        return points;
    }

    private Set<Exclusion> exclusions(Participant leader, Participant executive) {
        Set<Exclusion> found = EnumSet.noneOf(Exclusion.class);
        if (leader.organisation() != null && leader.organisation().equals(executive.organisation())) {
            found.add(Exclusion.SAME_ORGANISATION);
        }
        if (executive.organisation() != null && leader.notWith().contains(executive.organisation())) {
            found.add(Exclusion.LEADER_NOT_WITH);
        }
        if (leader.organisation() != null && executive.notWith().contains(leader.organisation())) {
            found.add(Exclusion.EXECUTIVE_NOT_WITH);
        }
        if (earlierPairs.contains(Set.of(leader.participantRef(), executive.participantRef()))) {
            found.add(Exclusion.EARLIER_PAIR);
        }
        if (rules.exclusions().contains(new PairKey(leader.signUpId(), executive.signUpId()))) {
            found.add(Exclusion.EXCLUDED_BY_COORDINATOR);
        }
        return found;
    }

    private ScoreBreakdown score(Participant leader, Participant executive) {
        List<ScoreBreakdown.ThemeFit> fits = new ArrayList<>();
        for (Map.Entry<Theme, Integer> wanted : new java.util.TreeMap<>(leader.themes()).entrySet()) {
            if (executive.themes().containsKey(wanted.getKey())) {
                fits.add(new ScoreBreakdown.ThemeFit(wanted.getKey(), wanted.getValue(),
                        wanted.getValue() * weights.themePoints()));
            }
        }
        int region = leader.region() != null && leader.region().equals(executive.region())
                ? weights.sameRegionPoints() : 0;
        int total = weights.pairPoints() + region + fits.stream().mapToInt(ScoreBreakdown.ThemeFit::points).sum();
        return new ScoreBreakdown(weights.pairPoints(), fits, region, total);
    }

    public Optional<Participant> leader(String signUpId) {
        return Optional.ofNullable(leaders.get(signUpId));
    }

    public Optional<Participant> executive(String signUpId) {
        return Optional.ofNullable(executives.get(signUpId));
    }
}
