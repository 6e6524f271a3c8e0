package nl.instroom.chassis;

import static org.assertj.core.api.Assertions.assertThat;

import nl.instroom.chassis.testapp.ChassisTestApplication;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/** Beyond its write limit a caller gets 429 with Retry-After and nothing is stored; other callers are not held up. */
@InstroomInfrastructure
@SpringBootTest(classes = ChassisTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"instroom.writes-per-caller=3", "instroom.write-period=30s",
                "spring.cloud.stream.bindings.vacancyEvents-in-0.group=chassis-rate-limit",
                "spring.mongodb.database=chassis-rate-limit"})
@DirtiesContext
class WriteRateLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theFourthWriteWithinThePeriodIsRefused() {
        String busy = TestTokens.instance().token("busy-coordinator", java.util.List.of("COORDINATOR"),
                TestTokens.REGION, null);
        for (int i = 0; i < 3; i++) {
            assertThat(write(busy).getStatusCode().value()).isEqualTo(200);
        }

        ResponseEntity<String> refused = write(busy);

        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(mongo.getCollection("vacancies").countDocuments()).isEqualTo(3);
        assertThat(write(TestTokens.instance().coordinator()).getStatusCode().value())
                .as("another caller").isEqualTo(200);
    }

    private ResponseEntity<String> write(String token) {
        return ApiClient.as(token, port).post().uri("/test/schools/21CM00/vacancies").retrieve().toEntity(String.class);
    }
}
