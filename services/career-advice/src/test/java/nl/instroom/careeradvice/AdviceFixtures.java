package nl.instroom.careeradvice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.TestTokens;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What career-advice's tests do over the real API: advisers publish slots, people ask for a conversation. */
public final class AdviceFixtures {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

    private final int port;

    public AdviceFixtures(int port) {
        this.port = port;
    }

    public RestClient advisor() {
        return ApiClient.as(TestTokens.instance().advisor(), port);
    }

    public RestClient advisor(String subject) {
        return ApiClient.as(TestTokens.instance().token(subject, java.util.List.of("ADVISOR"), null, null), port);
    }

    public RestClient admin() {
        return ApiClient.as(TestTokens.instance().admin(), port);
    }

    public RestClient anyone() {
        return ApiClient.as(null, port);
    }

    public static ResponseEntity<String> post(RestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    public static JsonNode json(ResponseEntity<String> answer, int status) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        return JSON.readTree(answer.getBody());
    }

    /** A free slot of the adviser, each one at its own future time so slots of one adviser never overlap. */
    public String slot(RestClient advisor) {
        return slot(advisor, Instant.now());
    }

    /** A free slot two days and some hours after {@code now} (the service's clock, when a test moves it). */
    public String slot(RestClient advisor, Instant now) {
        Instant start = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2))
                .plus(Duration.ofHours(NEXT_SLOT.incrementAndGet()));
        return json(post(advisor, "/api/slots", "{\"start\":\"" + start + "\",\"minutes\":30}"), 201).get("id")
                .asString();
    }

    public static String request(String name, String email, String question, String slotId) {
        return """
                {"name":"%s","email":"%s","question":"%s","consent":true,"retentionMonths":12,"slotId":"%s",
                 "sector":"VO","subject":"wiskunde","pc4":"8011"}""".formatted(name, email, question, slotId);
    }

    /** Asks for a conversation in the slot; returns the case id as an admin finds it by the e-mail address. */
    public String ask(String name, String email, String question, String slotId) {
        json(post(anyone(), "/api/advice-requests", request(name, email, question, slotId)), 201);
        return caseOf(email);
    }

    public String caseOf(String email) {
        return json(post(admin(), "/api/cases/lookup", "{\"email\":\"" + email + "\"}"), 200).get("caseId")
                .asString();
    }
}
