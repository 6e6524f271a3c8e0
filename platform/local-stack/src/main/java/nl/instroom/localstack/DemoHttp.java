package nl.instroom.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One demo person's calls to one service's API, with their access token: JSON in and out, and the status each call
 * must answer, so a refusal stops the seed with the service's own words rather than leaving half a demo. A 429 (the
 * services' per-caller write limit, 50 a second) is waited out as its {@code Retry-After} says, as any client would.
 */
final class DemoHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TOO_MANY_REQUESTS = 429;
    private static final int RETRIES = 20;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    DemoHttp(String base, String token) {
        this.base = base;
        this.token = token;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, "application/json", 200);
    }

    JsonNode post(String path, Object body, int expected) throws IOException, InterruptedException {
        return send("POST", path, body == null ? null : JSON.writeValueAsString(body), "application/json", expected);
    }

    JsonNode put(String path, Object body, int expected) throws IOException, InterruptedException {
        return send("PUT", path, JSON.writeValueAsString(body), "application/json", expected);
    }

    JsonNode postCsv(String path, String csv) throws IOException, InterruptedException {
        return send("POST", path, csv, "text/csv", 200);
    }

    /**
     * Asks {@code path} again until the answer satisfies {@code ready}: what another service learns by events arrives
     * a moment later (tutoring and scouting hear of the schools from need-mapping).
     */
    JsonNode await(String path, Predicate<JsonNode> ready, Duration timeout, String what)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode answer = get(path);
            if (ready.test(answer)) {
                return answer;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Demo data: " + what + " did not happen within " + timeout.toSeconds()
                        + " s");
            }
            Thread.sleep(200);
        }
    }

    private JsonNode send(String method, String path, String body, String contentType, int expected)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == TOO_MANY_REQUESTS && attempt < RETRIES) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.max(100, Math.min(seconds, 2) * 1000));
                continue;
            }
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Demo data refused (" + method + " " + base + path + ": "
                        + response.statusCode() + "): " + response.body());
            }
            return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        }
    }
}
