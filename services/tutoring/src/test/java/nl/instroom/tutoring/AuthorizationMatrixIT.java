package nl.instroom.tutoring;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.instroom.chassis.security.AuthorizationMatrixContract;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.TestTokens;
import nl.instroom.tutoring.needs.domain.SchoolNeedChange;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The matrix and the scope of tutoring. Outside the test tokens' Regio Zwolle: a school in Almere (Flevoland, AM11)
 * as need-mapping announced it, a pupil its coordinator registered, proposed there as a tutor, and a matching run of
 * Flevoland. And a Zwolle pupil of the test coordinator's own, whom that coordinator must not propose in Almere.
 */
class AuthorizationMatrixIT extends AuthorizationMatrixContract {

    static final String FLEVOLAND = "AM11";
    static final String ALMERE_SCHOOL = "51FL00";
    static final String PUPIL_NAME = "Noor Flevo-Visser";

    @Autowired
    SchoolNeedViews schools;

    @Override
    protected AnotherScope anotherScope() {
        schools.apply(List.of(new SchoolNeedChange.SchoolKnown(UUID.randomUUID().toString(), ALMERE_SCHOOL,
                "Zuiderzee College Almere", FLEVOLAND, 52.37, 5.22, 1)));
        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        RestClient flevoland = ApiClient.as(TestTokens.instance().token("coordinator-flevoland",
                List.of("COORDINATOR"), FLEVOLAND, null), port);
        String pupil = aPupil(flevoland, PUPIL_NAME, "1315");
        String ownPupil = aPupil(ApiClient.as(TestTokens.instance().coordinator(), port), "Daan Zwolle", "8012");
        JsonNode placement = flevoland.post().uri("/api/placements").contentType(MediaType.APPLICATION_JSON)
                .body(proposal(pupil)).retrieve().body(JsonNode.class);
        assertThat(placement.get("schoolCode").asString()).isEqualTo(ALMERE_SCHOOL);
        String placementId = placement.get("id").asString();
        String run = flevoland.post().uri("/api/matching/runs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"region\":\"" + FLEVOLAND + "\"}").retrieve().body(JsonNode.class).get("id").asString();

        return new AnotherScope(FLEVOLAND, ALMERE_SCHOOL, Set.of(ALMERE_SCHOOL, PUPIL_NAME, pupil, placementId, run),
                Map.ofEntries(
                        entry("/api/tutors/{id}", "/api/tutors/" + pupil),
                        entry("/api/tutors/{id}/parental-consent", "/api/tutors/" + pupil + "/parental-consent"),
                        entry("/api/placements/{id}", "/api/placements/" + placementId),
                        entry("/api/placements/{id}/confirm", "/api/placements/" + placementId + "/confirm"),
                        entry("/api/placements/{id}/start", "/api/placements/" + placementId + "/start"),
                        entry("/api/placements/{id}/complete", "/api/placements/" + placementId + "/complete"),
                        entry("/api/placements/{id}/cancel", "/api/placements/" + placementId + "/cancel"),
                        entry("/api/matching/runs/{id}", "/api/matching/runs/" + run),
                        entry("/api/matching/runs/{id}/accept", "/api/matching/runs/" + run + "/accept")),
                Map.of("POST /api/placements", Body.json(proposal(ownPupil)),
                        "PUT /api/tutors/{id}/parental-consent", Body.json("{\"givenOn\":\"2026-01-05\"}"),
                        "POST /api/placements/{id}/complete", Body.json("{\"reliability\":4,\"talentForTeaching\":4}"),
                        "POST /api/placements/{id}/cancel", Body.json("{\"reasonCode\":\"SCHEDULE_CONFLICT\"}"),
                        "POST /api/matching/runs", Body.json("{\"region\":\"" + FLEVOLAND + "\"}")),
                () -> admin.get().uri("/api/tutors/{id}", pupil).retrieve().body(String.class)
                        + admin.get().uri("/api/placements?schoolCode={code}", ALMERE_SCHOOL).retrieve()
                        .body(String.class)
                        + admin.get().uri("/api/matching/runs?region={region}", FLEVOLAND).retrieve()
                        .body(String.class));
    }

    private static String proposal(String pupil) {
        return "{\"tutorId\":\"" + pupil + "\",\"schoolCode\":\"" + ALMERE_SCHOOL
                + "\",\"subject\":\"wiskunde\",\"hoursPerWeek\":2}";
    }

    private static String aPupil(RestClient coordinator, String name, String pc4) {
        var registered = coordinator.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON).body("""
                {"name":"%s","schoolAttended":"Baken Park Lyceum","schoolYear":5,"dateOfBirth":"%s",
                 "subjects":[{"subject":"wiskunde","level":"vwo"}],"hoursPerWeek":2,"weekdays":["TUESDAY"],
                 "pc4":"%s","maxTravelKm":10}""".formatted(name, LocalDate.now().minusYears(17).minusDays(10), pc4))
                .retrieve().toEntity(JsonNode.class);
        assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isEqualTo(201);
        return registered.getBody().get("id").asString();
    }
}
