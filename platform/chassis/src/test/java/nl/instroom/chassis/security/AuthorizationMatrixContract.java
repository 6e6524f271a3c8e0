package nl.instroom.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The authorization matrix of a service, generated from its real handler mappings: every endpoint has a rule
 * (a new endpoint without one fails the build), and every endpoint answers every role as its rule says, through
 * the real security filter with real signed tokens.
 *
 * <p>An endpoint open to anyone ({@link EndpointRule#anyone}) answers without a token, and every role alike; bad
 * input on it is fuzzed without a token.
 *
 * <p>And the scope behind the rules, generated the same way: the service's test seeds data of another region and
 * school than the test tokens hold ({@link #anotherScope()}, in the service's own words), and every endpoint is
 * asked by every region- or school-scoped role its rule allows — plainly, naming the other region or school in the
 * query, and with the other scope's ids in the path and body. No answer may contain what was seeded (unless the
 * request itself named it), no write may change it, and nothing answers 5xx. A token of such a role without its
 * scope is refused on every endpoint.
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

    /**
     * Data a service's test seeded outside the test tokens' scope (theirs: region {@link TestTokens#REGION}, school
     * {@code 21CM00}).
     *
     * @param region the other region's code
     * @param school the other school's vestigingscode
     * @param markers what must never reach a caller of another scope: ids, codes and names of the seeded data
     * @param pathValues concrete values for path variables: by path pattern (the whole path), or by variable as
     *     {@code {id}}; any other variable is the other school's code
     * @param bodies request bodies by "METHOD pattern", aimed at the seeded data; {@code {}} as JSON otherwise
     * @param state the seeded data as its own scope reads it, to tell that a write changed nothing
     */
    public record AnotherScope(String region, String school, Set<String> markers, Map<String, String> pathValues,
            Map<String, Body> bodies, Supplier<String> state) {
    }

    /** A request body and its media type. */
    public record Body(MediaType type, String content) {

        public static Body json(String content) {
            return new Body(MediaType.APPLICATION_JSON, content);
        }
    }

    /** Seeds the other scope's data (once per test class) through the service's own API or ports. */
    protected abstract AnotherScope anotherScope();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    List<AccessRules> accessRules;

    @LocalServerPort
    protected int port;

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
            if (rule != null && rule.anonymous()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " without a token → allowed (open to anyone)",
                        () -> assertThat(call(endpoint, null)).isNotIn(401, 403).isLessThan(500)));
            } else {
                tests.add(DynamicTest.dynamicTest(endpoint + " without a token → 401",
                        () -> assertThat(call(endpoint, null)).isEqualTo(401)));
            }
            for (Role role : Role.values()) {
                boolean allowed = rule != null && rule.admits(role);
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + role + (allowed ? " → allowed" : " → 403"),
                        () -> {
                            int status = call(endpoint, TestTokens.instance().forRole(role.name()));
                            if (allowed) {
                                assertThat(status).isNotIn(401, 403).isLessThan(500);
                            } else {
                                assertThat(status).isEqualTo(403);
                            }
                        }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aTokenWithoutTheScopeItsRoleNeedsIsRefusedEverywhere() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                if (role.reach() == Role.Reach.COUNTRY) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + role + " without a " + role.scopeClaim()
                        + " → 401", () -> {
                            ResponseEntity<String> answer = exchange(endpoint.method(), path(endpoint, null),
                                    TestTokens.instance().forRoleWithoutScope(role.name()), null);
                            assertThat(answer.getStatusCode().value()).isEqualTo(401);
                            assertThat(answer.getHeaders().getContentType()).isNotNull()
                                    .hasToString("application/problem+json");
                        }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> noRoleSeesOrChangesAnotherRegionsOrSchoolsData() {
        AnotherScope other = anotherScope();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            EndpointRule rule = rule(endpoint).orElse(null);
            if (rule == null) {
                continue;
            }
            for (Role role : rule.roles()) {
                if (role.reach() == Role.Reach.COUNTRY) {
                    continue;
                }
                for (String path : variants(endpoint, other)) {
                    tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + path + " as " + role + " of "
                            + (role.reach() == Role.Reach.SCHOOL ? "school 21CM00" : TestTokens.REGION)
                            + " → nothing of " + other.region() + "/" + other.school(),
                            () -> asksOutsideItsScope(endpoint, path, role, other)));
                }
            }
        }
        return tests.stream();
    }

    /** Path values a caller may send in place of a real id or code; none of them may break the service. */
    private static final List<String> BAD_PATH_VALUES = List.of("x".repeat(300), "%F0%9F%98%80", "-1", "null",
            "%20", "a%3Cscript%3E");

    /** Bodies a caller may send in place of a real one: broken, of the wrong shape or type, too large in parts. */
    private static final List<Body> BAD_BODIES = List.of(Body.json("{"), Body.json("[]"), Body.json("null"),
            Body.json("\"text\""), Body.json("{\"a\":{\"b\":{\"c\":[1,2,{}]}}}"),
            Body.json("{\"schoolCode\":12,\"fte\":\"many\",\"startDate\":\"tomorrow\",\"hoursPerWeek\":-5}"),
            Body.json("{\"name\":\"" + "x".repeat(5_000) + "\",\"subject\":\"" + "y".repeat(5_000) + "\"}"),
            new Body(MediaType.TEXT_PLAIN, "not json"), new Body(MediaType.APPLICATION_XML, "<a/>"));

    /**
     * Bad input on every endpoint, by a role its rule allows: a refusal (4xx) as problem+json, never a 5xx — the
     * no-5xx fuzz. Path variables take values no real id has; writes take broken or ill-typed bodies.
     */
    @TestFactory
    Stream<DynamicTest> badInputIsRefusedWithAProblemAndNeverBreaksTheService() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Optional<EndpointRule> rule = rule(endpoint);
            boolean anonymous = rule.map(EndpointRule::anonymous).orElse(false);
            Optional<String> role = anonymous ? Optional.of("anyone")
                    : rule.flatMap(found -> found.roles().stream().findFirst()).map(Role::name);
            if (role.isEmpty()) {
                continue;
            }
            // An endpoint open to anyone is fuzzed as anyone: without a token.
            String token = anonymous ? null : TestTokens.instance().forRole(role.get());
            List<String> paths = new ArrayList<>();
            if (endpoint.pattern().contains("{")) {
                BAD_PATH_VALUES.forEach(value -> paths.add(endpoint.pattern().replaceAll("\\{[^}]+}", value)));
            } else if (!writes(endpoint)) {
                paths.add(endpoint.pattern() + "?region=%3Cscript%3E&schoolCode=" + "x".repeat(300) + "&limit=-1&offset=x");
            }
            for (String path : paths) {
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + path.substring(0,
                        Math.min(path.length(), 120)) + " as " + role.get(), () -> refusedCleanly(
                                exchange(endpoint.method(), path, token, null))));
            }
            if (writes(endpoint)) {
                String path = endpoint.pattern().replaceAll("\\{[^}]+}", "21CM00");
                for (Body body : BAD_BODIES) {
                    tests.add(DynamicTest.dynamicTest(endpoint + " with " + body.type() + " " + body.content()
                            .substring(0, Math.min(body.content().length(), 40)) + " as " + role.get(),
                            () -> refusedCleanly(exchange(endpoint.method(), path, token, body))));
                }
            }
        }
        return tests.stream();
    }

    private static void refusedCleanly(ResponseEntity<String> answer) {
        int status = answer.getStatusCode().value();
        assertThat(status).as(answer.getBody()).isLessThan(500);
        if (status >= 400 && status != 404 && status != 405) {
            assertThat(answer.getHeaders().getContentType()).as(answer.getBody()).isNotNull()
                    .hasToString("application/problem+json");
        }
    }

    private void asksOutsideItsScope(Endpoint endpoint, String path, Role role, AnotherScope other) {
        Body body = writes(endpoint) ? other.bodies().getOrDefault(endpoint.toString(), Body.json("{}")) : null;
        String before = writes(endpoint) ? other.state().get() : null;

        ResponseEntity<String> answer = exchange(endpoint.method(), path, TestTokens.instance().forRole(role.name()),
                body);

        String asked = path + (body == null ? "" : body.content());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isLessThan(500);
        String text = answer.getBody() == null ? "" : answer.getBody();
        for (String marker : other.markers()) {
            if (!asked.contains(marker)) {
                assertThat(text).as("the answer names %s of the other scope", marker).doesNotContain(marker);
            }
        }
        if (writes(endpoint)) {
            assertThat(other.state().get()).as("the other scope's data after the write").isEqualTo(before);
        }
    }

    /** The path as the other scope's data would be asked for; for reads also naming its region and school. */
    private List<String> variants(Endpoint endpoint, AnotherScope other) {
        String path = path(endpoint, other);
        if (endpoint.method() != HttpMethod.GET) {
            return List.of(path);
        }
        return List.of(path, path + "?region=" + other.region(), path + "?schoolCode=" + other.school());
    }

    private static boolean writes(Endpoint endpoint) {
        return endpoint.method() != HttpMethod.GET && endpoint.method() != HttpMethod.HEAD;
    }

    private static String path(Endpoint endpoint, AnotherScope other) {
        if (other == null) {
            return endpoint.pattern().replaceAll("\\{[^}]+}", "21CM00");
        }
        String whole = other.pathValues().get(endpoint.pattern());
        if (whole != null) {
            return whole;
        }
        Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(endpoint.pattern());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(path, Matcher.quoteReplacement(
                    other.pathValues().getOrDefault("{" + variable.group(1) + "}", other.school())));
        }
        variable.appendTail(path);
        return path.toString();
    }

    private ResponseEntity<String> exchange(HttpMethod method, String path, String token, Body body) {
        RestClient.RequestBodySpec request = http.method(method).uri(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            Body sent = body == null ? Body.json("{}") : body;
            request.contentType(sent.type()).body(sent.content());
        }
        return request.retrieve().toEntity(String.class);
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
