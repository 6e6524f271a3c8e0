package nl.instroom.stayinterviews.staff.application;

import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import nl.instroom.chassis.retention.RetentionPurge;
import nl.instroom.events.Topics;
import nl.instroom.stayinterviews.StayFixtures;
import nl.instroom.stayinterviews.StayInterviewsApplication;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interviews are kept no longer than the retention period after the employee's leaving date, on a clock the test
 * moves on; the purge is published, naming only a reference that had left the service with a shared ambition.
 */
@InstroomInfrastructure
@SpringBootTest(classes = {StayInterviewsApplication.class, StaffRetentionIT.Days.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=stay-retention")
@DirtiesContext
class StaffRetentionIT {

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
    MongoTemplate mongo;

    @Autowired
    ShiftableClock clock;

    @Autowired
    RetentionPurge retention;

    private void leaves(RestClient hr, String school, String staffRef, LocalDate on) {
        assertThat(hr.put().uri("/api/schools/{s}/staff/{r}/leaving-date", school, staffRef)
                .contentType(MediaType.APPLICATION_JSON).body("{\"leavesOn\":\"" + on + "\"}").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theEmployeeAndTheirInterviewsGoOnceTwoYearsAfterLeavingHavePassed(TestInfrastructure infrastructure) {
        String school = "27JK00";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        LocalDate leftOn = LocalDate.now(clock).minusDays(30);
        for (String ref : new String[] {"T-600", "T-601", "T-602", "T-603"}) {
            register(hr, school, ref, "1.0");
        }
        interview(hr, school, "T-600", anInterview("UNSURE", 3, 3, "[]"));
        interview(hr, school, "T-601", anInterview("UNSURE", 3, 3, "[]"));
        interview(hr, school, "T-602", anInterview("UNSURE", 3, 3, "[]"));
        interview(hr, school, "T-603", anInterview("YES", 4, 2, "[{\"ambition\":\"MENTOR\",\"scoutMayKnow\":true}]"));
        leaves(hr, school, "T-600", leftOn);
        leaves(hr, school, "T-601", leftOn.plusMonths(6));
        leaves(hr, school, "T-603", leftOn);

        clock.advance(Period.ofYears(2).plusDays(1).minusDays(30));
        try (TopicProbe notices = TopicProbe.onNewRecords(infrastructure, Topics.RETENTION)) {
            assertThat(retention.purge()).filteredOn(report -> report.kind().equals("staff-member"))
                    .extracting(RetentionPurge.Report::recordsPurged).containsExactly(2);

            ConsumerRecord<String, byte[]> notice = notices.awaitRecord(r -> new String(r.value(),
                    StandardCharsets.UTF_8).contains("\"dataKind\":\"staff-member\""));
            JsonNode data = JSON.readTree(new String(notice.value(), StandardCharsets.UTF_8));
            assertThat(data.get("recordsPurged").asInt()).isEqualTo(2);
            assertThat(data.get("retention").asString()).isEqualTo("P2Y");
            assertThat(data.get("references").valueStream().map(JsonNode::asString).toList())
                    .as("only the reference that left with a shared ambition; the other never left")
                    .containsExactly(school + ":T-603");
            StayFixtures.SECRETS.forEach(secret -> assertThat(StayFixtures.everythingIn(notice))
                    .doesNotContain(secret));
        }
        await("left 2 years and a day ago: gone once its last events are published").untilAsserted(() -> {
            assertThat(mongo.findById(school + ":T-600", Document.class, "staff")).isNull();
            assertThat(mongo.findById(school + ":T-603", Document.class, "staff")).isNull();
        });
        assertThat(mongo.findById(school + ":T-601", Document.class, "staff")).as("left 18 months ago").isNotNull();
        assertThat(mongo.findById(school + ":T-602", Document.class, "staff")).as("still employed").isNotNull();
        assertThat(retention.purge()).as("nothing more to purge")
                .noneMatch(report -> report.kind().equals("staff-member"));
    }
}
