package nl.instroom.needmapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.RestartableStore;
import nl.instroom.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * need-mapping's store stops under the running service: reads and writes answer 503 problem documents with a
 * correlation id and nothing of the driver's text (no address, no exception), and it serves again once the store is
 * back.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=needmapping-store-fault")
@DirtiesContext
class StoreFaultIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static RestartableStore store;

    @DynamicPropertySource
    static void ownStore(DynamicPropertyRegistry registry) {
        store = RestartableStore.start();
        registry.add("spring.mongodb.uri", store::uri);
    }

    @AfterAll
    static void stopStore() {
        store.close();
    }

    @LocalServerPort
    int port;

    @Test
    void aStoppedStoreIsA503WithoutInternalTextAndTheServiceRecovers() {
        RestClient coordinator = ApiClient.as(TestTokens.instance().coordinator(), port);
        SchoolFixtures.registered(coordinator, SchoolFixtures.aSecondarySchoolInZwolle("21CM00"));
        assertThat(coordinator.get().uri("/api/schools/21CM00").retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(200);

        store.stop();
        try {
            assertUnavailable(coordinator.get().uri("/api/schools/21CM00").retrieve().toEntity(String.class));
            assertUnavailable(coordinator.post().uri("/api/vacancies").contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"schoolCode":"21CM00","subject":"wiskunde","fte":0.8,"hoursPerWeek":32,
                             "startDate":"2027-01-01","urgency":"HIGH"}""").retrieve().toEntity(String.class));
        } finally {
            store.startAgain();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(coordinator.get()
                .uri("/api/schools/21CM00").retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200));
    }

    private static void assertUnavailable(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isIn(500, 503);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.get("correlationId").asString()).isNotBlank();
        assertThat(answer.getBody()).doesNotContain("127.0.0.1").doesNotContain("ongo")
                .doesNotContain("Exception").doesNotContain("Timed out").doesNotContain("needmapping-store-fault");
    }
}
