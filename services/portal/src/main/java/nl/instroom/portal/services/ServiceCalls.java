package nl.instroom.portal.services;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One way to call any service as the signed-in person. Answers come back as plain maps and lists: the portal shows
 * what the services say and owns no model of their data.
 */
@Component
public class ServiceCalls {

    /** The services by name, as the pages address them. */
    public enum Service {
        NEED_MAPPING("need-mapping"), TUTORING("tutoring"), SCOUTING("scouting"),
        STAY_INTERVIEWS("stay-interviews"), CAREER_ADVICE("career-advice"), MENTORING("mentoring"),
        IDENTITY("identity");

        private final String label;

        Service(String label) {
            this.label = label;
        }
    }

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };

    private final ServiceEndpoints endpoints;
    private final RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    ServiceCalls(ServiceEndpoints endpoints) {
        this.endpoints = endpoints;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(2_000);
        requests.setReadTimeout(20_000);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    public Map<String, Object> get(OAuth2AuthorizedClient client, Service service, String path,
            Map<String, ?> query) {
        return call(service, () -> http.get().uri(uri(service, path, query)).headers(h -> auth(h, client))
                .retrieve().body(OBJECT));
    }

    public List<Map<String, Object>> list(OAuth2AuthorizedClient client, Service service, String path,
            Map<String, ?> query) {
        List<Map<String, Object>> body = call(service, () -> http.get().uri(uri(service, path, query))
                .headers(h -> auth(h, client)).retrieve().body(LIST));
        return body == null ? List.of() : body;
    }

    public Map<String, Object> post(OAuth2AuthorizedClient client, Service service, String path, Object body) {
        return call(service, () -> {
            // Always JSON: a POST without a body would go out as a form post (the HTTP client's default content
            // type), which the services refuse with 415 even where the body is optional.
            return http.post().uri(uri(service, path, Map.of())).headers(h -> auth(h, client))
                    .contentType(MediaType.APPLICATION_JSON).body(body == null ? Map.of() : body)
                    .retrieve().body(OBJECT);
        });
    }

    /** A POST without a body whose answer the page does not show (some answer with a list, not an object). */
    public void send(OAuth2AuthorizedClient client, Service service, String path) {
        call(service, () -> http.post().uri(uri(service, path, Map.of())).headers(h -> auth(h, client))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of()).retrieve().toBodilessEntity());
    }

    public void delete(OAuth2AuthorizedClient client, Service service, String path) {
        call(service, () -> http.delete().uri(uri(service, path, Map.of())).headers(h -> auth(h, client))
                .retrieve().toBodilessEntity());
    }

    public Map<String, Object> put(OAuth2AuthorizedClient client, Service service, String path, Object body) {
        return call(service, () -> http.put().uri(uri(service, path, Map.of())).headers(h -> auth(h, client))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT));
    }

    private URI uri(Service service, String path, Map<String, ?> query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(base(service)).path(path);
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value);
            }
        });
        return uri.encode().build().toUri();
    }

    private String base(Service service) {
        switch (service) {
            case NEED_MAPPING:
                return endpoints.needMappingUrl();
            case TUTORING:
                return endpoints.tutoringUrl();
            case SCOUTING:
                return endpoints.scoutingUrl();
            case STAY_INTERVIEWS:
                return endpoints.stayInterviewsUrl();
            case CAREER_ADVICE:
                return endpoints.careerAdviceUrl();
            case MENTORING:
                return endpoints.mentoringUrl();
            default:
                return endpoints.identityUrl();
        }
    }

    /** With the person's token; without any for the public pages (a null client), which call only public APIs. */
    private static void auth(HttpHeaders headers, OAuth2AuthorizedClient client) {
        if (client != null) {
            headers.setBearerAuth(client.getAccessToken().getTokenValue());
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    }

    private <T> T call(Service service, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (RestClientResponseException e) {
            throw problem(service, e);
        } catch (ResourceAccessException e) {
            throw new ServiceProblem(service.label, 0, service.label + " unreachable", null, Map.of());
        }
    }

    /** Reads the service's problem details; a body that is not one still gives a status to explain. */
    ServiceProblem problem(Service service, RestClientResponseException e) {
        String title = e.getStatusText();
        String detail = null;
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(e.getResponseBodyAsString());
            if (problem != null && problem.isObject()) {
                title = problem.path("title").asString(title);
                detail = problem.path("detail").isMissingNode() || problem.path("detail").isNull() ? null
                        : problem.path("detail").asString();
                JsonNode errors = problem.path("errors");
                if (errors.isObject()) {
                    errors.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue().asString()));
                } else if (errors.isArray()) {
                    for (JsonNode error : errors) {
                        String field = error.path("field").asString(error.path("name").asString(""));
                        fields.put(field, error.path("message").asString(error.path("reason").asString("")));
                    }
                }
            }
        } catch (RuntimeException notAProblemDocument) {
            // keep the status line
        }
        return new ServiceProblem(service.label, e.getStatusCode().value(), title, detail, fields);
    }
}
