package nl.instroom.testing;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** An HTTP client for a service under test that sends a bearer token and leaves error statuses to the test. */
public final class ApiClient {

    private ApiClient() {
    }

    public static RestClient as(String token, int port) {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { });
        if (token != null) {
            builder.defaultHeader("Authorization", "Bearer " + token);
        }
        return builder.build();
    }
}
