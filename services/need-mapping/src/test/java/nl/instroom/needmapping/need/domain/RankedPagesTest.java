package nl.instroom.needmapping.need.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.instroom.events.Sector;
import org.junit.jupiter.api.Test;

/**
 * The ranking kept in rank order: every page read from the stored pages is the page the region's views sorted by
 * score would give, with and without the schools without need, before and after needs change.
 */
class RankedPagesTest {

    @Test
    void theViewsAreCutIntoPagesInRankOrderWithTheSchoolsWithNeedFirst() {
        List<SchoolNeedView> views = List.of(view("03CC00", 0.0), view("01AA00", 2.5), view("04DD00", 7.0),
                view("02BB00", 2.5), view("05EE00", 0.0));

        RankedPages ranking = RankedPages.of(views);

        assertThat(ranking.pages()).hasSize(1);
        assertThat(ranking.pages().get(0)).extracting(SchoolNeedView::schoolCode)
                .as("highest score first, equal scores by code, no need last")
                .containsExactly("04DD00", "01AA00", "02BB00", "03CC00", "05EE00");
        assertThat(ranking.size()).isEqualTo(5);
        assertThat(ranking.withNeed()).isEqualTo(3);
        assertThat(RankedPages.of(List.of()).pages()).isEmpty();
    }

    @Test
    void everyPageReadFromTheStoredPagesIsThePageOfTheSortedViews() {
        Random random = new Random(16);
        List<SchoolNeedView> views = new ArrayList<>();
        for (int i = 0; i < 123; i++) {
            // a third without need, and many equal scores: the order by code decides between them
            views.add(view(code(i), i % 3 == 0 ? 0.0 : random.nextInt(20) / 4.0));
        }

        RankedPages ranking = RankedPages.of(views);

        assertThat(ranking.pages()).extracting(List::size).containsExactly(50, 50, 23);
        assertEveryPageAsSorted(ranking, views);
    }

    @Test
    void afterNeedsChangeThePagesAreTheNewOrderAndOnlyPagesBetweenTheOldAndNewRanksChange() {
        Random random = new Random(7);
        List<SchoolNeedView> views = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
            views.add(view(code(i), 1.0 + random.nextInt(1000) / 100.0));
        }
        RankedPages before = RankedPages.of(views);
        String last = before.pages().get(3).get(9).schoolCode();

        // the last school gets the greatest need, so every page above it shifts by one; one school in the middle
        // loses its need; the others stay
        List<SchoolNeedView> changed = new ArrayList<>();
        String middle = before.pages().get(1).get(20).schoolCode();
        for (SchoolNeedView view : views) {
            if (view.schoolCode().equals(last)) {
                changed.add(view(last, 50.0));
            } else if (view.schoolCode().equals(middle)) {
                changed.add(view(middle, 0.0));
            } else {
                changed.add(view);
            }
        }
        RankedPages after = RankedPages.of(changed);

        assertThat(after.pages().get(0).get(0).schoolCode()).isEqualTo(last);
        assertThat(after.pages().get(3).get(9).schoolCode()).as("no need: last").isEqualTo(middle);
        assertThat(after.withNeed()).isEqualTo(159);
        assertEveryPageAsSorted(after, changed);

        // a school that rises changes only the pages from its new rank to its old one
        List<SchoolNeedView> rising = new ArrayList<>(views);
        SchoolNeedView onPageTwo = before.pages().get(2).get(5);
        rising.set(views.indexOf(onPageTwo), view(onPageTwo.schoolCode(),
                before.pages().get(1).get(10).rawScore() + 0.001));
        RankedPages risen = RankedPages.of(rising);
        assertThat(risen.pages().get(0)).isEqualTo(before.pages().get(0));
        assertThat(risen.pages().get(1)).isNotEqualTo(before.pages().get(1));
        assertThat(risen.pages().get(3)).isEqualTo(before.pages().get(3));
        assertEveryPageAsSorted(risen, rising);
    }

    @Test
    void aSpanBeyondTheRankingIsEmptyAndTheSchoolsWithoutNeedAreCutOff() {
        assertThat(RankedPages.span(120, 80, false, 120, 50).isEmpty()).isTrue();
        assertThat(RankedPages.span(120, 80, true, 80, 50).isEmpty()).isTrue();
        assertThat(RankedPages.span(120, 80, true, 60, 50)).isEqualTo(new RankedPages.Span(60, 80));
        assertThat(RankedPages.span(120, 80, false, 100_000, 1000).isEmpty()).isTrue();
        RankedPages.Span across = RankedPages.span(120, 80, false, 45, 10);
        assertThat(across.firstPage()).isEqualTo(0);
        assertThat(across.lastPage()).isEqualTo(1);
    }

    /** Every offset and limit, with and without the schools without need, against the views sorted here. */
    private static void assertEveryPageAsSorted(RankedPages ranking, List<SchoolNeedView> views) {
        List<SchoolNeedView> sorted = views.stream().sorted((a, b) -> a.rawScore() != b.rawScore()
                ? Double.compare(b.rawScore(), a.rawScore()) : a.schoolCode().compareTo(b.schoolCode())).toList();
        Map<Integer, List<SchoolNeedView>> stored = new HashMap<>();
        for (int page = 0; page < ranking.pages().size(); page++) {
            stored.put(page, ranking.pages().get(page));
        }
        for (boolean withNeedOnly : new boolean[] {false, true}) {
            List<SchoolNeedView> expected = sorted.stream().filter(v -> !withNeedOnly || v.rawScore() > 0).toList();
            for (int offset = 0; offset <= views.size() + 1; offset += 3) {
                for (int limit : new int[] {1, 2, 17, 49, 50, 51, 120, 1000}) {
                    List<SchoolNeedView> page = RankedPages.span(ranking.size(), ranking.withNeed(), withNeedOnly,
                            offset, limit).of(stored);
                    assertThat(page).as("offset %d, limit %d, with need only %s", offset, limit, withNeedOnly)
                            .isEqualTo(expected.subList(Math.min(offset, expected.size()),
                                    Math.min(offset + limit, expected.size())));
                }
            }
        }
    }

    private static String code(int i) {
        return "%02d%c%c00".formatted(10 + i / 100, 'A' + (i / 10) % 10, 'A' + i % 10);
    }

    private static SchoolNeedView view(String code, double rawScore) {
        return new SchoolNeedView(code, "School " + code, Sector.PO, "ROTTERDAM", 51.92, 4.48, 300,
                new SchoolNeed(code, "AM22", rawScore, List.of(), Map.of()), 1, 1);
    }
}
