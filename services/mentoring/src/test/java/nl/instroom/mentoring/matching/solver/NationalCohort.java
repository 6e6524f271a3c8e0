package nl.instroom.mentoring.matching.solver;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.mentoring.matching.domain.CoordinatorRules;
import nl.instroom.mentoring.matching.domain.Matching;
import nl.instroom.mentoring.matching.domain.MatchingWeights;
import nl.instroom.mentoring.matching.domain.PairKey;
import nl.instroom.mentoring.matching.domain.Participant;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.Theme;

/**
 * A seeded cohort of a national cross-mentoring round, built from what the questionnaire asks and turned into a
 * problem by the service's own {@link Matching} (its scores, its exclusions, the coordinator's pins), exactly as
 * {@code MatchingService} does with sign-ups from the store — so the benchmark measures the problem the service
 * solves, not a look-alike.
 *
 * <p>Why it looks as it does: school leaders are spread over the 35 labour-market regions by size, executives
 * cluster where head offices are (Amsterdam, Rotterdam, The Hague, Utrecht, Eindhoven), so the same-region points
 * are scarce; a few large school boards and companies send many people (a skewed draw), so "same organisation" and
 * "not with" exclude whole blocks; leaders want what they lack (recruitment, wellbeing, change) and executives bring
 * what they do (strategy, finance, digitalisation), so good theme fits are scarce too; most executives take one
 * pair, some two or three; some participants return from earlier rounds with their earlier pairs excluded; the
 * coordinator has excluded a few pairs by hand and pinned a few. Scores are the service's: many pairs tie, as they
 * do with real questionnaires.
 */
final class NationalCohort {

    /** CBS's labour-market regions (docs/regions.md), each with a weight for the school leaders who live there. */
    private static final String[] REGIONS = {"AM01", "AM02", "AM03", "AM05", "AM06", "AM07", "AM08", "AM09", "AM10",
        "AM11", "AM12", "AM13", "AM14", "AM15", "AM17", "AM18", "AM19", "AM20", "AM21", "AM22", "AM23", "AM24",
        "AM25", "AM26", "AM27", "AM28", "AM29", "AM30", "AM32", "AM33", "AM34", "AM35", "AM36", "AM37", "AM38"};
    private static final int[] LEADER_WEIGHT = {4, 5, 4, 5, 5, 4, 3, 3, 2, 3, 2, 7, 3, 5, 2, 9, 4, 2, 7, 9, 2, 3,
        4, 3, 4, 5, 2, 4, 2, 2, 2, 1, 4, 2, 2};
    /** Where the executives' head offices are: most in five regions, the rest anywhere. */
    private static final String[] HEAD_OFFICES = {"AM18", "AM22", "AM21", "AM13", "AM28"};
    /** How often a leader wants a theme and an executive brings it, in the order of {@link Theme}'s values. */
    private static final int[] WANTED = {6, 5, 3, 9, 5, 3, 2, 2, 3, 6, 3, 3};
    private static final int[] BROUGHT = {6, 4, 8, 2, 4, 5, 6, 7, 4, 2, 3, 5};

    final List<Participant> leaders;
    final List<Participant> executives;
    final Set<Set<String>> earlierPairs;
    final CoordinatorRules rules;

    private NationalCohort(List<Participant> leaders, List<Participant> executives, Set<Set<String>> earlierPairs,
            CoordinatorRules rules) {
        this.leaders = leaders;
        this.executives = executives;
        this.earlierPairs = earlierPairs;
        this.rules = rules;
    }

    static NationalCohort of(int leaderCount, int executiveCount, long seed) {
        Random random = new Random(seed);
        // About one school board per three leaders and one company per eight executives, a few of them large.
        int boards = Math.max(3, leaderCount / 3);
        int companies = Math.max(3, executiveCount / 8);
        List<Participant> leaders = new ArrayList<>();
        for (int i = 0; i < leaderCount; i++) {
            Set<String> notWith = new TreeSet<>();
            if (random.nextInt(10) == 0) {
                for (int k = 0; k < 1 + random.nextInt(2); k++) {
                    notWith.add(company(skewed(random, companies)));
                }
            }
            leaders.add(new Participant("leader-" + i, "ref-leader-" + i, weighted(random, REGIONS, LEADER_WEIGHT),
                    board(skewed(random, boards)), notWith, themes(random, WANTED, 2 + random.nextInt(4), true), 1));
        }
        List<Participant> executives = new ArrayList<>();
        for (int j = 0; j < executiveCount; j++) {
            String region = random.nextInt(10) < 6 ? HEAD_OFFICES[random.nextInt(HEAD_OFFICES.length)]
                    : REGIONS[random.nextInt(REGIONS.length)];
            // One executive in fifty works for an organisation that is also a school board (a large foundation).
            String organisation = random.nextInt(50) == 0 ? board(skewed(random, boards))
                    : company(skewed(random, companies));
            Set<String> notWith = new TreeSet<>();
            if (random.nextInt(10) == 0) {
                notWith.add(board(skewed(random, boards)));
            }
            int roll = random.nextInt(20);
            int capacity = roll < 15 ? 1 : roll < 19 ? 2 : 3;
            executives.add(new Participant("executive-" + j, "ref-executive-" + j, region, organisation, notWith,
                    themes(random, BROUGHT, 2 + random.nextInt(5), false), capacity));
        }
        // One participant in eight on either side returns from an earlier round, where they had a pair.
        Set<Set<String>> earlier = new HashSet<>();
        for (int k = 0; k < Math.min(leaderCount, executiveCount) / 8; k++) {
            earlier.add(Set.of(leaders.get(random.nextInt(leaderCount)).participantRef(),
                    executives.get(random.nextInt(executiveCount)).participantRef()));
        }
        Set<PairKey> excluded = new HashSet<>();
        for (int k = 0; k < Math.max(1, leaderCount / 50); k++) {
            excluded.add(new PairKey(leaders.get(random.nextInt(leaderCount)).signUpId(),
                    executives.get(random.nextInt(executiveCount)).signUpId()));
        }
        Set<PairKey> pins = new HashSet<>();
        for (int k = 0; k < Math.max(1, leaderCount / 100); k++) {
            PairKey pin = new PairKey(leaders.get(random.nextInt(leaderCount)).signUpId(),
                    executives.get(random.nextInt(executiveCount)).signUpId());
            try {
                // As the service does: a pin the rules forbid, or one that overfills a side, is refused.
                new Matching(leaders, executives, new CoordinatorRules(pins, excluded), earlier,
                        MatchingWeights.DEFAULT).checkPinnable(pin);
                pins.add(pin);
            } catch (NotPossibleNow refused) {
                // the coordinator would have been told no
            }
        }
        return new NationalCohort(List.copyOf(leaders), List.copyOf(executives), Set.copyOf(earlier),
                new CoordinatorRules(pins, excluded));
    }

    /** The cohort as the service's matching sees it, with the service's default weights. */
    Matching matching() {
        return new Matching(leaders, executives, rules, earlierPairs, MatchingWeights.DEFAULT);
    }

    int places() {
        return executives.stream().mapToInt(Participant::capacity).sum();
    }

    private static Map<Theme, Integer> themes(Random random, int[] popularity, int count, boolean leader) {
        Map<Theme, Integer> themes = new EnumMap<>(Theme.class);
        Theme[] all = Theme.values();
        while (themes.size() < count) {
            Theme theme = all[weightedIndex(random, popularity)];
            // A leader weighs what they want (1–3, the first ones most); an executive brings a theme or not.
            themes.putIfAbsent(theme, leader ? Math.min(3, Math.max(1, 3 - themes.size() + random.nextInt(2))) : 1);
        }
        return themes;
    }

    /** Organisation names as the service keeps them: normalised, so that comparisons ignore case and punctuation. */
    private static String board(int n) {
        return SignUp.normalise("Stichting Onderwijs " + n);
    }

    private static String company(int n) {
        return SignUp.normalise("Bedrijf " + n + " N.V.");
    }

    /** Small numbers far more often: a few large organisations send many people, most send one or two. */
    private static int skewed(Random random, int count) {
        return (int) Math.min(count - 1, Math.floor(count * Math.pow(random.nextDouble(), 2.5)));
    }

    private static String weighted(Random random, String[] values, int[] weights) {
        return values[weightedIndex(random, weights)];
    }

    private static int weightedIndex(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
