package nl.instroom.mentoring.matching.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.mentoring.matching.domain.CoordinatorRules;
import nl.instroom.mentoring.matching.domain.Matching;
import nl.instroom.mentoring.matching.domain.MatchingWeights;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.matching.domain.Participant;
import nl.instroom.mentoring.matching.domain.ScoreBreakdown;
import nl.instroom.mentoring.signup.domain.Theme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated cohorts — few organisations and regions, so conflicts of interest, "not with", earlier pairs, the
 * coordinator's exclusions and pins all occur — matched by the real solver: no proposed pair is ever excluded,
 * no capacity is exceeded, every pin is in, every pair's explanation adds up to its score, the scores add up to the
 * objective, and the certificate proves it optimal.
 */
class ExactMatchingPropertyTest {

    private static final List<String> ORGANISATIONS = List.of("spo zwolle", "netbeheer oost", "rabobank", "ing",
            "vo deventer", "gemeente kampen");
    private static final List<String> REGIONS = List.of("AM36", "AM37", "AM25");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    void exclusionsAreNeverViolatedAndEveryExplanationSumsToItsScore(long seed) {
        Random random = new Random(seed);
        List<Participant> leaders = participants(random, "l", 5 + random.nextInt(40), false);
        List<Participant> executives = participants(random, "e", 3 + random.nextInt(30), true);
        Matching matching = generatedMatching(random, leaders, executives);

        Matching.Proposal proposal = matching.propose(new AssignmentPairingSolver());

        Set<PairKey> pins = new HashSet<>();
        for (Participant leader : leaders) {
            for (Participant executive : executives) {
                PairKey pair = new PairKey(leader.signUpId(), executive.signUpId());
                if (matching.explain(pair).pinned()) {
                    pins.add(pair);
                }
            }
        }
        Map<String, Integer> leaderUse = new HashMap<>();
        Map<String, Integer> executiveUse = new HashMap<>();
        long sum = 0;
        for (Matching.ProposedPair pair : proposal.pairs()) {
            Matching.Explanation explanation = matching.explain(pair.pair());
            assertThat(explanation.exclusions()).as("exclusions of %s", pair.pair()).isEmpty();
            ScoreBreakdown score = pair.score();
            assertThat(score.pairPoints() + score.regionPoints()
                    + score.themes().stream().mapToInt(ScoreBreakdown.ThemeFit::points).sum())
                    .isEqualTo(score.total()).isEqualTo(explanation.score().total());
            leaderUse.merge(pair.pair().leader(), 1, Integer::sum);
            executiveUse.merge(pair.pair().executive(), 1, Integer::sum);
            sum += score.total();
        }
        leaderUse.forEach((id, used) -> assertThat(used).isLessThanOrEqualTo(1));
        executiveUse.forEach((id, used) -> assertThat(used)
                .isLessThanOrEqualTo(matching.executive(id).orElseThrow().capacity()));
        assertThat(proposal.pairs()).extracting(Matching.ProposedPair::pair).containsAll(pins);
        assertThat(proposal.objective()).isEqualTo(sum);
        assertThat(proposal.provenOptimal()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 7, 11, 19, 23, 42, 61, 77, 97, 101, 211, 307, 401, 503, 607, 701})
    void onSmallCohortsTheObjectiveEqualsAnExhaustiveSearch(long seed) {
        Random random = new Random(seed);
        List<Participant> leaders = participants(random, "l", 2 + random.nextInt(5), false);
        List<Participant> executives = participants(random, "e", 2 + random.nextInt(3), true);
        Matching matching = generatedMatching(random, leaders, executives);

        Matching.Proposal proposal = matching.propose(new AssignmentPairingSolver());

        assertThat(proposal.provenOptimal()).isTrue();
        assertThat(proposal.objective()).as("seed %d: %d leaders × %d executives", seed, leaders.size(),
                executives.size()).isEqualTo(exhaustiveOptimum(matching, leaders, executives));
    }

    /**
     * The best total over every choice of at most one allowed executive per leader that keeps each executive's
     * capacity and contains every pin; leaders are capacity 1, so this enumerates every feasible set of pairs.
     */
    private static long exhaustiveOptimum(Matching matching, List<Participant> leaders,
            List<Participant> executives) {
        Matching.Explanation[][] pairs = new Matching.Explanation[leaders.size()][executives.size()];
        for (int l = 0; l < leaders.size(); l++) {
            for (int e = 0; e < executives.size(); e++) {
                pairs[l][e] = matching.explain(new PairKey(leaders.get(l).signUpId(), executives.get(e).signUpId()));
            }
        }
        return best(pairs, executives, 0, new int[executives.size()]);
    }

    private static long best(Matching.Explanation[][] pairs, List<Participant> executives, int leader, int[] used) {
        if (leader == pairs.length) {
            return 0;
        }
        boolean pinned = false;
        for (Matching.Explanation pair : pairs[leader]) {
            pinned |= pair.pinned();
        }
        long best = pinned ? Long.MIN_VALUE : best(pairs, executives, leader + 1, used);
        for (int e = 0; e < executives.size(); e++) {
            Matching.Explanation pair = pairs[leader][e];
            if (!pair.allowed() || (pinned && !pair.pinned()) || used[e] == executives.get(e).capacity()) {
                continue;
            }
            used[e]++;
            long rest = best(pairs, executives, leader + 1, used);
            used[e]--;
            if (rest != Long.MIN_VALUE) {
                best = Math.max(best, pair.score().total() + rest);
            }
        }
        return best;
    }

    /**
     * The coordinator's exclusions, earlier pairs of these people and up to four pins the coordinator would be
     * allowed, drawn at random.
     */
    private static Matching generatedMatching(Random random, List<Participant> leaders,
            List<Participant> executives) {
        Set<Set<String>> earlier = new HashSet<>();
        Set<PairKey> excluded = new HashSet<>();
        for (int i = 0; i < leaders.size(); i++) {
            Participant leader = leaders.get(random.nextInt(leaders.size()));
            Participant executive = executives.get(random.nextInt(executives.size()));
            if (random.nextBoolean()) {
                earlier.add(Set.of(leader.participantRef(), executive.participantRef()));
            } else {
                excluded.add(new PairKey(leader.signUpId(), executive.signUpId()));
            }
        }
        Set<PairKey> pins = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            PairKey pin = new PairKey(leaders.get(random.nextInt(leaders.size())).signUpId(),
                    executives.get(random.nextInt(executives.size())).signUpId());
            try {
                new Matching(leaders, executives, new CoordinatorRules(pins, excluded), earlier,
                        MatchingWeights.DEFAULT).checkPinnable(pin);
                pins.add(pin);
            } catch (NotPossibleNow notAllowed) {
                // the coordinator would have been refused this pin
            }
        }
        return new Matching(leaders, executives, new CoordinatorRules(pins, excluded), earlier,
                MatchingWeights.DEFAULT);
    }

    private static List<Participant> participants(Random random, String prefix, int count, boolean executives) {
        List<Participant> participants = new ArrayList<>();
        Theme[] themes = Theme.values();
        for (int i = 0; i < count; i++) {
            Map<Theme, Integer> chosen = new EnumMap<>(Theme.class);
            for (int t = 0; t < 1 + random.nextInt(4); t++) {
                chosen.put(themes[random.nextInt(themes.length)], executives ? 1 : 1 + random.nextInt(3));
            }
            Set<String> notWith = random.nextInt(4) == 0
                    ? Set.of(ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size()))) : Set.of();
            participants.add(new Participant(prefix + i, "ref-" + prefix + i,
                    REGIONS.get(random.nextInt(REGIONS.size())),
                    ORGANISATIONS.get(random.nextInt(ORGANISATIONS.size())), notWith, chosen,
                    executives ? 1 + random.nextInt(3) : 1));
        }
        return participants;
    }
}
