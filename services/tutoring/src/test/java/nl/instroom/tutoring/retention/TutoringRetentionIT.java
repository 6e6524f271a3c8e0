package nl.instroom.tutoring.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.instroom.chassis.retention.RetentionPurge;
import nl.instroom.events.Topics;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.ShiftableClock;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import nl.instroom.tutoring.matching.domain.MatchingInputs;
import nl.instroom.tutoring.matching.domain.MatchingRun;
import nl.instroom.tutoring.matching.domain.MatchingRuns;
import nl.instroom.tutoring.matching.domain.MatchingWeights;
import nl.instroom.tutoring.matching.domain.Pair;
import nl.instroom.tutoring.matching.domain.Proposal;
import nl.instroom.tutoring.needs.domain.SchoolNeedChange;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * tutoring keeps each kind of personal data for its period, on a clock the test moves on: the school's note six
 * months after completion, a matching run three months after it was solved, a pupil a year after their last
 * placement ended (or after registration if never placed, or after the first purge if registered before the date
 * was kept) — never while a placement is open — and each purge is published with pseudonymous ids only.
 */
@InstroomInfrastructure
@SpringBootTest(classes = {nl.instroom.tutoring.TutoringApplication.class, TutoringRetentionIT.Days.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=tutoring-retention")
@DirtiesContext
class TutoringRetentionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class Days {

        @Bean
        ShiftableClock clock() {
            return new ShiftableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ShiftableClock clock;

    @Autowired
    RetentionPurge retention;

    @Autowired
    MatchingRuns runs;

    @Autowired
    MongoTemplate mongo;

    /** Tutoring knows the school and its region from need-mapping's events; a placement needs both. */
    @Autowired
    SchoolNeedViews schools;

    private RestClient coordinator() {
        return ApiClient.as(TestTokens.instance().coordinator(), port);
    }

    private RestClient schoolHr() {
        return ApiClient.as(TestTokens.instance().schoolHr("21CM00"), port);
    }

    private String aTutor(String name) {
        String body = """
                {"name":"%s","schoolAttended":"Greijdanus","schoolYear":5,"dateOfBirth":"%s",
                 "subjects":[{"subject":"wiskunde","level":"vwo"}],"hoursPerWeek":2,"weekdays":["TUESDAY"],
                 "pc4":"8012","maxTravelKm":8}""".formatted(name, LocalDate.now(clock).minusYears(17).minusDays(20));
        return coordinator().post().uri("/api/tutors").contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .body(JsonNode.class).get("id").asString();
    }

    private String propose(String tutorId) {
        schools.apply(List.of(new SchoolNeedChange.SchoolKnown("school-21CM00", "21CM00", "Celeanum",
                TestTokens.REGION, 52.51, 6.09, 1)));
        return coordinator().post().uri("/api/placements").contentType(MediaType.APPLICATION_JSON)
                .body("{\"tutorId\":\"" + tutorId + "\",\"schoolCode\":\"21CM00\",\"subject\":\"wiskunde\","
                        + "\"hoursPerWeek\":2}").retrieve().body(JsonNode.class).get("id").asString();
    }

    private String completedPlacement(String tutorId) {
        String placement = propose(tutorId);
        post(coordinator(), "/api/placements/" + placement + "/confirm", "{}");
        post(schoolHr(), "/api/placements/" + placement + "/start", "{}");
        post(schoolHr(), "/api/placements/" + placement + "/complete",
                "{\"reliability\":4,\"talentForTeaching\":5,\"note\":\"Legt heel geduldig uit aan groep 7\"}");
        return placement;
    }

    private static void post(RestClient client, String path, String body) {
        assertThat(client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity().getStatusCode().value()).as(path).isEqualTo(200);
    }

    private String aRun(String tutorId, MatchingRun.Status status) {
        String id = UUID.randomUUID().toString();
        runs.save(MatchingRun.restore(id, "AM36", "wiskunde", "vwo", Set.of(), Set.of(), MatchingWeights.DEFAULTS,
                new MatchingInputs(Map.of(tutorId, 1L), Map.of(), Map.of(tutorId, 0), Map.of()),
                List.of(new Proposal(new Pair(tutorId, "21CM00", "wiskunde"), null, false)), 10.0, 1, 5, "coordinator",
                clock.instant(), status, status == MatchingRun.Status.ACCEPTED ? clock.instant() : null));
        return id;
    }

    private static JsonNode notice(TopicProbe notices, String kind) {
        ConsumerRecord<String, byte[]> record = notices.awaitRecord(r -> text(r).contains("\"dataKind\":\"" + kind
                + "\""));
        return JSON.readTree(text(record));
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static List<String> references(JsonNode notice) {
        return notice.get("references").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void eachKindGoesAfterItsPeriodAndEveryPurgeIsPublished(TestInfrastructure infrastructure) {
        String neverPlaced = aTutor("Sanne Visser");
        String tutored = aTutor("Milan de Boer");
        String tutoredPlacement = completedPlacement(tutored);
        String stillPlaced = aTutor("Noor Bakker");
        String openPlacement = propose(stillPlaced);
        String acceptedRun = aRun(tutored, MatchingRun.Status.ACCEPTED);
        String solvedRun = aRun(stillPlaced, MatchingRun.Status.SOLVED);
        String undated = "legacy-" + UUID.randomUUID();
        mongo.insert(new Document("_id", undated).append("name", "Lotte Smit").append("schoolAttended", "Celeanum")
                .append("schoolYear", 4).append("dateOfBirth", LocalDate.now().minusYears(16).toString())
                .append("region", "AM36").append("pc4", "8011").append("revision", 1L), "tutors");

        clock.advance(Period.ofMonths(6).plusDays(1));
        String recent = aTutor("Daan Mulder");
        String recentPlacement = completedPlacement(recent);
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            assertThat(retention.purge()).extracting(RetentionPurge.Report::kind)
                    .containsExactlyInAnyOrder("evaluation-note", "matching-run");

            JsonNode notes = notice(notices, "evaluation-note");
            assertThat(references(notes)).containsExactly(tutoredPlacement);
            assertThat(notes.get("retention").asString()).isEqualTo("P6M");
            JsonNode matching = notice(notices, "matching-run");
            assertThat(matching.get("recordsPurged").asInt()).isEqualTo(2);
            assertThat(references(matching)).as("only an accepted run's id ever left tutoring")
                    .containsExactly(acceptedRun);
        }
        assertThat(mongo.findById(tutoredPlacement, Document.class, "placements").toJson()).doesNotContain("geduldig")
                .contains("\"talentForTeaching\": 5");
        assertThat(mongo.findById(recentPlacement, Document.class, "placements").toJson()).contains("geduldig");
        assertThat(runs.find(acceptedRun)).isEmpty();
        assertThat(runs.find(solvedRun)).isEmpty();
        assertThat(mongo.findById(undated, Document.class, "tutors").get("registeredOn"))
                .as("a tutor from before the date was kept starts its period now").isNotNull();

        clock.advance(Period.ofMonths(6));
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            assertThat(retention.purge()).extracting(RetentionPurge.Report::kind)
                    .as("the recent placement's note is now six months old too")
                    .containsExactlyInAnyOrder("evaluation-note", "tutor");

            JsonNode tutors = notice(notices, "tutor");
            assertThat(references(tutors)).containsExactlyInAnyOrder(neverPlaced, tutored);
            assertThat(tutors.get("retention").asString()).isEqualTo("P1Y");
            notices.seen().forEach(record -> assertThat(text(record)).doesNotContain("Sanne").doesNotContain("Milan")
                    .doesNotContain("8012").doesNotContain("geduldig"));
        }
        assertThat(mongo.findById(neverPlaced, Document.class, "tutors")).isNull();
        assertThat(mongo.findById(tutored, Document.class, "tutors")).isNull();
        assertThat(mongo.findById(tutoredPlacement, Document.class, "placements").getString("tutorId"))
                .as("the placement stays as an anonymous fact").isEqualTo("erased");
        assertThat(mongo.count(Query.query(Criteria.where("subjectRef").in(neverPlaced, tutored)), "audit_log"))
                .as("the audit trail no longer names them").isZero();
        assertThat(mongo.findById(stillPlaced, Document.class, "tutors")).as("an open placement keeps the pupil")
                .isNotNull();
        assertThat(mongo.findById(openPlacement, Document.class, "placements").getString("tutorId"))
                .isEqualTo(stillPlaced);
        assertThat(mongo.findById(recent, Document.class, "tutors")).as("placed six months ago").isNotNull();
        assertThat(mongo.findById(recentPlacement, Document.class, "placements").toJson()).doesNotContain("geduldig");
        assertThat(mongo.findById(undated, Document.class, "tutors")).as("dated six months ago").isNotNull();

        assertThat(retention.purge()).as("run again: nothing more is due").isEmpty();
    }
}
