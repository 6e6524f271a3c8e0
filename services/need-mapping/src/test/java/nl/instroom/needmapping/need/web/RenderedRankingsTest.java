package nl.instroom.needmapping.need.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import nl.instroom.needmapping.need.application.NeedQueries.RankingVersion;
import org.junit.jupiter.api.Test;

/**
 * Pages of the ranking rendered once per aggregation: what is sent for an aggregation is that aggregation's page, also
 * when the aggregation known when asked is older than the one the page was made from.
 */
class RenderedRankingsTest {

    private final RenderedRankings rendered = new RenderedRankings();
    private int renders;

    private RenderedRankings.Rendered madeFrom(long aggregation) {
        renders++;
        return new RenderedRankings.Rendered(page(aggregation),
                Optional.of(new RankingVersion("AM22", aggregation)));
    }

    private static byte[] page(long aggregation) {
        return ("[\"page of aggregation " + aggregation + "\"]").getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<RankingVersion> known(long aggregation) {
        return Optional.of(new RankingVersion("AM22", aggregation));
    }

    @Test
    void aPageIsRenderedOncePerAggregationAndSentAgain() {
        assertThat(rendered.page(known(4), false, 0, 50, () -> madeFrom(4))).isEqualTo(page(4));
        assertThat(rendered.page(known(4), false, 0, 50, () -> madeFrom(4))).isEqualTo(page(4));
        assertThat(renders).isEqualTo(1);

        assertThat(rendered.page(known(5), false, 0, 50, () -> madeFrom(5))).as("a new aggregation, a new page")
                .isEqualTo(page(5));
        assertThat(renders).isEqualTo(2);
    }

    @Test
    void aPageMadeFromALaterAggregationIsKeptUnderThatOneNotUnderTheOneKnown() {
        // Known: 4 (another instance aggregated meanwhile, not yet read again); the store's pages are of 5.
        assertThat(rendered.page(known(4), false, 0, 50, () -> madeFrom(5))).isEqualTo(page(5));

        assertThat(rendered.page(known(5), false, 0, 50, () -> madeFrom(5))).isEqualTo(page(5));
        assertThat(renders).as("kept under 5").isEqualTo(1);
        assertThat(rendered.page(known(4), false, 0, 50, () -> madeFrom(4))).as("nothing kept under 4")
                .isEqualTo(page(4));
        assertThat(renders).isEqualTo(2);
    }

    @Test
    void whatWasAskedIsPartOfTheKey() {
        rendered.page(known(4), false, 0, 50, () -> madeFrom(4));
        rendered.page(known(4), true, 0, 50, () -> madeFrom(4));
        rendered.page(known(4), false, 50, 50, () -> madeFrom(4));
        rendered.page(known(4), false, 0, 20, () -> madeFrom(4));
        assertThat(renders).isEqualTo(4);
    }

    @Test
    void aPageNotMadeFromOneAggregationIsNeverKept() {
        RenderedRankings.Rendered fromTheViews = new RenderedRankings.Rendered(page(0), Optional.empty());

        rendered.page(known(4), false, 0, 50, () -> {
            renders++;
            return fromTheViews;
        });
        assertThat(rendered.page(known(4), false, 0, 50, () -> madeFrom(4))).isEqualTo(page(4));
        assertThat(renders).isEqualTo(2);
    }

    @Test
    void largePagesAreNotKept() {
        int limit = RenderedRankings.MAX_SCHOOLS + 1;
        rendered.page(known(4), false, 0, limit, () -> madeFrom(4));
        rendered.page(known(4), false, 0, limit, () -> madeFrom(4));
        assertThat(renders).isEqualTo(2);
    }

    @Test
    void theOldestPagesFallOut() {
        for (int offset = 0; offset <= RenderedRankings.ENTRIES; offset++) {
            rendered.page(known(4), false, offset, 50, () -> madeFrom(4));
        }
        rendered.page(known(4), false, RenderedRankings.ENTRIES, 50, () -> madeFrom(4));
        assertThat(renders).as("the newest is kept").isEqualTo(RenderedRankings.ENTRIES + 1);
        rendered.page(known(4), false, 0, 50, () -> madeFrom(4));
        assertThat(renders).as("the oldest fell out").isEqualTo(RenderedRankings.ENTRIES + 2);
    }
}
