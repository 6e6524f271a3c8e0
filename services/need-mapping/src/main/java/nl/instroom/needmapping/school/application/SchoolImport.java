package nl.instroom.needmapping.school.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.region.application.Regions;
import nl.instroom.needmapping.region.domain.MunicipalityRegions;
import nl.instroom.needmapping.school.domain.DuoSchoolData;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import nl.instroom.needmapping.school.domain.Schools;
import nl.instroom.chassis.web.TooLargeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports DUO's school locations from GeoJSON (the format of DUO's open data as converted by edugis, the shipped
 * files' format). An upsert by vestigingscode: new schools are registered, changed ones updated, the same facts
 * leave a school untouched, so a second import changes nothing. A code occurring twice in a file (geocoding
 * ambiguity) is taken once, from its first occurrence. Every row that cannot be taken is reported with its position
 * in the file and the reason.
 *
 * <p>The file is read as it arrives, one feature at a time (never as one tree in memory). A file with more features
 * than {@code instroom.need.school-import.max-features}, or with a property longer than any real DUO export has
 * ({@link #LIMITS}; any other text property at most {@link #MAX_OTHER} characters), is refused as a whole (413) before
 * anything is stored; a file that is not GeoJSON is refused (400), likewise.
 *
 * <p>Each school's region comes from the region register, joined on its municipality's CBS code: the feature's
 * optional {@code gemeentecode} property ({@code GM0193} or DUO's number {@code 0193}), or else the municipality of
 * its postcode area. DUO's {@code gemeente} name is kept for display, never joined on.
 */
@Service
public class SchoolImport {

    /** One rejected feature: its position in the file (1-based), its code if readable, why it was rejected. */
    public record RejectedRow(int feature, String vestigingscode, String reason) {
    }

    /**
     * What an import did. {@code locatedByPostcode}: schools whose municipality came from their postcode area, the
     * file giving no {@code gemeentecode}.
     */
    public record ImportResult(int registered, int updated, int unchanged, int duplicatesInFile,
            int locatedByPostcode, List<RejectedRow> rejected) {
    }

    /** The longest value DUO's export has per property, with room to spare; a longer one is not a school. */
    static final Map<String, Integer> LIMITS = Map.of("vestigingscode", 6, "naam", 200, "gemeente", 60,
            "postcode", 7, "type", 40, "gemeentecode", 6);
    /** Any other text property of a feature. */
    static final int MAX_OTHER = 200;
    /** Any text at all, checked by the parser itself while it reads (coordinates, geometry type, keys). */
    private static final int MAX_TEXT = 1_000;

    /** A parser that refuses over-long texts and deep nesting while it reads, before a value is in memory whole. */
    private static final JsonMapper STREAMING = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_TEXT)
                    .maxNameLength(MAX_TEXT).maxNestingDepth(32).build()).build())
            // One feature at a time from the same parser: what follows it is the rest of the file, not an error.
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final Schools schools;
    private final Regions regions;
    private final RegionsChanged regionsChanged;
    private final int maxFeatures;

    SchoolImport(Schools schools, Regions regions, RegionsChanged regionsChanged,
            @Value("${instroom.need.school-import.max-features:30000}") int maxFeatures) {
        this.schools = schools;
        this.regions = regions;
        this.regionsChanged = regionsChanged;
        this.maxFeatures = maxFeatures;
    }

    /**
     * Imports the file as the given caller: a school is touched only where the caller may change schools both of
     * the region it is in and of the region the file places it in (admins: every region), so nobody overwrites
     * another region's schools or moves one into their own. Any other row is rejected, the rest taken.
     */
    public ImportResult importGeoJson(InputStream geoJson, CurrentUser user) throws IOException {
        MunicipalityRegions register = regions.today();
        Map<String, SchoolFacts> byCode = new LinkedHashMap<>();
        Map<String, Integer> positionOf = new HashMap<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Tally tally = new Tally();
        try (JsonParser parser = STREAMING.createParser(geoJson)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notACollection();
            }
            boolean features = false;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (!"features".equals(name)) {
                    parser.skipChildren();
                    continue;
                }
                if (parser.currentToken() != JsonToken.START_ARRAY) {
                    throw notACollection();
                }
                features = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    tally.features++;
                    if (tally.features > maxFeatures) {
                        throw new TooLargeException("An import takes at most " + maxFeatures
                                + " features; split the file. Nothing was imported");
                    }
                    JsonNode feature = STREAMING.readTree(parser);
                    requireLengths(feature.path("properties"), tally.features);
                    take(feature, tally, register, byCode, positionOf, rejected);
                }
            }
            if (!features) {
                throw notACollection();
            }
        } catch (StreamConstraintsException e) {
            throw new TooLargeException("The file holds a text longer than " + MAX_TEXT
                    + " characters or nests too deep; nothing was imported");
        } catch (JacksonException e) {
            throw new InvalidRequest("The file is not valid GeoJSON: " + e.getOriginalMessage());
        }
        Map<String, School> existing = schools.findAll(byCode.keySet());
        Set<String> changedRegions = new TreeSet<>();
        int registered = 0;
        int updated = 0;
        int unchanged = 0;
        for (SchoolFacts facts : byCode.values()) {
            School school = existing.get(facts.vestigingscode());
            if (!user.mayChangeSchool(facts.vestigingscode(), facts.region()) || (school != null
                    && !user.mayChangeSchool(school.code(), school.facts().region()))) {
                rejected.add(new RejectedRow(positionOf.get(facts.vestigingscode()), facts.vestigingscode(),
                        "the school lies outside the regions you may change"));
                continue;
            }
            if (school == null) {
                schools.save(School.register(facts));
                registered++;
            } else {
                String regionBefore = school.facts().region();
                if (!school.update(facts)) {
                    unchanged++;
                    continue;
                }
                schools.save(school);
                updated++;
                changedRegions.add(regionBefore);
            }
            changedRegions.add(facts.region());
        }
        changedRegions.forEach(regionsChanged::regionChanged);
        return new ImportResult(registered, updated, unchanged, tally.duplicates, tally.locatedByPostcode,
                rejected);
    }

    /** What reading the file counted: features read, codes seen before, schools located by their postcode. */
    private static final class Tally {
        private int features;
        private int duplicates;
        private int locatedByPostcode;
    }

    /** One feature: taken (once per code), or reported with its position and why. */
    private void take(JsonNode feature, Tally tally, MunicipalityRegions register, Map<String, SchoolFacts> byCode,
            Map<String, Integer> positionOf, List<RejectedRow> rejected) {
        JsonNode properties = feature.path("properties");
        String code = properties.path("vestigingscode").asString(null);
        try {
            SchoolFacts facts = facts(properties, feature.path("geometry"), register);
            if (byCode.putIfAbsent(facts.vestigingscode(), facts) != null) {
                tally.duplicates++;
                return;
            }
            positionOf.put(facts.vestigingscode(), tally.features);
            if (municipalityCodeOf(properties) == null) {
                tally.locatedByPostcode++;
            }
        } catch (InvalidRequest e) {
            rejected.add(new RejectedRow(tally.features, code, e.getMessage()));
        } catch (IllegalArgumentException | NullPointerException e) {
            // the parser's own message names internals, not the field
            rejected.add(new RejectedRow(tally.features, code, "a field is missing or has the wrong type"));
        }
    }

    /** Every text property within its limit, or the whole file is refused: no real export is like that. */
    private static void requireLengths(JsonNode properties, int position) {
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode value = property.getValue();
            int limit = LIMITS.getOrDefault(property.getKey(), MAX_OTHER);
            if (value.isString() && value.asString().length() > limit) {
                throw new TooLargeException("Feature " + position + ": '" + property.getKey()
                        + "' is longer than " + limit + " characters; nothing was imported");
            }
        }
    }

    private static InvalidRequest notACollection() {
        return new InvalidRequest("The file is not a GeoJSON FeatureCollection (no \"features\" array)");
    }

    private SchoolFacts facts(JsonNode properties, JsonNode geometry, MunicipalityRegions register) {
        String type = properties.path("type").asString(null);
        Sector sector = DuoSchoolData.sectorOf(type)
                .orElseThrow(() -> new InvalidRequest("unknown school type '" + type + "'"));
        JsonNode coordinates = geometry.path("coordinates");
        if (!"Point".equals(geometry.path("type").asString(null)) || coordinates.size() != 2) {
            throw new InvalidRequest("geometry is not a point");
        }
        double latitude = coordinates.get(1).asDouble();
        double longitude = coordinates.get(0).asDouble();
        String postcode = properties.path("postcode").asString(null);
        JsonNode pupils = properties.path("leerlingen");
        Regions.Located located = regions.locate(register, municipalityCodeOf(properties),
                postcode == null ? null : postcode.replace(" ", ""), latitude, longitude);
        return new SchoolFacts(properties.path("vestigingscode").asString(null),
                properties.path("naam").asString(null), sector, properties.path("gemeente").asString(null),
                located.municipalityCode(), postcode, latitude, longitude, pupils.isNumber() ? pupils.asInt() : null,
                located.region());
    }

    /** The feature's {@code gemeentecode}, as text or as DUO's number; null when it has none. */
    private static String municipalityCodeOf(JsonNode properties) {
        JsonNode code = properties.path("gemeentecode");
        if (code.isNumber()) {
            return String.valueOf(code.asInt());
        }
        String text = code.asString(null);
        return text == null || text.isBlank() ? null : text;
    }
}
