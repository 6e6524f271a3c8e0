package nl.instroom.mentoring;

import java.time.LocalDate;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.ShiftableClock;
import nl.instroom.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application as every integration test of this module starts it — one context for them all — with the
 * programme coordinator's calls and a cohort open for sign-ups today in the words of the programme.
 */
@InstroomInfrastructure
@SpringBootTest(classes = {MentoringApplication.class, MentoringTestClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class MentoringIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ShiftableClock clock;

    protected LocalDate today() {
        return LocalDate.now(clock);
    }

    protected RestClient coordinator() {
        return ApiClient.as(TestTokens.instance().programmeCoordinator(), port).mutate()
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    protected ResponseEntity<String> post(String path, String body) {
        return coordinator().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(String.class);
    }

    protected JsonNode get(String path, Object... variables) {
        return JSON.readTree(coordinator().get().uri(path, variables).retrieve().body(String.class));
    }

    protected static JsonNode json(ResponseEntity<String> answer) {
        return JSON.readTree(answer.getBody());
    }

    /** A cross-mentoring programme with a cohort taking sign-ups today, starting in a month, for four months. */
    protected String openCohort(String name) {
        String programme = json(post("/api/programmes", "{\"name\":\"Cross-mentoring schoolleiders\"}"))
                .get("id").asString();
        LocalDate today = today();
        return json(post("/api/programmes/" + programme + "/cohorts", """
                {"name":"%s","signUpOpens":"%s","signUpCloses":"%s","starts":"%s","ends":"%s"}"""
                .formatted(name, today.minusDays(7), today.plusDays(14), today.plusMonths(1),
                        today.plusMonths(5)))).get("id").asString();
    }

    /** A school leader's questionnaire as JSON. */
    protected static String schoolLeader(String name, String email, String region, String schoolBoard,
            String themes, String notWith) {
        return """
                {"side":"SCHOOL_LEADER","name":"%s","email":"%s","sector":"PO","region":"%s","organisation":"%s",
                 "themes":%s,"availability":["MORNING"],"notWith":%s,"consent":true}"""
                .formatted(name, email, region, schoolBoard, themes, notWith);
    }

    /** An executive's questionnaire as JSON. */
    protected static String executive(String name, String email, String region, String company, String themes,
            int capacity, String notWith) {
        return """
                {"side":"EXECUTIVE","name":"%s","email":"%s","sector":"Energie","region":"%s","organisation":"%s",
                 "themes":%s,"capacity":%d,"notWith":%s,"consent":true}"""
                .formatted(name, email, region, company, themes, capacity, notWith);
    }
}
