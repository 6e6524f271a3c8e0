package nl.instroom.needmapping.need.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.instroom.needmapping.need.application.NeedQueries.RankingVersion;
import org.springframework.stereotype.Component;

/**
 * Pages of the ranking as last sent, by the region's aggregation they were made from. A page kept in rank order is
 * the same for every caller until the region is aggregated again (a moment after its needs change), and the
 * national benchmark's profile showed most of such a request's time in rendering its 50 schools with their
 * components as JSON: so it is rendered once per aggregation and sent again as it was. A new aggregation makes a new
 * key; the oldest keys fall out. Bounded: {@link #ENTRIES} pages of at most {@link #MAX_SCHOOLS} schools (a few MB).
 *
 * <p>A page is looked up by the aggregation the region was known to be at ({@code NeedQueries.rankingVersion}, at
 * most the ranking's staleness bound old) and kept under the aggregation it was actually made from, which may be a
 * later one: so what is sent for an aggregation is always that aggregation's page.
 */
@Component
class RenderedRankings {

    static final int ENTRIES = 64;
    static final int MAX_SCHOOLS = 100;

    /** A page: the region, the aggregation it was made from, and what was asked. */
    record Key(String region, long aggregation, boolean withNeed, int offset, int limit) {
    }

    /** A page rendered as JSON, and the aggregation it was made from when it may be sent again (else empty). */
    record Rendered(byte[] json, Optional<RankingVersion> madeFrom) {
    }

    /**
     * The page as rendered before for the aggregation {@code known}, or else as {@code render} makes it now, kept
     * under the aggregation it was made from. Pages of more than {@link #MAX_SCHOOLS} schools are not kept.
     */
    byte[] page(Optional<RankingVersion> known, boolean withNeed, int offset, int limit, Supplier<Rendered> render) {
        if (limit > MAX_SCHOOLS) {
            return render.get().json();
        }
        byte[] sent = known.map(version -> get(new Key(version.region(), version.aggregation(), withNeed, offset,
                limit))).orElse(null);
        if (sent != null) {
            return sent;
        }
        Rendered rendered = render.get();
        rendered.madeFrom().ifPresent(version -> put(new Key(version.region(), version.aggregation(), withNeed,
                offset, limit), rendered.json()));
        return rendered.json();
    }

    private final Map<Key, byte[]> rendered = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > ENTRIES;
        }
    };

    synchronized byte[] get(Key key) {
        return rendered.get(key);
    }

    synchronized void put(Key key, byte[] json) {
        rendered.put(key, json);
    }
}
