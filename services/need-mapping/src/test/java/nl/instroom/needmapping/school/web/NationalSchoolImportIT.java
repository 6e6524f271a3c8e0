package nl.instroom.needmapping.school.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipInputStream;
import nl.instroom.events.Topics;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole country: DUO's national school file (8,717 locations, 8,622 distinct codes) imports through the API into
 * the 35 labour-market regions with no school left without one, and each region gets exactly the schools whose
 * municipality CBS puts in it. Importing the file again changes nothing: no event, no revision.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=needmapping-national-import")
@DirtiesContext
class NationalSchoolImportIT {

    /** The project's copy of the file, where the local stack ships it. */
    static final Path NATIONAL = Path.of("../../platform/local-stack/src/main/resources/demo/"
            + "scholen-nl-2024-11-22.geo.json.zip");
    static final Path CBS_TABLE = Path.of("src/main/resources/regions/gemeente-arbeidsmarktregio-2026.csv");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * For checking only: DUO's municipality names that are not CBS's name in upper case. The service never joins on
     * names; the test uses them as an independent witness of each school's municipality.
     */
    private static final Map<String, String> DUO_SPELLING = Map.of("MIDDELBURG", "GM0687", "LAREN", "GM0417",
            "HENGELO", "GM0164", "RIJSWIJK", "GM0603", "STEIN", "GM0971", "NUENEN CA", "GM0820", "BERGEN LB", "GM0893",
            "BEEK", "GM0888");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theNationalFileFillsThe35RegionsAsCbsDividesTheMunicipalitiesAndAgainChangesNothing(
            TestInfrastructure infrastructure) throws IOException {
        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        byte[] file = unzipped(NATIONAL);
        Map<String, String[]> cbs = cbsTable();

        try (TopicProbe schoolsTopic = TopicProbe.on(infrastructure, Topics.SCHOOLS)) {
            JsonNode first = importFile(admin, file);

            assertThat(first.get("registered").asInt()).isEqualTo(8622);
            assertThat(first.get("duplicatesInFile").asInt()).isEqualTo(95);
            assertThat(first.get("rejected")).isEmpty();
            assertThat(first.get("locatedByPostcode").asInt()).as("DUO's file names no municipality codes")
                    .isEqualTo(8622);

            JsonNode regions = admin.get().uri("/api/regions").retrieve().body(JsonNode.class);
            Map<String, Integer> perRegion = new TreeMap<>();
            regions.forEach(region -> perRegion.put(region.get("code").asString(), region.get("schools").asInt()));
            assertThat(perRegion).hasSize(35);
            assertThat(perRegion.values().stream().mapToInt(Integer::intValue).sum()).as("no school unassigned")
                    .isEqualTo(8622);
            assertThat(mongo.count(Query.query(Criteria.where("region").nin(perRegion.keySet())), "schools"))
                    .isZero();

            Map<String, String> municipalityOf = new HashMap<>();
            Map<String, Integer> expected = new TreeMap<>();
            for (JsonNode region : regions) {
                for (JsonNode school : admin.get().uri("/api/schools?region={r}&limit=2000",
                        region.get("code").asString()).retrieve().body(JsonNode.class)) {
                    String code = school.get("municipalityCode").asString();
                    municipalityOf.put(school.get("vestigingscode").asString(), code);
                    expected.merge(cbs.get(code)[1], 1, Integer::sum);
                }
            }
            assertThat(perRegion).as("schools per region = schools joined with CBS's table on municipality code")
                    .isEqualTo(expected);
            assertThat(perRegion).containsEntry("AM36", 393).containsEntry("AM11", 239).containsEntry("AM22", 642);
            assertThat(disagreeingWithDuosMunicipality(file, municipalityOf, cbs))
                    .as("only where a PC4 spans two municipalities and the school is nearer the other's centre: "
                            + "05VG00 in Zevenhuizen (Zuidplas) lies in PC4 2761, nearer its Rotterdam part; both "
                            + "are in Rijnmond")
                    .containsExactly("05VG00");

            Map<String, Long> revisionsBefore = revisions();
            Set<String> pendingBefore = pendingEventIds();

            JsonNode second = importFile(admin, file);

            assertThat(second.get("registered").asInt()).isZero();
            assertThat(second.get("updated").asInt()).isZero();
            assertThat(second.get("unchanged").asInt()).isEqualTo(8622);
            assertThat(pendingEventIds()).as("no event written: what is pending was pending before (the relay "
                    + "is still publishing the first import's)").isSubsetOf(pendingBefore);
            assertThat(revisions()).as("no school changed").isEqualTo(revisionsBefore)
                    .allSatisfy((code, revision) -> assertThat(revision).isEqualTo(1));
            assertThat(schoolsTopic.seen()).as("announced so far: only registrations")
                    .allSatisfy(record -> assertThat(TopicProbe.header(record, "ce_type"))
                            .isEqualTo("nl.instroom.needmap.SchoolRegistered.v1"));
        }
    }

    private Map<String, Long> revisions() {
        Query query = new Query();
        query.fields().include("revision");
        Map<String, Long> revisions = new TreeMap<>();
        mongo.find(query, Document.class, "schools").forEach(d -> revisions.put(d.getString("_id"),
                d.get("revision", Number.class).longValue()));
        return revisions;
    }

    /** The ids of the events still waiting in the schools' outboxes. */
    private Set<String> pendingEventIds() {
        Query query = Query.query(Criteria.where("outbox.0").exists(true));
        query.fields().include("outbox.eventId");
        Set<String> ids = new HashSet<>();
        mongo.find(query, Document.class, "schools").forEach(d -> d.getList("outbox", Document.class)
                .forEach(event -> ids.add(event.getString("eventId"))));
        return ids;
    }

    /** The schools whose municipality code is not the one DUO's municipality name stands for. */
    private static List<String> disagreeingWithDuosMunicipality(byte[] file, Map<String, String> municipalityOf,
            Map<String, String[]> cbs) {
        Map<String, String> byName = new HashMap<>();
        cbs.forEach((code, row) -> byName.put(comparable(row[0]), code));
        Map<String, String> witnessed = new LinkedHashMap<>();
        for (JsonNode feature : JSON.readTree(file).get("features")) {
            JsonNode properties = feature.get("properties");
            String duoName = properties.get("gemeente").asString();
            String code = DUO_SPELLING.getOrDefault(duoName, byName.get(comparable(duoName)));
            assertThat(code).as("DUO's municipality %s", duoName).isNotNull();
            witnessed.putIfAbsent(properties.get("vestigingscode").asString(), code);
        }
        return witnessed.entrySet().stream().filter(e -> !e.getValue().equals(municipalityOf.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private static String comparable(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
    }

    /** CBS's table as the test reads it itself: municipality code → name, region code. */
    private static Map<String, String[]> cbsTable() throws IOException {
        Map<String, String[]> table = new HashMap<>();
        for (String line : Files.readAllLines(CBS_TABLE, StandardCharsets.UTF_8).subList(1, 343)) {
            String[] fields = line.split(";");
            table.put(fields[0], new String[] {fields[1], fields[2]});
        }
        return table;
    }

    private static byte[] unzipped(Path zip) throws IOException {
        try (InputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ((ZipInputStream) in).getNextEntry();
            return in.readAllBytes();
        }
    }

    private static JsonNode importFile(RestClient http, byte[] file) {
        var response = http.post().uri("/api/schools/import").contentType(MediaType.valueOf("application/geo+json"))
                .body(file).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }
}
