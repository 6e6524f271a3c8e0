package nl.instroom.tutoring.placement.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.Topics;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import nl.instroom.tutoring.needs.domain.SchoolNeedChange;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A placement through its life on the real broker: a tutor under 16 is not even proposed without a parent's consent;
 * with it, the school completes the placement with its evaluation and the event carries the scores but not the
 * note; withdrawing consent cancels an open placement and says so.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=tutoring-placements")
class PlacementLifecycleIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    RestClient coordinator;
    RestClient schoolHr;

    /** Tutoring knows the school and its region from need-mapping's events; a placement needs both. */
    @Autowired
    SchoolNeedViews schools;

    @BeforeEach
    void clients() {
        coordinator = ApiClient.as(TestTokens.instance().coordinator(), port);
        schoolHr = ApiClient.as(TestTokens.instance().schoolHr("21CM00"), port);
    }

    private String aTutorAged(int years) {
        String body = """
                {"name":"Milan de Boer","schoolAttended":"Greijdanus","schoolYear":3,"dateOfBirth":"%s",
                 "subjects":[{"subject":"wiskunde","level":"vwo"}],"hoursPerWeek":2,"weekdays":["TUESDAY"],
                 "pc4":"8012","maxTravelKm":8}""".formatted(LocalDate.now().minusYears(years).minusDays(20));
        return coordinator.post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(JsonNode.class).get("id").asString();
    }

    private String propose(String tutorId) {
        schools.apply(List.of(new SchoolNeedChange.SchoolKnown("school-21CM00", "21CM00", "Celeanum",
                TestTokens.REGION, 52.51, 6.09, 1)));
        return coordinator.post().uri("/api/placements").contentType(MediaType.APPLICATION_JSON)
                .body("{\"tutorId\":\"" + tutorId + "\",\"schoolCode\":\"21CM00\",\"subject\":\"wiskunde\","
                        + "\"hoursPerWeek\":2}").retrieve().body(JsonNode.class).get("id").asString();
    }

    private int consent(String tutorId) {
        return coordinator.put().uri("/api/tutors/{id}/parental-consent", tutorId)
                .contentType(MediaType.APPLICATION_JSON).body("{\"givenOn\":\"" + LocalDate.now() + "\"}")
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    private int post(RestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity().getStatusCode().value();
    }

    @Test
    void underSixteenWithoutConsentIsNotEvenProposedAndWithItCompletesWithTheSchoolsScores(
            TestInfrastructure infrastructure) {
        String tutor = aTutorAged(14);

        var refused = coordinator.post().uri("/api/placements").contentType(MediaType.APPLICATION_JSON)
                .body("{\"tutorId\":\"" + tutor + "\",\"schoolCode\":\"21CM00\",\"subject\":\"wiskunde\","
                        + "\"hoursPerWeek\":2}").retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).contains("consent");
        assertThat(coordinator.get().uri("/api/placements?schoolCode=21CM00").retrieve().body(String.class))
                .doesNotContain(tutor);

        assertThat(consent(tutor)).isEqualTo(200);
        String placement = propose(tutor);
        assertThat(post(coordinator, "/api/placements/" + placement + "/confirm", "{}")).isEqualTo(200);
        assertThat(post(schoolHr, "/api/placements/" + placement + "/start", "{}")).isEqualTo(200);
        try (TopicProbe placements = TopicProbe.on(infrastructure, Topics.PLACEMENTS)) {
            assertThat(post(schoolHr, "/api/placements/" + placement + "/complete",
                    "{\"reliability\":4,\"talentForTeaching\":5,\"note\":\"Legt heel geduldig uit aan groep 7\"}"))
                    .isEqualTo(200);

            ConsumerRecord<String, byte[]> completed = placements.awaitRecord(record -> placement.equals(record.key())
                    && "nl.instroom.tutoring.PlacementCompleted.v1".equals(TopicProbe.header(record, "ce_type")));
            JsonNode data = JSON.readTree(new String(completed.value(), StandardCharsets.UTF_8));
            assertThat(data.get("talentForTeaching").asInt()).isEqualTo(5);
            assertThat(data.get("reliability").asInt()).isEqualTo(4);
            assertThat(data.toString()).doesNotContain("geduldig").doesNotContain("Milan");
        }
    }

    @Test
    void aSchoolCancelsWithAReasonFromTheListAndTextPosingAsACodeChangesNothing(TestInfrastructure infrastructure) {
        String tutor = aTutorAged(17);
        String placement = propose(tutor);

        for (String notAReason : List.of("PUPIL_JANSEN_IS_ILL", "CONSENT_WITHDRAWN")) {
            var refused = schoolHr.post().uri("/api/placements/{id}/cancel", placement)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"reasonCode\":\"" + notAReason + "\"}")
                    .retrieve().toEntity(String.class);
            assertThat(refused.getStatusCode().value()).as(notAReason).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        }
        assertThat(coordinator.get().uri("/api/placements/{id}", placement).retrieve().body(JsonNode.class)
                .get("status").asString()).isEqualTo("PROPOSED");

        try (TopicProbe placements = TopicProbe.on(infrastructure, Topics.PLACEMENTS)) {
            assertThat(post(schoolHr, "/api/placements/" + placement + "/cancel",
                    "{\"reasonCode\":\"SCHEDULE_CONFLICT\"}")).isEqualTo(200);
            ConsumerRecord<String, byte[]> cancelled = placements.awaitRecord(record -> placement.equals(record.key())
                    && "nl.instroom.tutoring.PlacementCancelled.v1".equals(TopicProbe.header(record, "ce_type")));
            assertThat(new String(cancelled.value(), StandardCharsets.UTF_8))
                    .contains("\"reasonCode\":\"SCHEDULE_CONFLICT\"");
        }
    }

    @Test
    void withdrawingConsentCancelsAnOpenPlacementAndPublishesIt(TestInfrastructure infrastructure) {
        String tutor = aTutorAged(15);
        assertThat(consent(tutor)).isEqualTo(200);
        String placement = propose(tutor);
        assertThat(post(coordinator, "/api/placements/" + placement + "/confirm", "{}")).isEqualTo(200);

        try (TopicProbe placements = TopicProbe.on(infrastructure, Topics.PLACEMENTS)) {
            assertThat(coordinator.delete().uri("/api/tutors/{id}/parental-consent", tutor).retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(200);

            ConsumerRecord<String, byte[]> cancelled = placements.awaitRecord(record -> placement.equals(record.key())
                    && "nl.instroom.tutoring.PlacementCancelled.v1".equals(TopicProbe.header(record, "ce_type")));
            assertThat(new String(cancelled.value(), StandardCharsets.UTF_8))
                    .contains("\"reasonCode\":\"CONSENT_WITHDRAWN\"");
        }
        assertThat(coordinator.get().uri("/api/placements/{id}", placement).retrieve().body(JsonNode.class)
                .get("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void anotherSchoolsHrSeesNothingAndBadInputStoresNothing() {
        String placement = propose(aTutorAged(17));
        RestClient otherSchool = ApiClient.as(TestTokens.instance().schoolHr("05QY01"), port);

        assertThat(otherSchool.get().uri("/api/placements/{id}", placement).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(post(schoolHr, "/api/placements/" + placement + "/complete",
                "{\"reliability\":9,\"talentForTeaching\":5}")).isEqualTo(400);
        assertThat(coordinator.get().uri("/api/placements/{id}", placement).retrieve().body(JsonNode.class)
                .get("status").asString()).isEqualTo("PROPOSED");
    }
}
