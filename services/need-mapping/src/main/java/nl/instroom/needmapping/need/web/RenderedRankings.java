package nl.instroom.needmapping.need.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Pages of the ranking as last sent, by the region's aggregation they were made from. A page kept in rank order is
 * the same for every caller until the region is aggregated again (a moment after its needs change), and the
 * national benchmark's profile showed most of such a request's time in rendering its 50 schools with their
 * components as JSON: so it is rendered once per aggregation and sent again as it was. A new aggregation makes a new
 * key; the oldest keys fall out. Bounded: {@link #ENTRIES} pages of at most {@link #MAX_SCHOOLS} schools (a few MB).
 */
@Component
class RenderedRankings {

    static final int ENTRIES = 64;
    static final int MAX_SCHOOLS = 100;

    /** A page: the region, the aggregation it was made from (or a later one), and what was asked. */
    record Key(String region, long aggregation, boolean withNeed, int offset, int limit) {
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
