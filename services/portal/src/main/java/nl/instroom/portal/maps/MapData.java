package nl.instroom.portal.maps;

import tools.jackson.databind.json.JsonMapper;

/**
 * A page's figures for its map script, written into the page as {@code <script type="application/json">}: the
 * script then needs no second call to the services, and shows exactly what the page's own SVG and list show.
 */
public final class MapData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MapData() {
    }

    /**
     * The value as JSON that is safe inside a script element: every {@code <} is written as its JSON escape, so a
     * school's name can never close the element (or open a comment) however it is spelled.
     */
    public static String island(Object value) {
        return JSON.writeValueAsString(value).replace("<", "\\u003c");
    }
}
