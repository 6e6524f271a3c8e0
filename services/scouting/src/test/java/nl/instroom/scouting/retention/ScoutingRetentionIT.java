package nl.instroom.scouting.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import nl.instroom.chassis.retention.RetentionPurge;
import nl.instroom.events.Topics;
import nl.instroom.events.tutoring.PlacementCompleted;
import nl.instroom.scouting.ScoutingApplication;
import nl.instroom.scouting.suggestion.domain.Suggestion;
import nl.instroom.scouting.suggestion.domain.Suggestions;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.ShiftableClock;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * scouting keeps each kind of personal data for its period, on a clock the test moves on: a suggestion six months
 * after it arrived, the scout's rationale a year and the person's reference two years after the follow-up ended —
 * never while it goes on — and each purge is published, naming talent ids only.
 */
@InstroomInfrastructure
@SpringBootTest(classes = {ScoutingApplication.class, ScoutingRetentionIT.Days.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=scouting-retention")
@DirtiesContext
class ScoutingRetentionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RATIONALE = "Legt geduldig uit, vroeg zelf naar de pabo";

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
    Suggestions suggestions;

    @Autowired
    MongoTemplate mongo;

    private ResponseEntity<String> post(String path, String body) {
        return ApiClient.as(TestTokens.instance().scout(), port).post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private String flag(String personRef) {
        ResponseEntity<String> created = post("/api/talents", """
                {"personKind":"TUTOR","personRef":"%s","kind":"POTENTIAL_TEACHER","rationale":"%s"}"""
                .formatted(personRef, RATIONALE));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return JSON.readTree(created.getBody()).get("id").asString();
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

    private Document talent(String id) {
        return mongo.findById(id, Document.class, "talents");
    }

    @Test
    void eachKindGoesAfterItsPeriodAndEveryPurgeIsPublished(TestInfrastructure infrastructure) {
        String withdrawnRef = "tutor-" + UUID.randomUUID();
        String withdrawn = flag(withdrawnRef);
        assertThat(post("/api/talents/" + withdrawn + "/stage", "{\"stage\":\"WITHDRAWN\",\"on\":\""
                + LocalDate.now(clock) + "\"}").getStatusCode().value()).isEqualTo(200);
        String followedRef = "tutor-" + UUID.randomUUID();
        String followed = flag(followedRef);
        String pupil = "tutor-" + UUID.randomUUID();
        Suggestion suggested = Suggestion.from(new PlacementCompleted("placement-" + UUID.randomUUID(), pupil,
                "21CM00", "wiskunde", LocalDate.now(clock), 4, 5, 4), clock.instant()).orElseThrow();
        assertThat(suggestions.offer(suggested)).isTrue();

        clock.advance(Period.ofMonths(6).plusDays(1));
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            assertThat(retention.purge()).extracting(RetentionPurge.Report::kind).containsExactly("suggestion");
            JsonNode notice = notice(notices, "suggestion");
            assertThat(notice.get("recordsPurged").asInt()).isEqualTo(1);
            assertThat(references(notice)).as("a suggestion's id never left scouting").isEmpty();
        }
        Document emptied = mongo.findById(suggested.id(), Document.class, "suggestions");
        assertThat(emptied.toJson()).doesNotContain(pupil).doesNotContain("talentForTeaching");
        assertThat(emptied.getString("status")).as("out of the inbox, kept under its id").isEqualTo("ERASED");
        assertThat(suggestions.offer(suggested)).as("the same fact again makes no new suggestion").isFalse();

        clock.advance(Period.ofMonths(6));
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            assertThat(retention.purge()).extracting(RetentionPurge.Report::kind).containsExactly("talent-rationale");
            assertThat(references(notice(notices, "talent-rationale"))).containsExactly(withdrawn);
        }
        assertThat(talent(withdrawn).getString("rationale")).isNull();
        assertThat(talent(withdrawn).getString("personRef")).as("kept a year longer").isEqualTo(withdrawnRef);
        assertThat(talent(followed).getString("rationale")).as("still followed up").isEqualTo(RATIONALE);

        clock.advance(Period.ofYears(1));
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            assertThat(retention.purge()).extracting(RetentionPurge.Report::kind)
                    .as("the audit entries of two years ago go too")
                    .containsExactlyInAnyOrder("talent-reference", "audit-entry");
            JsonNode references = notice(notices, "talent-reference");
            assertThat(references(references)).containsExactly(withdrawn);
            notice(notices, "audit-entry");
            notices.seen().forEach(record -> assertThat(text(record)).doesNotContain(withdrawnRef)
                    .doesNotContain(followedRef).doesNotContain(pupil).doesNotContain("geduldig"));
        }
        assertThat(talent(withdrawn).getString("personRef")).isEqualTo("erased");
        assertThat(talent(withdrawn).getString("stage")).as("the funnel still counts it").isEqualTo("WITHDRAWN");
        assertThat(talent(followed).getString("personRef")).isEqualTo(followedRef);
        assertThat(talent(followed).getString("rationale")).isEqualTo(RATIONALE);

        assertThat(retention.purge()).as("run again: nothing more is due").isEmpty();
    }
}
