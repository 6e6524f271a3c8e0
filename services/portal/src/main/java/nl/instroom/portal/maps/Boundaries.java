package nl.instroom.portal.maps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * CBS's boundaries (2025, generalised; origin and licence in {@code regions/README.md}) as GeoJSON for the
 * interactive maps: all 35 labour-market regions, or one region's outline with its municipalities. The files are
 * read once; a region's collection is put together the first time it is asked for and kept, because nothing
 * changes them while the portal runs, and a map asks for its region on every page view.
 */
@Component
class Boundaries {

    static final String REGIONS = "regions/arbeidsmarktregio-2025.geo.json";
    static final String MUNICIPALITIES = "regions/gemeente-2025.geo.json";
    static final String MEMBERSHIP = "regions/gemeente-arbeidsmarktregio-2026.csv";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] allRegions;
    private final Map<String, JsonNode> regions = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> municipalitiesByRegion = new LinkedHashMap<>();
    private final Map<String, byte[]> perRegion = new ConcurrentHashMap<>();

    Boundaries() {
        allRegions = read(REGIONS);
        for (JsonNode feature : JSON.readTree(allRegions).get("features")) {
            regions.put(code(feature), feature);
        }
        Map<String, String> regionOf = membership();
        for (JsonNode feature : JSON.readTree(read(MUNICIPALITIES)).get("features")) {
            String region = regionOf.get(code(feature));
            // a municipality the table does not place (a merger newer than the table) is left off every region map
            if (region != null) {
                municipalitiesByRegion.computeIfAbsent(region, r -> new ArrayList<>()).add(feature);
            }
        }
    }

    /** The 35 regions, as CBS's file has them. */
    byte[] regions() {
        return allRegions;
    }

    /**
     * One region's outline (property {@code kind} "region") followed by its municipalities ("municipality"); empty
     * for a code that is no region.
     */
    Optional<byte[]> region(String code) {
        if (!regions.containsKey(code)) {
            return Optional.empty();
        }
        return Optional.of(perRegion.computeIfAbsent(code, this::collection));
    }

    private byte[] collection(String code) {
        ObjectNode collection = JSON.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        features.add(withKind(regions.get(code), "region"));
        municipalitiesByRegion.getOrDefault(code, List.of()).forEach(m -> features.add(withKind(m, "municipality")));
        return JSON.writeValueAsBytes(collection);
    }

    private static JsonNode withKind(JsonNode feature, String kind) {
        ObjectNode copy = (ObjectNode) feature.deepCopy();
        ((ObjectNode) copy.get("properties")).put("kind", kind);
        return copy;
    }

    private static String code(JsonNode feature) {
        return feature.get("properties").get("statcode").asString();
    }

    /** Municipality code to region code, from CBS's table ({@code gemeentecode;gemeente;arbeidsmarktregiocode;…}). */
    private static Map<String, String> membership() {
        Map<String, String> regionOf = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new java.io.ByteArrayInputStream(read(MEMBERSHIP)), StandardCharsets.UTF_8))) {
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] columns = line.split(";");
                if (columns.length >= 3) {
                    regionOf.put(columns[0].strip(), columns[2].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return regionOf;
    }

    private static byte[] read(String resource) {
        try (InputStream in = Boundaries.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the portal");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
