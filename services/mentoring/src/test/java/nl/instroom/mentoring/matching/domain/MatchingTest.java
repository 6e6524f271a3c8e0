package nl.instroom.mentoring.matching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.mentoring.signup.domain.Theme;
import org.junit.jupiter.api.Test;

/**
 * A pair's score and exclusions explained, in the programme's words: a primary-school director in Zwolle who wants
 * to work on leadership (importance 3) and recruitment (2), and executives of an energy company in Zwolle, a bank in
 * Amsterdam, and the school board's own facilities company.
 */
class MatchingTest {

    private static final Participant DIRECTOR = new Participant("l1", "p-director", "AM36", "spo zwolle",
            Set.of("rabobank"), Map.of(Theme.LEADERSHIP, 3, Theme.RECRUITMENT_AND_RETENTION, 2), 1);
    private static final Participant ENERGY = new Participant("e1", "p-energy", "AM36", "netbeheer oost", Set.of(),
            Map.of(Theme.LEADERSHIP, 1, Theme.RECRUITMENT_AND_RETENTION, 1, Theme.FINANCE, 1), 2);
    private static final Participant BANK = new Participant("e2", "p-bank", "AM25", "rabobank", Set.of(),
            Map.of(Theme.LEADERSHIP, 1), 1);
    private static final Participant OWN_BOARD = new Participant("e3", "p-own", "AM36", "spo zwolle", Set.of(),
            Map.of(Theme.LEADERSHIP, 1), 1);
    private static final Participant PICKY = new Participant("e4", "p-picky", "AM25", "ing", Set.of("spo zwolle"),
            Map.of(Theme.FINANCE, 1), 1);

    private static Matching matching(CoordinatorRules rules, Set<Set<String>> earlier) {
        return new Matching(List.of(DIRECTOR), List.of(ENERGY, BANK, OWN_BOARD, PICKY), rules, earlier,
                MatchingWeights.DEFAULT);
    }

    @Test
    void aPairsScoreIsTheBaseItsSharedThemesByImportanceAndTheSameRegionAndTheyAddUp() {
        Matching.Explanation explanation = matching(CoordinatorRules.NONE, Set.of()).explain(new PairKey("l1", "e1"));

        ScoreBreakdown score = explanation.score();
        assertThat(explanation.allowed()).isTrue();
        assertThat(score.pairPoints()).isEqualTo(10);
        assertThat(score.themes()).containsExactly(new ScoreBreakdown.ThemeFit(Theme.LEADERSHIP, 3, 30),
                new ScoreBreakdown.ThemeFit(Theme.RECRUITMENT_AND_RETENTION, 2, 20));
        assertThat(score.regionPoints()).isEqualTo(15);
        assertThat(score.total()).isEqualTo(75);
    }

    @Test
    void everyHardExclusionIsNamed() {
        Matching matching = matching(new CoordinatorRules(Set.of(), Set.of(new PairKey("l1", "e1"))),
                Set.of(Set.of("p-director", "p-energy")));

        assertThat(matching.explain(new PairKey("l1", "e1")).exclusions())
                .containsExactlyInAnyOrder(Exclusion.EARLIER_PAIR, Exclusion.EXCLUDED_BY_COORDINATOR);
        assertThat(matching.explain(new PairKey("l1", "e2")).exclusions()).containsExactly(Exclusion.LEADER_NOT_WITH);
        assertThat(matching.explain(new PairKey("l1", "e3")).exclusions())
                .containsExactly(Exclusion.SAME_ORGANISATION);
        assertThat(matching.explain(new PairKey("l1", "e4")).exclusions())
                .containsExactly(Exclusion.EXECUTIVE_NOT_WITH);
    }

    @Test
    void anExcludedPairOrOneBeyondACapacityCannotBePinned() {
        Matching matching = matching(new CoordinatorRules(Set.of(new PairKey("l1", "e1")), Set.of()), Set.of());

        assertThatThrownBy(() -> matching.checkPinnable(new PairKey("l1", "e3")))
                .isInstanceOf(NotPossibleNow.class).hasMessageContaining("SAME_ORGANISATION");
        Matching twoDirectors = new Matching(List.of(DIRECTOR), List.of(ENERGY, PICKY),
                new CoordinatorRules(Set.of(new PairKey("l1", "e1")), Set.of()), Set.of(), MatchingWeights.DEFAULT);
        Participant other = new Participant("e5", "p-other", "AM36", "other", Set.of(), Map.of(), 1);
        Matching full = new Matching(List.of(DIRECTOR), List.of(ENERGY, other),
                new CoordinatorRules(Set.of(new PairKey("l1", "e1")), Set.of()), Set.of(), MatchingWeights.DEFAULT);
        assertThatThrownBy(() -> full.checkPinnable(new PairKey("l1", "e5"))).isInstanceOf(NotPossibleNow.class)
                .hasMessageContaining("more pairs");
        twoDirectors.checkPinnable(new PairKey("l1", "e1"));
    }

    @Test
    void aSolverAnswerThatBreaksTheRulesIsNeverShown() {
        Matching matching = matching(CoordinatorRules.NONE, Set.of());

        assertThatThrownBy(() -> matching.propose(problem -> new PairingSolver.Solution(
                List.of(new PairKey("l1", "e3")), 35, true))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rules exclude");
        assertThatThrownBy(() -> matching.propose(problem -> new PairingSolver.Solution(
                List.of(new PairKey("l1", "e1")), 99, true))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("objective");
    }
}
