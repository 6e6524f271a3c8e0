package nl.instroom.needmapping.need.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import nl.instroom.events.needmap.Urgency;
import nl.instroom.needmapping.need.domain.NeedIndexFormula;
import nl.instroom.needmapping.need.domain.NeedInputs;
import nl.instroom.needmapping.need.domain.NeedReadModel;
import nl.instroom.needmapping.need.domain.NeedWeights;
import nl.instroom.needmapping.need.domain.RegionNeed;
import nl.instroom.needmapping.need.domain.SchoolNeed;
import nl.instroom.needmapping.need.domain.SchoolNeedView;
import nl.instroom.needmapping.need.domain.SchoolNeeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two need-mapping instances' recalculations over one in-memory store of needs and inputs, their passes driven step
 * by step, so that two passes for the same school read the inputs on either side of a change: the races that timing
 * makes rare in {@code TwoInstancesIT}, made certain. After both instances have scored what is marked, the stored
 * need is the formula applied to the inputs, and no revision was published twice with different contents.
 */
class NeedRecalculationTest {

    private static final String SCHOOL = "77TW00";
    private static final String REGION = "AM36";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private static final NeedInputs.Vacancy VACANCY = new NeedInputs.Vacancy("wiskunde", new BigDecimal("0.5"),
            LocalDate.of(2026, 11, 27), Urgency.NORMAL);

    private final NeedIndexFormula formula = new NeedIndexFormula(NeedWeights.defaults());
    private final InMemoryNeedSources sources = new InMemoryNeedSources().aSchool(SCHOOL, REGION, 600);
    private final InMemorySchoolNeeds needs = new InMemorySchoolNeeds();
    private final NeedRecalculation first = instance();
    private final NeedRecalculation second = instance();

    @BeforeEach
    void aNeedStoredWithoutVacancies() {
        first.recalculate(List.of(SCHOOL));
        assertThat(needs.current(SCHOOL)).get().extracting(SchoolNeeds.StoredNeed::revision).isEqualTo(1L);
    }

    @Test
    void aPassThatReadTheInputsBeforeAChangeCannotStoreAfterAPassThatFoundTheChangeLeftNothingToStore() {
        sources.open(SCHOOL, VACANCY);
        // The second instance scores the school with the vacancy open. Before it stores, the vacancy is filled and
        // the first instance scores the school: its inputs are as they were at revision 1, nothing to store.
        needs.beforeNextStore(() -> {
            sources.close(SCHOOL, VACANCY);
            first.recalculate(List.of(SCHOOL));
        });
        second.recalculate(List.of(SCHOOL));

        bothInstancesScoreWhatIsMarked();

        assertThat(needs.current(SCHOOL)).get().extracting(SchoolNeeds.StoredNeed::need)
                .isEqualTo(scoredFromTheInputsNow());
        assertNoRevisionPublishedTwiceWithDifferentContents();
    }

    @Test
    void aPassThatFindsNothingToStoreAgainstANeedStoredAnewMeanwhileScoresTheSchoolAgain() {
        sources.open(SCHOOL, VACANCY);
        // The second instance has read revision 1 and the inputs with the vacancy open; then the vacancy is filled.
        SchoolNeed withTheVacancy = scoredFromTheInputsNow();
        sources.close(SCHOOL, VACANCY);
        // The first instance scores the school for the filling. After it read revision 1, and before it reads the
        // inputs, the second instance stores the need with the vacancy as revision 2.
        sources.beforeNextRead(() -> assertThat(needs.store(List.of(new SchoolNeeds.Change(withTheVacancy, 1, 0)),
                List.of(), CLOCK.instant())).isEmpty());
        first.recalculate(List.of(SCHOOL));

        bothInstancesScoreWhatIsMarked();

        assertThat(needs.current(SCHOOL)).get().extracting(SchoolNeeds.StoredNeed::need)
                .isEqualTo(scoredFromTheInputsNow());
        assertThat(needs.current(SCHOOL)).get().extracting(SchoolNeeds.StoredNeed::revision).isEqualTo(3L);
        assertNoRevisionPublishedTwiceWithDifferentContents();
    }

    @Test
    void aPassThatFindsNothingToStoreChangesNothingPublished() {
        second.recalculate(List.of(SCHOOL));
        first.recalculate(List.of(SCHOOL));

        assertThat(needs.published()).hasSize(1);
        assertThat(needs.current(SCHOOL)).get().extracting(SchoolNeeds.StoredNeed::confirmations).isEqualTo(2L);
        assertThat(first.passNow()).isFalse();
        assertThat(second.passNow()).isFalse();
    }

    private void bothInstancesScoreWhatIsMarked() {
        for (int round = 0; round < 10; round++) {
            boolean any = first.passNow();
            any |= second.passNow();
            if (!any) {
                return;
            }
        }
        throw new AssertionError("the instances keep marking the school again");
    }

    private SchoolNeed scoredFromTheInputsNow() {
        return formula.score(sources.of(SCHOOL), LocalDate.now(CLOCK),
                sources.medianPupils(List.of(REGION)).get(REGION));
    }

    private void assertNoRevisionPublishedTwiceWithDifferentContents() {
        Map<Long, SchoolNeed> byRevision = new HashMap<>();
        for (SchoolNeeds.StoredNeed published : needs.published()) {
            SchoolNeed before = byRevision.putIfAbsent(published.revision(), published.need());
            assertThat(before == null || before.equals(published.need()))
                    .as("revision %d published as %s and as %s", published.revision(), before, published.need())
                    .isTrue();
        }
    }

    private NeedRecalculation instance() {
        return new NeedRecalculation(sources, needs, new NoReadModel(), formula, CLOCK, Duration.ofMillis(1));
    }

    /** The read model is not what these tests look at: following a pass changes nothing in it. */
    private static final class NoReadModel implements NeedReadModel {

        @Override
        public Followed follow(Collection<SchoolNeeds.StoredNeed> current) {
            return new Followed(Set.of(), Set.of());
        }

        @Override
        public void aggregate(String region) {
        }

        @Override
        public List<String> aggregatedRegions() {
            return List.of();
        }

        @Override
        public List<SchoolNeedView> schools(Filter filter, int offset, int limit) {
            return List.of();
        }

        @Override
        public Optional<RankedPage> ranking(String region, boolean withNeedOnly, int offset, int limit) {
            return Optional.empty();
        }

        @Override
        public OptionalLong rankedAt(String region) {
            return OptionalLong.empty();
        }

        @Override
        public Optional<RegionNeed> region(String region) {
            return Optional.empty();
        }

        @Override
        public List<RegionNeed> regions() {
            return List.of();
        }
    }
}
