package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.NEED_MAPPING;
import static nl.instroom.e2e.RunningStack.REGION;
import static nl.instroom.e2e.RunningStack.STAY_INTERVIEWS;
import static nl.instroom.e2e.RunningStack.TUTORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * School HR's journey: a stay-gesprek in which a teacher says they intend to leave → the school's expected
 * departures rise in need-mapping's index (through stay.signals.v1, with no person and no answer on the wire) →
 * tutoring learns the new need and the next matching run is solved with it.
 */
@ExtendWith(RunningStack.class)
class C_SchoolHrJourneyIT {

    @Test
    void aStayInterviewWithIntentToLeaveRaisesTheNeedThatTheNextMatchingUses() {
        String school = RunningStack.hrSchool();
        RestClient hr = RunningStack.as("SCHOOL_HR", STAY_INTERVIEWS);
        RestClient needMapping = RunningStack.as("COORDINATOR", NEED_MAPPING);
        RestClient tutoring = RunningStack.as("COORDINATOR", TUTORING);
        double rawBefore = rawScoreOf(needMapping, school);
        long revisionBefore = needRevisionInTutoring(tutoring, school);

        var registered = hr.post().uri("/api/schools/{s}/staff", school).contentType(MediaType.APPLICATION_JSON)
                .body("{\"staffRef\":\"docent-wi-07\",\"role\":\"docent\",\"subject\":\"wiskunde\",\"fte\":1.0,"
                        + "\"yearsInService\":6}").retrieve().toEntity(String.class);
        assertThat(registered.getStatusCode().value()).as(registered.getBody()).isEqualTo(201);
        var interview = hr.post().uri("/api/schools/{s}/staff/docent-wi-07/interviews", school)
                .contentType(MediaType.APPLICATION_JSON).body("""
                        {"heldOn":"%s","interviewer":"Teamleider bovenbouw","workload":5,"satisfaction":2,
                         "intentToStay":"NO","answers":{"whyStay":"De leerlingen","lastThoughtOfLeaving":"Vorige week"},
                         "ambitions":[{"ambition":"MENTOR","scoutMayKnow":false}]}""".formatted(LocalDate.now()))
                .retrieve().toEntity(String.class);
        assertThat(interview.getStatusCode().value()).as(interview.getBody()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(rawScoreOf(needMapping, school)).isGreaterThan(rawBefore));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(needRevisionInTutoring(tutoring, school)).isGreaterThan(revisionBefore));

        JsonNode run = tutoring.post().uri("/api/matching/runs").contentType(MediaType.APPLICATION_JSON)
                .body("{\"region\":\"" + REGION + "\",\"subject\":\"wiskunde\"}").retrieve().body(JsonNode.class);
        double mathsNeedNow = tutoring.get().uri("/api/needs/schools?region={r}", REGION).retrieve()
                .body(JsonNode.class).valueStream().filter(s -> s.get("schoolCode").asString().equals(school))
                .findFirst().orElseThrow().get("subjectIndex").get("wiskunde").asDouble();
        run.get("proposals").valueStream().filter(p -> p.get("pair").get("schoolCode").asString().equals(school))
                .forEach(p -> assertThat(p.get("score").get("needPoints").asDouble()).isEqualTo(mathsNeedNow));
    }

    private static double rawScoreOf(RestClient needMapping, String school) {
        return needMapping.get().uri("/api/need/schools/{code}", school).retrieve().body(JsonNode.class).get("need")
                .get("rawScore").asDouble();
    }

    private static long needRevisionInTutoring(RestClient tutoring, String school) {
        return tutoring.get().uri("/api/needs/schools?region={r}", REGION).retrieve().body(JsonNode.class)
                .valueStream().filter(s -> s.get("schoolCode").asString().equals(school)).findFirst()
                .map(s -> s.get("needRevision").asLong()).orElse(0L);
    }
}
