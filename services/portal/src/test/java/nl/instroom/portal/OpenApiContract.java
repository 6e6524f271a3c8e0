package nl.instroom.portal;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import nl.instroom.testing.PublishedApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds the portal's fake services to the real ones: every call a fake answers must be an operation of the
 * service's OpenAPI document as the repository keeps it ({@code docs/api/<service>.json}, which each service's
 * {@code OperationalEndpointsIT} keeps equal to what it serves); the JSON the portal sends may carry only fields the
 * operation's request has; a success must have a status the operation documents, and its JSON only fields the
 * documented answer has. So a page cannot pass its tests against a fake that takes a call, a field or a status the
 * real service does not have.
 *
 * <p>Installed as a filter on the fakes' HTTP contexts; what it finds is collected and reported by
 * {@link #assertHonoured()} when the fakes close, so the test class that caused it fails with the list.
 */
final class OpenApiContract extends Filter {

    /**
     * Not an API: the stand-in identity server's OAuth 2.0 / OpenID endpoints, and the icon the browser asks of the
     * sign-in page's origin.
     */
    private static final List<String> PROTOCOL = List.of("/oauth2/", "/.well-known/", "/connect/", "/userinfo",
            "/favicon.ico");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Set<String> VIOLATIONS = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    private final List<String> services;
    private final List<Operation> operations = new ArrayList<>();

    OpenApiContract(List<String> services) {
        this.services = services;
        for (String service : services) {
            JsonNode document = document(service);
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    operations.add(new Operation(service, operation.getKey().toUpperCase(), path.getKey(),
                            template(path.getKey()), operation.getValue(), document));
                }
            }
        }
        // the most literal template first: /api/tutors/export before /api/tutors/{id}
        operations.sort(Comparator.comparingInt(Operation::variables));
    }

    /** Checks every call answered in {@code context} against the documents of {@code services}. */
    static void install(HttpContext context, String... services) {
        context.getFilters().add(new OpenApiContract(List.of(services)));
    }

    /** Fails with every call a fake answered outside its service's published API since the last check. */
    static void assertHonoured() {
        List<String> found;
        synchronized (VIOLATIONS) {
            found = List.copyOf(VIOLATIONS);
            VIOLATIONS.clear();
        }
        if (!found.isEmpty()) {
            throw new AssertionError("The portal's fakes answered outside the services' OpenAPI documents "
                    + "(docs/api): change the fake to answer as the service does, or the service and its document:\n  "
                    + String.join("\n  ", found));
        }
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (PROTOCOL.stream().anyMatch(path::startsWith)) {
            chain.doFilter(exchange);
            return;
        }
        byte[] request = exchange.getRequestBody().readAllBytes();
        Tee tee = new Tee(exchange.getResponseBody());
        exchange.setStreams(new ByteArrayInputStream(request), tee);
        chain.doFilter(exchange);
        check(method, path, request, exchange.getResponseCode(), tee.copy.toByteArray());
    }

    /** Checks one answered call; package-private for {@code OpenApiContractTest}. */
    void check(String method, String path, byte[] request, int status, byte[] response) {
        Optional<Operation> found = operations.stream()
                .filter(operation -> operation.method().equals(method) && operation.template().matcher(path).matches())
                .findFirst();
        if (found.isEmpty()) {
            VIOLATIONS.add(method + " " + path + ": no operation of " + services + " matches");
            return;
        }
        Operation operation = found.get();
        String call = method + " " + path;
        JsonNode sent = json(request);
        if (sent != null) {
            JsonNode content = operation.definition().path("requestBody").path("content");
            content.values().stream().findFirst().ifPresent(media ->
                    fields(operation, call, "the request", sent, operation.resolve(media.path("schema"))));
        }
        if (status < 200 || status > 299) {
            return; // refusals are problem details, which every service answers alike (the chassis' web package)
        }
        List<String> successes = operation.definition().path("responses").propertyNames().stream()
                .filter(code -> code.startsWith("2")).toList();
        String documented;
        if (successes.contains(String.valueOf(status))) {
            documented = String.valueOf(status);
        } else if (successes.equals(List.of("200"))) {
            // springdoc's default where the controller sets the status at run time (ResponseEntity.created(...),
            // accepted(), noContent()): the document cannot know it, so the answer is held to the 200's schema
            documented = "200";
        } else if (successes.isEmpty()) {
            return;
        } else {
            VIOLATIONS.add(call + ": answered " + status + ", " + operation.service() + " documents " + successes
                    + " for " + method + " " + operation.path());
            return;
        }
        JsonNode answer = json(response);
        if (answer == null) {
            return;
        }
        JsonNode content = operation.definition().path("responses").path(documented).path("content");
        Iterator<JsonNode> media = content.values().iterator();
        if (!media.hasNext()) {
            return;
        }
        JsonNode schema = operation.resolve(media.next().path("schema"));
        if (answer.isArray() && schema.path("items").isObject()) {
            JsonNode items = operation.resolve(schema.path("items"));
            for (JsonNode item : answer) {
                fields(operation, call, "the answer", item, items);
            }
        } else {
            fields(operation, call, "the answer", answer, schema);
        }
    }

    /** The body as JSON, or null for none or another format (a CSV, a GeoJSON file, a form). */
    private static JsonNode json(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /**
     * Every field of a JSON object the portal sent or a fake answered must be a property of the documented schema
     * (where it names its properties): the service would ignore a field it does not know, and a page would rely on
     * one the service never sends.
     */
    private void fields(Operation operation, String call, String what, JsonNode body, JsonNode schema) {
        Set<String> properties = operation.properties(schema);
        if (!body.isObject() || properties.isEmpty() || schema.has("additionalProperties")) {
            return;
        }
        for (String field : body.propertyNames()) {
            if (!properties.contains(field)) {
                VIOLATIONS.add(call + ": field '" + field + "' of " + what + " is not in " + operation.service()
                        + "'s " + (what.equals("the request") ? "request" : "answer") + " for " + operation.method()
                        + " " + operation.path() + " " + properties);
            }
        }
    }

    @Override
    public String description() {
        return "checks the fake's answers against the services' OpenAPI documents";
    }

    private static JsonNode document(String service) {
        return DOCUMENTS.computeIfAbsent(service, name -> {
            try {
                return JSON.readTree(Files.readString(PublishedApi.document(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** One operation of a document: method and path template, with the document to resolve references in. */
    private record Operation(String service, String method, String path, Pattern template, JsonNode definition,
                             JsonNode document) {

        int variables() {
            return (int) path.chars().filter(c -> c == '{').count();
        }

        JsonNode resolve(JsonNode schema) {
            JsonNode resolved = schema;
            for (int depth = 0; depth < 10 && resolved.has("$ref"); depth++) {
                String name = resolved.get("$ref").asString().substring("#/components/schemas/".length());
                resolved = document.path("components").path("schemas").path(name);
            }
            return resolved;
        }

        /** The schema's properties, with those of every part of an {@code allOf}. */
        Set<String> properties(JsonNode schema) {
            Set<String> names = new LinkedHashSet<>();
            resolve(schema).path("properties").propertyNames().forEach(names::add);
            for (JsonNode part : resolve(schema).path("allOf")) {
                names.addAll(properties(part));
            }
            return names;
        }
    }

    /** The answer as it goes out, and a copy of it. */
    private static final class Tee extends FilterOutputStream {

        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Tee(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            copy.write(b, off, len);
        }
    }
}
