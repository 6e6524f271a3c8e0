package nl.instroom.portal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract between the portal's fakes and the services' published APIs finds what it is for — so that a clean
 * portal run means the fakes answer as the services do. Held against tutoring's kept document.
 */
class OpenApiContractTest {

    private static final byte[] NOTHING = new byte[0];

    private final OpenApiContract tutoring = new OpenApiContract(List.of("tutoring"));

    @BeforeEach
    void nothingFoundYet() {
        try {
            OpenApiContract.assertHonoured();
        } catch (AssertionError earlier) {
            // left by another test of this class; each test starts from an empty list
        }
    }

    @Test
    void aCallAsTheServiceDocumentsItPasses() {
        tutoring.check("GET", "/api/tutors/tutor-1", NOTHING, 200,
                json("{\"id\":\"tutor-1\",\"name\":\"Sanne de Vries\",\"pc4\":\"8011\",\"mayBePlaced\":true}"));
        tutoring.check("GET", "/api/tutors", NOTHING, 200, json("[{\"id\":\"tutor-1\"},{\"id\":\"tutor-2\"}]"));
        // registering answers 201, which springdoc cannot see (ResponseEntity.created): held to the 200's schema
        tutoring.check("POST", "/api/tutors", json("{\"name\":\"Sanne de Vries\",\"pc4\":\"8011\"}"), 201,
                json("{\"id\":\"tutor-3\",\"name\":\"Sanne de Vries\"}"));
        // a refusal is a problem detail, whatever the operation's answer looks like
        tutoring.check("GET", "/api/tutors/nobody", NOTHING, 404, json("{\"title\":\"Not found\",\"status\":404}"));

        assertThatCode(OpenApiContract::assertHonoured).doesNotThrowAnyException();
    }

    @Test
    void aCallTheServiceDoesNotHaveFails() {
        tutoring.check("GET", "/api/tutors/tutor-1/history", NOTHING, 200, json("[]"));
        tutoring.check("PATCH", "/api/tutors/tutor-1", NOTHING, 200, json("{}"));

        assertThatThrownBy(OpenApiContract::assertHonoured)
                .hasMessageContaining("GET /api/tutors/tutor-1/history: no operation of [tutoring] matches")
                .hasMessageContaining("PATCH /api/tutors/tutor-1: no operation of [tutoring] matches");
    }

    @Test
    void aFieldTheServiceNeverSendsOrWouldIgnoreFails() {
        tutoring.check("GET", "/api/tutors/tutor-1", NOTHING, 200, json("{\"id\":\"tutor-1\",\"nickname\":\"San\"}"));
        tutoring.check("GET", "/api/tutors", NOTHING, 200, json("[{\"id\":\"tutor-1\",\"rating\":5}]"));
        tutoring.check("POST", "/api/tutors", json("{\"name\":\"Sanne de Vries\",\"email\":\"s@example.org\"}"), 201,
                json("{\"id\":\"tutor-3\"}"));

        assertThatThrownBy(OpenApiContract::assertHonoured)
                .hasMessageContaining("GET /api/tutors/tutor-1: field 'nickname' of the answer is not in tutoring's answer")
                .hasMessageContaining("GET /api/tutors: field 'rating' of the answer")
                .hasMessageContaining("POST /api/tutors: field 'email' of the request is not in tutoring's request");
    }

    @Test
    void whatWasFoundIsReportedOnce() {
        tutoring.check("DELETE", "/api/tutors", NOTHING, 204, NOTHING);

        assertThatThrownBy(OpenApiContract::assertHonoured).hasMessageContaining("DELETE /api/tutors");
        assertThatCode(OpenApiContract::assertHonoured).as("the next test class starts clean")
                .doesNotThrowAnyException();
    }

    private static byte[] json(String text) {
        return text.getBytes(UTF_8);
    }
}
