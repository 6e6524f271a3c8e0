package nl.instroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * What operations and other teams rely on in every service: health with liveness and readiness groups, Prometheus
 * metrics tagged with the service, the OpenAPI description — equal to the copy the repository keeps
 * ({@link PublishedApi}). A service's test extends this and adds nothing.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OperationalEndpointsContract {

    private RestClient http;
    private String service;

    @BeforeEach
    void client(org.springframework.context.ApplicationContext context) {
        Environment environment = context.getEnvironment();
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port"))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
        service = environment.getProperty("spring.application.name");
    }

    @Test
    void healthLivenessAndReadinessAreUp() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            var response = http.get().uri(path).retrieve().toEntity(String.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(response.getBody()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void prometheusMetricsAreTaggedWithTheService() {
        String metrics = http.get().uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + TestTokens.instance().admin()).retrieve().body(String.class);

        assertThat(metrics).contains("jvm_memory_used_bytes").contains("service=\"" + service + "\"");
        assertThat(metrics).as("the outbox relay's circuit breaker is visible")
                .contains("resilience4j_circuitbreaker_state{").contains("name=\"outbox-relay\"");
    }

    @Test
    void openApiDescriptionIsServed() {
        var response = http.get().uri("/v3/api-docs").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("\"openapi\"");
        PublishedApi.assertServedMatchesKept(service, response.getBody());
    }
}
