package nl.instroom.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix of a service, generated from its real handler mappings: every endpoint has a rule
 * (a new endpoint without one fails the build), and every endpoint answers every role as its rule says, through
 * the real security filter with real signed tokens. A service's test extends this and adds nothing.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AuthorizationMatrixContract {

    /** One mapped endpoint: a method and a path pattern as the controller declares them. */
    record Endpoint(HttpMethod method, String pattern) {

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    List<AccessRules> accessRules;

    @LocalServerPort
    int port;

    private RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void everyEndpointHasAnAccessRule() {
        List<Endpoint> withoutRule = endpoints().stream().filter(endpoint -> rule(endpoint).isEmpty()).toList();

        assertThat(withoutRule).as("endpoints without an access rule (add one to the service's AccessRules)")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsWhatItsRuleSaysOnEveryEndpoint() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            EndpointRule rule = rule(endpoint).orElse(null);
            tests.add(DynamicTest.dynamicTest(endpoint + " without a token → 401",
                    () -> assertThat(call(endpoint, null)).isEqualTo(401)));
            for (Role role : Role.values()) {
                boolean allowed = rule != null && rule.roles().contains(role);
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + role + (allowed ? " → allowed" : " → 403"),
                        () -> {
                            int status = call(endpoint, TestTokens.instance().forRole(role.name()));
                            if (allowed) {
                                assertThat(status).isNotIn(401, 403);
                            } else {
                                assertThat(status).isEqualTo(403);
                            }
                        }));
            }
        }
        return tests.stream();
    }

    @Test
    void tokensThatAreNotOursAreRefused() {
        Endpoint protectedEndpoint = new Endpoint(HttpMethod.GET, "/actuator/prometheus");
        TestTokens tokens = TestTokens.instance();

        assertThat(call(protectedEndpoint, tokens.admin())).as("a valid admin token").isEqualTo(200);
        assertThat(call(protectedEndpoint, null)).as("no token").isEqualTo(401);
        assertThat(call(protectedEndpoint, tokens.fromAnotherIssuer())).as("another issuer").isEqualTo(401);
        assertThat(call(protectedEndpoint, tokens.expired())).as("expired").isEqualTo(401);
        assertThat(call(protectedEndpoint, tokens.forAnotherAudience())).as("wrong audience").isEqualTo(401);
        assertThat(call(protectedEndpoint, tokens.signedByAStranger())).as("unknown signing key").isEqualTo(401);
        assertThat(call(protectedEndpoint, "not-a-jwt")).as("garbage").isEqualTo(401);
    }

    @Test
    void healthAndApiDescriptionsArePublic() {
        assertThat(call(new Endpoint(HttpMethod.GET, "/actuator/health"), null)).isEqualTo(200);
        assertThat(call(new Endpoint(HttpMethod.GET, "/v3/api-docs"), null)).isEqualTo(200);
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("nl.instroom")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), pattern));
                }
            }
        });
        return endpoints;
    }

    private Optional<EndpointRule> rule(Endpoint endpoint) {
        return accessRules.stream().flatMap(rules -> rules.rules().stream())
                .filter(rule -> rule.method().equals(endpoint.method()) && rule.pattern().equals(endpoint.pattern()))
                .findFirst();
    }

    private int call(Endpoint endpoint, String token) {
        String path = endpoint.pattern().replaceAll("\\{[^}]+}", "21CM00");
        RestClient.RequestBodySpec request = http.method(endpoint.method()).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT
                || endpoint.method() == HttpMethod.PATCH) {
            request.contentType(MediaType.APPLICATION_JSON).body("{}");
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }
}
