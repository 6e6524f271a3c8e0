package nl.instroom.scouting;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.instroom.chassis.security.AuthorizationMatrixContract;
import nl.instroom.events.stay.GrowthAmbitionShared;
import nl.instroom.scouting.schools.domain.SchoolChange;
import nl.instroom.scouting.schools.domain.SchoolViews;
import nl.instroom.scouting.suggestion.domain.Suggestion;
import nl.instroom.scouting.suggestion.domain.Suggestions;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The matrix and the scope of scouting. Outside the test tokens' Regio Zwolle: a school in Almere (Flevoland, AM11)
 * as need-mapping announced it, a teacher there whom Flevoland's talent scout follows up as a future ambassador,
 * and a colleague's growth ambition that school HR shared, waiting in Flevoland's inbox.
 */
class AuthorizationMatrixIT extends AuthorizationMatrixContract {

    static final String FLEVOLAND = "AM11";
    static final String ALMERE_SCHOOL = "51FL00";
    static final String ALMERE_SCHOOL_NAME = "Zuiderzee College Almere";
    static final String TEACHER = "staff-fl-4410";
    static final String COLLEAGUE = "staff-fl-7781";
    static final String RATIONALE = "Geeft met plezier gastlessen aan de bovenbouw in Almere Haven";

    @Autowired
    SchoolViews schools;

    @Autowired
    Suggestions suggestions;

    @Override
    protected AnotherScope anotherScope() {
        schools.apply(List.of(new SchoolChange.SchoolKnown(UUID.randomUUID().toString(), ALMERE_SCHOOL,
                ALMERE_SCHOOL_NAME, FLEVOLAND, 1)));
        Suggestion ambition = Suggestion.from(new GrowthAmbitionShared(ALMERE_SCHOOL, COLLEAGUE, "AMBASSADOR",
                LocalDate.now()), Instant.now());
        assertThat(suggestions.offer(ambition)).isTrue();
        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        RestClient flevolandScout = ApiClient.as(TestTokens.instance().token("scout-flevoland",
                List.of("TALENT_SCOUT"), FLEVOLAND, null), port);
        String talent = flevolandScout.post().uri("/api/talents").contentType(MediaType.APPLICATION_JSON).body("""
                {"personKind":"STAFF","personRef":"%s","kind":"AMBASSADOR","schoolCode":"%s","rationale":"%s"}"""
                .formatted(TEACHER, ALMERE_SCHOOL, RATIONALE)).retrieve().body(JsonNode.class).get("id").asString();
        String suggestion = ambition.id();

        return new AnotherScope(FLEVOLAND, ALMERE_SCHOOL,
                Set.of(ALMERE_SCHOOL, ALMERE_SCHOOL_NAME, TEACHER, COLLEAGUE, RATIONALE, talent, suggestion),
                Map.ofEntries(
                        entry("{id}", talent),
                        entry("/api/suggestions/{id}/accept", "/api/suggestions/" + suggestion + "/accept"),
                        entry("/api/suggestions/{id}/dismiss", "/api/suggestions/" + suggestion + "/dismiss")),
                Map.of("POST /api/talents/{id}/stage", Body.json("{\"stage\":\"APPROACHED\"}"),
                        "PUT /api/talents/{id}/next-step", Body.json("{\"on\":\"2027-01-10\"}"),
                        "POST /api/talents/{id}/ambassadorship", Body.json("{\"schoolCode\":\"" + ALMERE_SCHOOL
                                + "\"}"),
                        "POST /api/talents/{id}/ambassadorship/end", Body.json("{}"),
                        "POST /api/talents/{id}/activities", Body.json("{\"type\":\"GUEST_LESSON\",\"on\":\""
                                + LocalDate.now() + "\",\"schoolCode\":\"" + ALMERE_SCHOOL + "\"}"),
                        "POST /api/suggestions/{id}/accept", Body.json("{\"kind\":\"AMBASSADOR\"}")),
                () -> admin.get().uri("/api/talents/{id}", talent).retrieve().body(String.class)
                        + admin.get().uri("/api/suggestions?region={region}", FLEVOLAND).retrieve()
                        .body(String.class));
    }
}
