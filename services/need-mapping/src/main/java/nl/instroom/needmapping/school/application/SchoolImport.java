package nl.instroom.needmapping.school.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.need.application.NeedRecalculation;
import nl.instroom.needmapping.school.domain.DuoSchoolData;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import nl.instroom.needmapping.school.domain.Schools;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports DUO's school locations from GeoJSON (the format of the shipped Regio Zwolle file). An upsert by
 * vestigingscode: new schools are registered, changed ones updated, the same facts leave a school untouched, so a
 * second import changes nothing. A code occurring twice in a file (geocoding ambiguity) is taken once, from its first
 * occurrence. Every row that cannot be taken is reported with its position in the file and the reason.
 */
@Service
public class SchoolImport {

    /** One rejected feature: its position in the file (1-based), its code if readable, why it was rejected. */
    public record RejectedRow(int feature, String vestigingscode, String reason) {
    }

    /** What an import did. */
    public record ImportResult(int registered, int updated, int unchanged, int duplicatesInFile,
            List<RejectedRow> rejected) {
    }

    private final Schools schools;
    private final JsonMapper json;
    private final NeedRecalculation needRecalculation;

    SchoolImport(Schools schools, JsonMapper json, NeedRecalculation needRecalculation) {
        this.schools = schools;
        this.json = json;
        this.needRecalculation = needRecalculation;
    }

    public ImportResult importGeoJson(InputStream geoJson) throws IOException {
        JsonNode features;
        try {
            features = json.readTree(geoJson).path("features");
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The file is not valid GeoJSON: " + e.getOriginalMessage());
        }
        if (!features.isArray()) {
            throw new IllegalArgumentException("The file is not a GeoJSON FeatureCollection (no \"features\" array)");
        }
        Map<String, SchoolFacts> byCode = new LinkedHashMap<>();
        List<RejectedRow> rejected = new ArrayList<>();
        int duplicates = 0;
        int position = 0;
        for (JsonNode feature : features) {
            position++;
            JsonNode properties = feature.path("properties");
            String code = properties.path("vestigingscode").asString(null);
            try {
                SchoolFacts facts = facts(properties, feature.path("geometry"));
                if (byCode.putIfAbsent(facts.vestigingscode(), facts) != null) {
                    duplicates++;
                }
            } catch (IllegalArgumentException | NullPointerException e) {
                rejected.add(new RejectedRow(position, code, e.getMessage()));
            }
        }
        int registered = 0;
        int updated = 0;
        int unchanged = 0;
        for (SchoolFacts facts : byCode.values()) {
            Optional<School> existing = schools.find(facts.vestigingscode());
            if (existing.isEmpty()) {
                schools.save(School.register(facts));
                registered++;
            } else if (existing.get().update(facts)) {
                schools.save(existing.get());
                updated++;
            } else {
                unchanged++;
                continue;
            }
            needRecalculation.regionChanged(facts.region());
        }
        return new ImportResult(registered, updated, unchanged, duplicates, rejected);
    }

    private static SchoolFacts facts(JsonNode properties, JsonNode geometry) {
        String type = properties.path("type").asString(null);
        Sector sector = DuoSchoolData.sectorOf(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown school type '" + type + "'"));
        JsonNode coordinates = geometry.path("coordinates");
        if (!"Point".equals(geometry.path("type").asString(null)) || coordinates.size() != 2) {
            throw new IllegalArgumentException("geometry is not a point");
        }
        String municipality = properties.path("gemeente").asString(null);
        JsonNode pupils = properties.path("leerlingen");
        return new SchoolFacts(properties.path("vestigingscode").asString(null),
                properties.path("naam").asString(null), sector, municipality,
                properties.path("postcode").asString(null), coordinates.get(1).asDouble(),
                coordinates.get(0).asDouble(), pupils.isNumber() ? pupils.asInt() : null,
                DuoSchoolData.regionOf(municipality));
    }
}
