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
        Matching matching = new Matching(leaders, executives, new CoordinatorRules(pins, excluded), earlier,
                MatchingWeights.DEFAULT);

        Matching.Proposal proposal = matching.propose(new AssignmentPairingSolver());

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
