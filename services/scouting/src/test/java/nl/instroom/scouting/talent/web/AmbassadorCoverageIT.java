package nl.instroom.scouting.talent.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.instroom.events.Sector;
import nl.instroom.events.Topics;
import nl.instroom.events.needmap.SchoolNeedChanged;
import nl.instroom.events.needmap.SchoolRegistered;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.EventProducer;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ambassadors per school and the coverage of high-need schools, with schools and need from need-mapping's events on
 * the real broker: a nominated ambassador covers their school, the region's other high-need schools are listed by
 * need, and an ended ambassadorship uncovers the school again.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=scouting-ambassadors")
class AmbassadorCoverageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @LocalServerPort
    int port;

    private int post(RestClient client, String path, String body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toBodilessEntity().getStatusCode().value();
    }

    private static void school(EventProducer needMapping, String code, String name, String region, double need) {
        needMapping.publish(new SchoolRegistered(code, name, Sector.VO, "ZWOLLE", "GM0193", "8011AA", 52.5, 6.1, 900,
                region, 1));
        needMapping.publish(new SchoolNeedChanged(code, region, need, List.of(), List.of(), 1));
    }

    @Autowired
    MeterRegistry meters;

    private double needEventsIgnored() {
        Counter counter = meters.find("instroom.events.consumed").tags("consumer", "needEvents", "type",
                "nl.instroom.needmap.SchoolNeedChanged.v2", "outcome", "ignored").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void coverageUsesTheNewestNeedOfEachSchoolAlsoWhenTheNeedArrivedBeforeTheSchool(
            TestInfrastructure infrastructure) {
        double ignoredBefore = needEventsIgnored();
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            needMapping.publish(new SchoolRegistered("41EE00", "Pieter Zandt", Sector.VO, "DEVENTER", "GM0150",
                    "7411AA", 52.25, 6.16, 700, "AM06", 1));
            needMapping.publish(new SchoolNeedChanged("41EE00", "AM06", 8.0, List.of(), List.of(), 3));
            needMapping.publish(new SchoolNeedChanged("41EE00", "AM06", 1.0, List.of(), List.of(), 2));
            needMapping.publish(new SchoolNeedChanged("42FF00", "AM06", 7.0, List.of(), List.of(), 1));
            needMapping.publish(new SchoolRegistered("42FF00", "Ichthus College", Sector.VO, "DEVENTER", "GM0150",
                    "7412AA", 52.26, 6.17, 600, "AM06", 1));
        }
        RestClient admin = ApiClient.as(TestTokens.instance().admin(), port);
        await().untilAsserted(() -> {
            assertThat(needEventsIgnored()).as("the older need was recognised as stale").isEqualTo(ignoredBefore + 1);
            JsonNode coverage = admin.get().uri("/api/ambassadors/coverage?region=AM06").retrieve()
                    .body(JsonNode.class);
            assertThat(coverage.get("uncovered").findValuesAsString("schoolCode")).containsExactly("41EE00",
                    "42FF00");
            assertThat(coverage.get("uncovered").findValues("needIndex")).extracting(JsonNode::asDouble)
                    .as("indexes from the scores: 8 is the region's highest, 7 is 87.5 % of it")
                    .containsExactly(100.0, 87.5);
        });
    }

    @Test
    void anAmbassadorCoversTheirSchoolAndTheOtherHighNeedSchoolsAreListedByNeed(TestInfrastructure infrastructure) {
        RestClient scout = ApiClient.as(TestTokens.instance().scout(), port);
        RestClient coordinator = ApiClient.as(TestTokens.instance().coordinator(), port);
        try (EventProducer needMapping = EventProducer.as("need-mapping", infrastructure)) {
            // Scores whose indexes within the region are 80, 100 and 30.
            school(needMapping, "31AA00", "Agnieten College", TestTokens.REGION, 7.2);
            school(needMapping, "32BB00", "Deltion", TestTokens.REGION, 9.0);
            school(needMapping, "33CC00", "Greijdanus", TestTokens.REGION, 2.7);
            school(needMapping, "34DD00", "Bonhoeffer College", "AM05", 9.5);
        }
        await().untilAsserted(() -> assertThat(coordinator.get().uri("/api/ambassadors/coverage").retrieve()
                .body(JsonNode.class).get("highNeedSchools").asInt()).isEqualTo(2));

        String id = JSON.readTree(scout.post().uri("/api/talents").contentType(MediaType.APPLICATION_JSON)
                .body("{\"personKind\":\"STAFF\",\"personRef\":\"staff-77\",\"kind\":\"AMBASSADOR\","
                        + "\"rationale\":\"Inspirerende docent\",\"flaggedOn\":\"" + TODAY.minusDays(20) + "\"}")
                .retrieve().body(String.class)).get("id").asString();
        assertThat(post(scout, "/api/talents/" + id + "/stage", "{\"stage\":\"APPROACHED\",\"on\":\""
                + TODAY.minusDays(15) + "\"}")).isEqualTo(200);
        assertThat(post(scout, "/api/talents/" + id + "/ambassadorship", "{\"schoolCode\":\"31AA00\"}"))
                .as("only someone interested becomes an ambassador").isEqualTo(409);
        assertThat(post(scout, "/api/talents/" + id + "/stage", "{\"stage\":\"INTERESTED\",\"on\":\""
                + TODAY.minusDays(10) + "\"}")).isEqualTo(200);
        assertThat(post(scout, "/api/talents/" + id + "/ambassadorship", "{\"schoolCode\":\"34DD00\"}"))
                .as("a school of another region").isEqualTo(400);

        try (TopicProbe talents = TopicProbe.on(infrastructure, Topics.TALENT)) {
            assertThat(post(scout, "/api/talents/" + id + "/ambassadorship", "{\"schoolCode\":\"31AA00\",\"since\":\""
                    + TODAY.minusDays(5) + "\"}")).isEqualTo(200);
            JsonNode nominated = JSON.readTree(new String(talents.awaitRecord(record -> id.equals(record.key())
                    && "nl.instroom.scouting.AmbassadorNominated.v1".equals(TopicProbe.header(record, "ce_type")))
                    .value(), StandardCharsets.UTF_8));
            assertThat(nominated.get("schoolCode").asString()).isEqualTo("31AA00");
            assertThat(nominated.get("personRef").asString()).isEqualTo("staff-77");
            assertThat(nominated.toString()).doesNotContain("Inspirerende");
        }
        assertThat(post(scout, "/api/talents/" + id + "/activities", "{\"type\":\"GUEST_LESSON\",\"on\":\""
                + TODAY.minusDays(3) + "\"}")).isEqualTo(200);
        assertThat(post(scout, "/api/talents/" + id + "/activities", "{\"type\":\"OPEN_DAY\",\"on\":\""
                + TODAY.minusDays(1) + "\",\"schoolCode\":\"33CC00\"}")).isEqualTo(200);
        assertThat(post(scout, "/api/talents/" + id + "/activities", "{\"type\":\"JUGGLING\",\"on\":\""
                + TODAY + "\"}")).isEqualTo(400);

        JsonNode ambassadors = coordinator.get().uri("/api/ambassadors").retrieve().body(JsonNode.class);
        assertThat(ambassadors.get("activeAmbassadors").asInt()).isEqualTo(1);
        JsonNode atSchool = ambassadors.get("schools").get(0);
        assertThat(atSchool.get("schoolCode").asString()).isEqualTo("31AA00");
        assertThat(atSchool.get("schoolName").asString()).isEqualTo("Agnieten College");
        JsonNode ambassador = atSchool.get("ambassadors").get(0);
        assertThat(ambassador.get("activities").get("GUEST_LESSON").asInt()).isEqualTo(1);
        assertThat(ambassador.get("activities").get("OPEN_DAY").asInt()).isEqualTo(1);
        assertThat(ambassador.get("lastActivityOn").asString()).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(scout.get().uri("/api/talents/{id}", id).retrieve().body(JsonNode.class).get("stage")
                .asString()).isEqualTo("ENROLLED");

        JsonNode coverage = coordinator.get().uri("/api/ambassadors/coverage").retrieve().body(JsonNode.class);
        assertThat(coverage.get("highNeedSchools").asInt()).isEqualTo(2);
        assertThat(coverage.get("covered").asInt()).isEqualTo(1);
        assertThat(coverage.get("uncovered").findValuesAsString("schoolCode")).containsExactly("32BB00");
        assertThat(coverage.get("uncovered").get(0).get("needRank").asInt()).isEqualTo(1);
        assertThat(coordinator.get().uri("/api/ambassadors/coverage?minNeedIndex=20").retrieve()
                .body(JsonNode.class).get("uncovered").findValuesAsString("schoolCode"))
                .containsExactly("32BB00", "33CC00");

        assertThat(post(scout, "/api/talents/" + id + "/ambassadorship/end", "{}")).isEqualTo(200);
        assertThat(coordinator.get().uri("/api/ambassadors/coverage").retrieve().body(JsonNode.class)
                .get("uncovered").findValuesAsString("schoolCode")).containsExactly("32BB00", "31AA00");
        assertThat(coordinator.get().uri("/api/ambassadors").retrieve().body(JsonNode.class)
                .get("activeAmbassadors").asInt()).isZero();
    }
}
