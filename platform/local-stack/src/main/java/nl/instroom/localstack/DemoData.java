package nl.instroom.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data for a first start: vacancies at the largest real secondary and primary schools of Regio Zwolle
 * (from the shipped DUO school file), opened through need-mapping's API like a coordinator would. The subjects
 * follow the region's known shortages. Seeded once; the marker file remembers it.
 */
final class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record DemoVacancy(String schoolCode, String subject, String fte, int hours, String urgency) {
    }

    private DemoData() {
    }

    /** A client-credentials token of the integration client, for seeding through the real, protected API. */
    static String integrationToken(String issuer, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("instroom-integration:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The identity server gave no token (" + response.statusCode() + ")");
        }
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    /** The school whose demo HR account is made: the largest secondary school of the region. */
    static String schoolForDemoHr() throws IOException {
        return secondarySchools().get(0).get("vestigingscode").asString();
    }

    static void seedOnce(Path data, String needMapping, String token) throws IOException, InterruptedException {
        Path marker = data.resolve("demo-data-seeded");
        if (Files.exists(marker)) {
            return;
        }
        HttpClient http = HttpClient.newHttpClient();
        byte[] schools;
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/regio-zwolle-schools.geo.json")) {
            schools = in.readAllBytes();
        }
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(needMapping
                        + "/api/schools/import")).header("Content-Type", "application/geo+json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(schools)).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("Demo schools refused (" + imported.statusCode() + "): "
                    + imported.body());
        }
        System.out.println("  demo data: imported the Regio Zwolle school locations: " + imported.body()
                .replaceAll(",\"rejected\":\\[\\]", ""));
        List<String> opened = new ArrayList<>();
        for (DemoVacancy vacancy : vacancies()) {
            String body = JSON.writeValueAsString(java.util.Map.of("schoolCode", vacancy.schoolCode(),
                    "subject", vacancy.subject(), "fte", vacancy.fte(), "hoursPerWeek", vacancy.hours(),
                    "startDate", LocalDate.now().plusMonths(2).withDayOfMonth(1).toString(),
                    "urgency", vacancy.urgency()));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(needMapping + "/api/vacancies"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("Demo vacancy refused (" + response.statusCode() + "): "
                        + response.body());
            }
            opened.add(JSON.readTree(response.body()).get("id").asString());
        }
        Files.write(marker, opened);
        System.out.println("  demo data: opened " + opened.size() + " vacancies at Regio Zwolle schools");
    }

    private static List<JsonNode> schools() throws IOException {
        List<JsonNode> schools = new ArrayList<>();
        try (InputStream in = DemoData.class.getResourceAsStream("/demo/regio-zwolle-schools.geo.json")) {
            JSON.readTree(in).get("features").forEach(feature -> schools.add(feature.get("properties")));
        }
        return schools;
    }

    private static final Comparator<JsonNode> BY_PUPILS = Comparator.comparingInt(
            school -> school.path("leerlingen").asInt(0));

    private static List<JsonNode> secondarySchools() throws IOException {
        return schools().stream()
                .filter(school -> school.path("type").asString("").matches(".*(VWO|HAVO|MAVO).*"))
                .sorted(BY_PUPILS.reversed()).toList();
    }

    private static List<DemoVacancy> vacancies() throws IOException {
        List<JsonNode> schools = schools();
        Comparator<JsonNode> byPupils = BY_PUPILS;
        List<JsonNode> secondary = secondarySchools().stream().limit(4).toList();
        List<JsonNode> primary = schools.stream()
                .filter(school -> "basisschool".equalsIgnoreCase(school.path("type").asString("")))
                .sorted(byPupils.reversed()).limit(3).toList();
        List<DemoVacancy> vacancies = new ArrayList<>();
        String[][] secondaryNeeds = {{"wiskunde", "1.0", "40", "HIGH"}, {"duits", "0.8", "32", "NORMAL"},
                {"natuurkunde", "0.6", "24", "CRITICAL"}};
        for (int i = 0; i < secondary.size(); i++) {
            String[] need = secondaryNeeds[i % secondaryNeeds.length];
            vacancies.add(new DemoVacancy(secondary.get(i).get("vestigingscode").asString(), need[0], need[1],
                    Integer.parseInt(need[2]), need[3]));
        }
        for (JsonNode school : primary) {
            vacancies.add(new DemoVacancy(school.get("vestigingscode").asString(), "groepsleerkracht", "1.0", 40,
                    "HIGH"));
        }
        return vacancies;
    }
}
