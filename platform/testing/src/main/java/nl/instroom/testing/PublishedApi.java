package nl.instroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document as it is kept in the repository ({@code docs/api/<service>.json}): what other teams
 * and the portal's test fakes are held to. A service's test compares what it serves with the kept copy, so the copy
 * cannot drift from the code; the portal's fakes are checked against the copies (its {@code OpenApiContract}).
 *
 * <p>After a deliberate change of an API, run the service's {@code OperationalEndpointsIT} with
 * {@code -Dinstroom.openapi.update=true}: it rewrites the copy, and the diff shows in review what changed.
 */
public final class PublishedApi {

    /** Property that rewrites the kept copy instead of comparing with it. */
    public static final String UPDATE = "instroom.openapi.update";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PublishedApi() {
    }

    /** Where the repository keeps {@code service}'s document. */
    public static Path document(String service) {
        return repositoryRoot().resolve("docs").resolve("api").resolve(service + ".json");
    }

    /**
     * Fails unless the served document equals the kept one (object members in any order), or rewrites the kept
     * one when {@value #UPDATE} is set. The {@code servers} member is left out: it names the test's random port.
     */
    public static void assertServedMatchesKept(String service, String served) {
        JsonNode actual = withoutServers(JSON.readTree(served));
        Path kept = document(service);
        try {
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(kept.getParent());
                Files.writeString(kept, canonical(actual) + "\n");
                return;
            }
            assertThat(kept).as("the kept OpenAPI document of " + service + " (create it by running this test with -D"
                    + UPDATE + "=true)").isRegularFile();
            JsonNode expected = JSON.readTree(Files.readString(kept));
            if (!expected.equals(actual)) {
                assertThat(canonical(actual)).as(service + " serves another API than " + repositoryRoot().relativize(kept)
                        + " describes; if the change is meant, run this test with -D" + UPDATE
                        + "=true and commit the document").isEqualTo(canonical(expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document in one stable form: members sorted, indented, so that a change reads as a small diff. */
    static String canonical(JsonNode document) {
        return JSON.writeValueAsString(JSON.treeToValue(document, Map.class));
    }

    private static JsonNode withoutServers(JsonNode document) {
        if (document instanceof ObjectNode object) {
            object.remove("servers");
        }
        return document;
    }

    /** The repository's root: the nearest folder above the working directory that holds the Maven wrapper. */
    public static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("mvnw")) && Files.isDirectory(folder.resolve("docs"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no repository root (a folder with mvnw and docs) above "
                + Path.of("").toAbsolutePath());
    }
}
