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
import nl.instroom.needmapping.need.application.NeedRecalculation;
import nl.instroom.needmapping.region.application.Regions;
import nl.instroom.needmapping.region.domain.MunicipalityRegions;
import nl.instroom.needmapping.school.domain.DuoSchoolData;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.SchoolFacts;
import nl.instroom.needmapping.school.domain.Schools;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports DUO's school locations from GeoJSON (the format of DUO's open data as converted by edugis, the shipped
 * files' format). An upsert by vestigingscode: new schools are registered, changed ones updated, the same facts
 * leave a school untouched, so a second import changes nothing. A code occurring twice in a file (geocoding
 * ambiguity) is taken once, from its first occurrence. Every row that cannot be taken is reported with its position
 * in the file and the reason.
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

    private final Schools schools;
    private final Regions regions;
    private final JsonMapper json;
    private final NeedRecalculation needRecalculation;

    SchoolImport(Schools schools, Regions regions, JsonMapper json, NeedRecalculation needRecalculation) {
        this.schools = schools;
        this.regions = regions;
        this.json = json;
        this.needRecalculation = needRecalculation;
    }

    /**
     * Imports the file as the given caller: a school is touched only where the caller may change schools both of
     * the region it is in and of the region the file places it in (admins: every region), so nobody overwrites
     * another region's schools or moves one into their own. Any other row is rejected, the rest taken.
     */
    public ImportResult importGeoJson(InputStream geoJson, CurrentUser user) throws IOException {
        JsonNode features;
        try {
            features = json.readTree(geoJson).path("features");
        } catch (JacksonException e) {
            throw new InvalidRequest("The file is not valid GeoJSON: " + e.getOriginalMessage());
        }
        if (!features.isArray()) {
            throw new InvalidRequest("The file is not a GeoJSON FeatureCollection (no \"features\" array)");
        }
        MunicipalityRegions register = regions.today();
        Map<String, SchoolFacts> byCode = new LinkedHashMap<>();
        Map<String, Integer> positionOf = new HashMap<>();
        List<RejectedRow> rejected = new ArrayList<>();
        int duplicates = 0;
        int locatedByPostcode = 0;
        int position = 0;
        for (JsonNode feature : features) {
            position++;
            JsonNode properties = feature.path("properties");
            String code = properties.path("vestigingscode").asString(null);
            try {
                SchoolFacts facts = facts(properties, feature.path("geometry"), register);
                if (byCode.putIfAbsent(facts.vestigingscode(), facts) != null) {
                    duplicates++;
                    continue;
                }
                positionOf.put(facts.vestigingscode(), position);
                if (municipalityCodeOf(properties) == null) {
                    locatedByPostcode++;
                }
            } catch (InvalidRequest e) {
                rejected.add(new RejectedRow(position, code, e.getMessage()));
            } catch (IllegalArgumentException | NullPointerException e) {
                // the parser's own message names internals, not the field
                rejected.add(new RejectedRow(position, code, "a field is missing or has the wrong type"));
            }
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
        changedRegions.forEach(needRecalculation::regionChanged);
        return new ImportResult(registered, updated, unchanged, duplicates, locatedByPostcode, rejected);
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
