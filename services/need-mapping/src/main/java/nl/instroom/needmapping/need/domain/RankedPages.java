package nl.instroom.needmapping.need.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A region's ranking kept in rank order, cut into pages of {@link #PAGE_SIZE} schools: what the read model stores so
 * that a page of the ranking is read as one or two stored pages, instead of the store ordering all of the region's
 * views for every request (the national benchmark's region, 642 schools, was read at about 100 requests a second that
 * way). Made by the recalculation each time it aggregates the region, from the same views as the aggregate, so a page
 * and the scale its indexes are measured against always come from one moment.
 *
 * <p>Schools without need (score 0) come last in rank order, so the schools with need are a prefix of the ranking:
 * the ranking that leaves the others out is the same pages, cut off after {@link #withNeed()} schools.
 */
public final class RankedPages {

    /** Schools per stored page: the ranking's default page size, so the first page is one stored page. */
    public static final int PAGE_SIZE = 50;

    /** Highest score first, then by school code: the ranking's order, on every store. */
    public static final Comparator<SchoolNeedView> RANK_ORDER = Comparator
            .comparingDouble(SchoolNeedView::rawScore).reversed().thenComparing(SchoolNeedView::schoolCode);

    private final List<List<SchoolNeedView>> pages;
    private final int size;
    private final int withNeed;

    private RankedPages(List<List<SchoolNeedView>> pages, int size, int withNeed) {
        this.pages = pages;
        this.size = size;
        this.withNeed = withNeed;
    }

    /** The region's views in rank order, cut into pages. */
    public static RankedPages of(Collection<SchoolNeedView> views) {
        List<SchoolNeedView> ordered = new ArrayList<>(views);
        ordered.sort(RANK_ORDER);
        List<List<SchoolNeedView>> pages = new ArrayList<>();
        for (int from = 0; from < ordered.size(); from += PAGE_SIZE) {
            pages.add(List.copyOf(ordered.subList(from, Math.min(from + PAGE_SIZE, ordered.size()))));
        }
        int withNeed = (int) ordered.stream().filter(view -> view.rawScore() > 0).count();
        return new RankedPages(List.copyOf(pages), ordered.size(), withNeed);
    }

    /** The pages, first rank first; every page but the last holds {@link #PAGE_SIZE} schools. */
    public List<List<SchoolNeedView>> pages() {
        return pages;
    }

    /** How many schools the ranking holds. */
    public int size() {
        return size;
    }

    /** How many of them have need (score above 0): the first ones. */
    public int withNeed() {
        return withNeed;
    }

    /**
     * The ranks a request asks for, within a ranking of {@code size} schools of which {@code withNeed} have need.
     *
     * @param withNeedOnly whether schools without need are left out
     * @param offset ranks to skip (0 for the first page)
     * @param limit schools at most
     */
    public static Span span(int size, int withNeed, boolean withNeedOnly, int offset, int limit) {
        int end = withNeedOnly ? withNeed : size;
        int from = Math.min(offset, end);
        int to = (int) Math.min((long) offset + limit, end);
        return new Span(from, Math.max(from, to));
    }

    /** Ranks {@code from} (inclusive) to {@code to} (exclusive), counted from 0. */
    public record Span(int from, int to) {

        public boolean isEmpty() {
            return from >= to;
        }

        /** The first stored page holding ranks of the span (only when not empty). */
        public int firstPage() {
            return from / PAGE_SIZE;
        }

        /** The last stored page holding ranks of the span (only when not empty). */
        public int lastPage() {
            return (to - 1) / PAGE_SIZE;
        }

        /**
         * The span's schools out of the stored pages it covers (the schools as stored: views, or what a store keeps
         * of them).
         *
         * @param pages the stored pages by their number; must hold every page from {@link #firstPage()} to
         *     {@link #lastPage()}
         */
        public <T> List<T> of(Map<Integer, List<T>> pages) {
            List<T> schools = new ArrayList<>(to - from);
            if (isEmpty()) {
                return schools;
            }
            for (int page = firstPage(); page <= lastPage(); page++) {
                List<T> stored = pages.get(page);
                int first = page * PAGE_SIZE;
                int skip = Math.max(0, from - first);
                int take = Math.min(stored.size(), to - first);
                if (skip < take) {
                    schools.addAll(stored.subList(skip, take));
                }
            }
            return schools;
        }
    }
}
