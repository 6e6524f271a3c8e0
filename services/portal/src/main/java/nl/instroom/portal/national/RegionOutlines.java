package nl.instroom.portal.national;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import nl.instroom.portal.charts.NationalMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outlines of the 35 labour-market regions, read once from the portal's simplified copy of CBS's region
 * boundaries ({@code regions/arbeidsmarktregio-2025.geo.json}; its origin and licence in the README next to it).
 */
final class RegionOutlines {

    static final String RESOURCE = "regions/arbeidsmarktregio-2025.geo.json";

    private RegionOutlines() {
    }

    static List<NationalMap.Outline> load() {
        try (InputStream in = RegionOutlines.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the portal");
            }
            List<NationalMap.Outline> outlines = new ArrayList<>();
            for (JsonNode feature : JsonMapper.builder().build().readTree(in).get("features")) {
                JsonNode geometry = feature.get("geometry");
                List<List<double[]>> rings = new ArrayList<>();
                JsonNode polygons = "Polygon".equals(geometry.get("type").asString())
                        ? JsonMapper.builder().build().createArrayNode().add(geometry.get("coordinates"))
                        : geometry.get("coordinates");
                for (JsonNode polygon : polygons) {
                    for (JsonNode ring : polygon) {
                        List<double[]> points = new ArrayList<>();
                        ring.forEach(point -> points.add(new double[] {point.get(0).asDouble(),
                                point.get(1).asDouble()}));
                        rings.add(points);
                    }
                }
                outlines.add(new NationalMap.Outline(feature.get("properties").get("statcode").asString(),
                        feature.get("properties").get("statnaam").asString(), rings));
            }
            return List.copyOf(outlines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
