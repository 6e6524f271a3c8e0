package nl.instroom.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data for a first start, per demo region: its real school locations (DUO open data, shipped per region) are
 * imported through need-mapping's API, which places each in its region by the municipality's CBS code; then the
 * region's demo coordinator signs in and opens vacancies at its largest schools, like a coordinator would. The
 * subjects follow each region's known shortages: mathematics, German and physics in Regio Zwolle's secondary
 * schools; primary teachers above all in Flevoland, where Almere's primary shortage is among the largest of the
 * country. Seeded once per region; a marker file per region remembers it.
 *
 * <p>With {@code -Dinstroom.demo.schools=national} ({@code ./mvnw -Pstack verify -Dinstroom.demo.schools=national})
 * the whole national school file (8,622 locations, every region) is imported instead of the two regions' files; the
 * vacancies stay in the demo regions. It is not the default: on the embedded store the first start then takes minutes
 * until every school's events are through (docs/regions.md).
 */
final class DemoData {

    /**
     * A demo region: its CBS code, the word its demo users are named by, the shipped file of its schools, and the
     * shortages its vacancies follow (subject, FTE, hours, urgency), secondary schools first, then primary.
     */
    record DemoRegion(String code, String name, String schoolFile, List<String[]> secondaryNeeds,
            List<String[]> primaryNeeds) {

        String coordinator() {
            return "coordinator." + name;
        }

        Path marker(Path data) {
            return data.resolve("demo-data-seeded-" + code);
        }
    }

    static final List<DemoRegion> REGIONS = List.of(
            new DemoRegion("AM36", "zwolle", "/demo/regio-zwolle-schools.geo.json",
                    List.of(new String[] {"wiskunde", "1.0", "40", "HIGH"},
                            new String[] {"duits", "0.8", "32", "NORMAL"},
                            new String[] {"natuurkunde", "0.6", "24", "CRITICAL"},
                            new String[] {"wiskunde", "1.0", "40", "HIGH"}),
                    List.of(new String[] {"groepsleerkracht", "1.0", "40", "HIGH"},
                            new String[] {"groepsleerkracht", "1.0", "40", "HIGH"},
                            new String[] {"groepsleerkracht", "1.0", "40", "HIGH"})),
            new DemoRegion("AM11", "flevoland", "/demo/flevoland-schools.geo.json",
                    List.of(new String[] {"wiskunde", "1.0", "40", "CRITICAL"},
                            new String[] {"natuurkunde", "0.8", "32", "HIGH"}),
                    List.of(new String[] {"groepsleerkracht", "1.0", "40", "CRITICAL"},
                            new String[] {"groepsleerkracht", "1.0", "40", "CRITICAL"},
                            new String[] {"groepsleerkracht", "0.8", "32", "HIGH"},
                            new String[] {"groepsleerkracht", "1.0", "40", "HIGH"},
                            new String[] {"intern begeleider", "0.6", "24", "NORMAL"})));

    static final String NATIONAL_FILE = "/demo/scholen-nl-2024-11-22.geo.json.zip";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Comparator<JsonNode> BY_PUPILS = Comparator.comparingInt(
            school -> school.path("leerlingen").asInt(0));

    private DemoData() {
    }

    /** The school whose demo HR account is made: the largest secondary school of the first demo region. */
    static String schoolForDemoHr() throws IOException {
        return secondarySchools(schools(REGIONS.get(0))).get(0).get("vestigingscode").asString();
    }

    /**
     * Seeds every demo region not seeded yet. A data folder from before regions were CBS codes has Regio Zwolle's
     * marker under its old name: that region counts as seeded (need-mapping moves its schools to AM36 at start).
     */
    static void seedOnce(Path data, String needMapping, String issuer, DemoIdentities identities,
            String portalRedirectUri) throws IOException, InterruptedException {
        Path legacyMarker = data.resolve("demo-data-seeded");
        if (Files.exists(legacyMarker) && !Files.exists(REGIONS.get(0).marker(data))) {
            Files.move(legacyMarker, REGIONS.get(0).marker(data));
        }
        List<DemoRegion> toSeed = REGIONS.stream().filter(region -> !Files.exists(region.marker(data))).toList();
        if (toSeed.isEmpty()) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        // An import touches only schools of the regions its caller holds, and the integration client holds one:
        // the demo's schools of every region are imported by an admin.
        String admin = new DemoSignIn(issuer, portalRedirectUri).accessToken(DemoIdentities.ADMIN,
                identities.password(DemoIdentities.ADMIN), identities.secondFactorSecret(DemoIdentities.ADMIN));
        if ("national".equals(System.getProperty("instroom.demo.schools"))) {
            importSchools(http, needMapping, admin, national(), "the national school file");
        } else {
            for (DemoRegion region : toSeed) {
                importSchools(http, needMapping, admin, resource(region.schoolFile()),
                        "the school locations of " + region.code());
            }
        }
        for (DemoRegion region : toSeed) {
            String coordinator = DemoSignIn.tokenOf(issuer, portalRedirectUri, identities, region.coordinator());
            List<String> opened = new ArrayList<>();
            for (String[] vacancy : vacancies(region)) {
                opened.add(open(http, needMapping, coordinator, vacancy));
            }
            Files.write(region.marker(data), opened);
            System.out.println("  demo data: " + region.coordinator() + " opened " + opened.size()
                    + " vacancies at schools of " + region.code());
        }
    }

    private static void importSchools(HttpClient http, String needMapping, String token, byte[] file, String what)
            throws IOException, InterruptedException {
        Instant start = Instant.now();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(needMapping
                        + "/api/schools/import")).header("Content-Type", "application/geo+json")
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("Demo schools refused (" + imported.statusCode() + "): "
                    + imported.body());
        }
        System.out.println("  demo data: imported " + what + " in " + Duration.between(start, Instant.now())
                .toMillis() + " ms: " + imported.body().replaceAll(",\"rejected\":\\[\\]", ""));
    }

    /** Opens one vacancy ({@code schoolCode, subject, fte, hours, urgency}) as the coordinator; returns its id. */
    private static String open(HttpClient http, String needMapping, String token, String[] vacancy)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("schoolCode", vacancy[0], "subject", vacancy[1],
                "fte", vacancy[2], "hoursPerWeek", Integer.parseInt(vacancy[3]),
                "startDate", LocalDate.now().plusMonths(2).withDayOfMonth(1).toString(), "urgency", vacancy[4]));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(needMapping + "/api/vacancies"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Demo vacancy refused (" + response.statusCode() + "): "
                    + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    /** The region's needs at its largest secondary schools, then at its largest primary schools. */
    private static List<String[]> vacancies(DemoRegion region) throws IOException {
        List<JsonNode> schools = schools(region);
        List<JsonNode> secondary = secondarySchools(schools);
        List<JsonNode> primary = schools.stream()
                .filter(school -> "basisschool".equalsIgnoreCase(school.path("type").asString("")))
                .sorted(BY_PUPILS.reversed()).toList();
        List<String[]> vacancies = new ArrayList<>();
        for (int i = 0; i < region.secondaryNeeds().size(); i++) {
            vacancies.add(vacancy(secondary.get(i), region.secondaryNeeds().get(i)));
        }
        for (int i = 0; i < region.primaryNeeds().size(); i++) {
            vacancies.add(vacancy(primary.get(i), region.primaryNeeds().get(i)));
        }
        return vacancies;
    }

    private static String[] vacancy(JsonNode school, String[] need) {
        return new String[] {school.get("vestigingscode").asString(), need[0], need[1], need[2], need[3]};
    }

    /** The region's school locations as shipped (DUO's properties of each). */
    static List<JsonNode> schools(DemoRegion region) throws IOException {
        List<JsonNode> schools = new ArrayList<>();
        JSON.readTree(resource(region.schoolFile())).get("features")
                .forEach(feature -> schools.add(feature.get("properties")));
        return schools;
    }

    /** The secondary schools among these, largest first. */
    static List<JsonNode> secondarySchools(List<JsonNode> schools) {
        return schools.stream()
                .filter(school -> school.path("type").asString("").matches(".*(VWO|HAVO|MAVO).*"))
                .sorted(BY_PUPILS.reversed()).toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DemoData.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
    }

    private static byte[] national() throws IOException {
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(resource(NATIONAL_FILE)))) {
            in.getNextEntry();
            return in.readAllBytes();
        }
    }
}
