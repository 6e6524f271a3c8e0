package nl.instroom.stayinterviews;

import static java.util.Map.entry;
import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.post;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.security.AuthorizationMatrixContract;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.TestTokens;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The matrix and the scope of stay interviews. Outside the test tokens' school: a mathematics teacher of a school in
 * Almere, registered by that school's HR, with a stay interview that holds everything an interview may say.
 */
class AuthorizationMatrixIT extends AuthorizationMatrixContract {

    static final String ALMERE_SCHOOL = "51FL00";
    static final String TEACHER = "FL-T-88";
    static final String NOTE = "Overweegt een baan in Lelystad, dichter bij huis";
    static final String WISH = "Een vaste lesruimte in het Haven-gebouw";

    @Override
    protected AnotherScope anotherScope() {
        RestClient almereHr = ApiClient.as(TestTokens.instance().schoolHr(ALMERE_SCHOOL), port);
        register(almereHr, ALMERE_SCHOOL, TEACHER, "0.8");
        ResponseEntity<String> held = post(almereHr, "/api/schools/" + ALMERE_SCHOOL + "/staff/" + TEACHER
                + "/interviews", anInterview("UNSURE", 3, 4, "[{\"ambition\":\"MENTOR\",\"scoutMayKnow\":false}]")
                .replace(StayFixtures.NOTE, NOTE).replace(StayFixtures.BETTER, WISH));
        assertThat(held.getStatusCode().value()).as(held.getBody()).isEqualTo(201);
        String interview = JsonMapper.builder().build().readTree(held.getBody()).get("id").asString();
        return new AnotherScope("AM11", ALMERE_SCHOOL, Set.of(ALMERE_SCHOOL, TEACHER, interview, NOTE, WISH),
                Map.ofEntries(entry("{staffRef}", TEACHER), entry("{interviewId}", interview),
                        entry("{index}", "0")),
                Map.of("POST /api/schools/{schoolCode}/staff", Body.json(StayFixtures.aTeacher("FL-T-89", "1.0")),
                        "PUT /api/schools/{schoolCode}/staff/{staffRef}/leaving-date",
                        Body.json("{\"leavesOn\":\"" + LocalDate.now().plusMonths(2) + "\"}"),
                        "POST /api/schools/{schoolCode}/staff/{staffRef}/interviews",
                        Body.json(anInterview("NO", 1, 5, "[]"))),
                () -> almereHr.get().uri("/api/schools/{school}/staff", ALMERE_SCHOOL).retrieve().body(String.class)
                        + almereHr.get().uri("/api/schools/{school}/staff/{ref}/interviews", ALMERE_SCHOOL, TEACHER)
                        .retrieve().body(String.class));
    }
}
