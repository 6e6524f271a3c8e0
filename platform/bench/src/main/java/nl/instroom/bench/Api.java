package nl.instroom.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * need-mapping's API as the benchmark calls it: with the integration client's token (renewed well before it
 * expires), and the vacancy requests the load is made of.
 */
final class Api {

    static final String NEED_MAPPING = "http://127.0.0.1:8081";
    static final String ISSUER = "http://127.0.0.1:9000";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] SUBJECTS = {"wiskunde", "natuurkunde", "duits", "frans", "nederlands", "engels",
            "scheikunde", "informatica", "groepsleerkracht", "biologie"};
    private static final String[] URGENCIES = {"LOW", "NORMAL", "HIGH", "CRITICAL"};

    final HttpClient http;
    private final String secret;
    private volatile String token;
    private volatile long tokenAt;

    Api(Path data) throws IOException {
        this.secret = Files.readAllLines(data.resolve("identity/demo-credentials.txt")).stream()
                .filter(line -> line.startsWith("instroom-integration"))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1)).findFirst().orElseThrow();
        // HTTP/1.1 with a pool of connections, like most callers; the executor only runs completions.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4, task -> {
                    Thread thread = new Thread(task, "bench-http");
                    thread.setDaemon(true);
                    return thread;
                })).build();
    }

    /** A client-credentials token, fetched again every minute so a long run never meets an expired one. */
    String token() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() - tokenAt > 60_000_000_000L) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            ("instroom-integration:" + secret).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("No token from the identity server (" + response.statusCode() + ")");
            }
            token = JSON.readTree(response.body()).get("access_token").asString();
            tokenAt = System.nanoTime();
        }
        return token;
    }

    /** The n-th vacancy of a run: schools, subjects, sizes and urgencies spread evenly. */
    HttpRequest openVacancy(List<String> schools, long n) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of(
                "schoolCode", schools.get((int) (n % schools.size())),
                "subject", SUBJECTS[(int) (n % SUBJECTS.length)],
                "fte", n % 10 == 9 ? "1.0" : "0." + (1 + n % 9),
                "hoursPerWeek", 4 + (int) (n % 36),
                "startDate", LocalDate.now().plusMonths(1 + n % 6).withDayOfMonth(1).toString(),
                "urgency", URGENCIES[(int) (n % URGENCIES.length)]));
        return HttpRequest.newBuilder(URI.create(NEED_MAPPING + "/api/vacancies"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token())
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The n-th … (n+count-1)-th vacancies of a run as one CSV import, as coordinators upload a spreadsheet. */
    HttpRequest importVacancies(List<String> schools, long first, int count) throws IOException,
            InterruptedException {
        StringBuilder csv = new StringBuilder("schoolCode,subject,fte,hoursPerWeek,startDate,urgency\n");
        for (long n = first; n < first + count; n++) {
            csv.append(schools.get((int) (n % schools.size()))).append(',').append(SUBJECTS[(int) (n % SUBJECTS.length)])
                    .append(',').append(n % 10 == 9 ? "1.0" : "0." + (1 + n % 9)).append(',').append(4 + (int) (n % 36))
                    .append(',').append(LocalDate.now().plusMonths(1 + n % 6).withDayOfMonth(1)).append(',')
                    .append(URGENCIES[(int) (n % URGENCIES.length)]).append('\n');
        }
        return HttpRequest.newBuilder(URI.create(NEED_MAPPING + "/api/vacancies/import"))
                .header("Content-Type", "text/csv").header("Authorization", "Bearer " + token())
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build();
    }

    /** The ids of the vacancies an import opened, in the order of its rows (all rows are valid here). */
    static List<String> openedIds(String body) {
        return JSON.readTree(body).get("opened").valueStream().map(node -> node.asString()).toList();
    }

    HttpRequest ranking() throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(NEED_MAPPING + "/api/need/ranking?region=AM36&limit=50"))
                .header("Authorization", "Bearer " + token()).timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** The vacancy id in a 201 answer, without parsing the whole body on the load generator's hot path. */
    static String idOf(String body) {
        int at = body.indexOf("\"id\":\"");
        if (at < 0) {
            return null;
        }
        int start = at + 6;
        return body.substring(start, body.indexOf('"', start));
    }
}
