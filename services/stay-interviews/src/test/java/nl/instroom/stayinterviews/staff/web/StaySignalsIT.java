package nl.instroom.stayinterviews.staff.web;

import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.everythingIn;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.instroom.events.Topics;
import nl.instroom.stayinterviews.StayFixtures;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import nl.instroom.testing.TestTokens;
import nl.instroom.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What leaves on stay.signals.v1, read off the real broker: that an interview was held (school, date, band), the
 * school's expected departures — raised by a high-risk interview — and a growth ambition only with the employee's
 * agreement. No name, no answer, no note, in any record's value or headers.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=stay-signals")
class StaySignalsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HELD = "nl.instroom.stay.StayInterviewHeld.v1";
    private static final String ASSESSED = "nl.instroom.stay.RetentionRiskAssessed.v1";
    private static final String AMBITION = "nl.instroom.stay.GrowthAmbitionShared.v1";

    @LocalServerPort
    int port;

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        return JSON.readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    private static boolean ofType(ConsumerRecord<String, byte[]> record, String type, String key) {
        return type.equals(TopicProbe.header(record, "ce_type")) && key.equals(record.key());
    }

    @Test
    void aHighRiskInterviewRaisesTheSchoolsExpectedDeparturesAndNoContentLeaves(TestInfrastructure infrastructure) {
        String school = "23AB00";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-100", "1.0");
        register(hr, school, "T-101", "0.8");

        try (TopicProbe signals = TopicProbe.on(infrastructure, Topics.STAY_SIGNALS)) {
            interview(hr, school, "T-100", anInterview("YES", 4, 2, "[]"));
            ConsumerRecord<String, byte[]> low = signals.awaitRecord(r -> ofType(r, ASSESSED, school));
            assertThat(data(low).get("expectedDeparturesFte").decimalValue()).isEqualByComparingTo("0.05");

            interview(hr, school, "T-101", anInterview("NO", 2, 5, "[]"));
            List<ConsumerRecord<String, byte[]>> assessed = signals.awaitRecords(2, r -> ofType(r, ASSESSED, school));
            JsonNode high = data(assessed.get(1));
            // 1.0 × 0.05 (LOW) + 0.8 × 0.5 (HIGH)
            assertThat(high.get("expectedDeparturesFte").decimalValue()).isEqualByComparingTo("0.45");
            assertThat(high.get("interviewsCovered").asInt()).isEqualTo(2);
            assertThat(high.get("revision").asLong()).isGreaterThan(data(low).get("revision").asLong());

            List<ConsumerRecord<String, byte[]>> held = signals.awaitRecords(2, r -> ofType(r, HELD, school));
            assertThat(held).extracting(r -> data(r).get("riskBand").asString())
                    .containsExactlyInAnyOrder("LOW", "HIGH");

            List<ConsumerRecord<String, byte[]>> ours = signals.seen().stream()
                    .filter(r -> everythingIn(r).contains(school)).toList();
            assertThat(ours).hasSizeGreaterThanOrEqualTo(4);
            assertThat(ours).as("no event of the school names the ambition-less staff or their words")
                    .noneMatch(r -> AMBITION.equals(TopicProbe.header(r, "ce_type")));
            for (ConsumerRecord<String, byte[]> record : ours) {
                String text = everythingIn(record);
                assertThat(text).doesNotContain("T-100").doesNotContain("T-101");
                StayFixtures.SECRETS.forEach(secret -> assertThat(text).doesNotContain(secret));
            }
        }
    }

    @Test
    void aGrowthAmbitionIsSharedOnlyWhenTheEmployeeAgreedAndCarriesNoWords(TestInfrastructure infrastructure) {
        String school = "23AB01";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-200", "1.0");

        try (TopicProbe signals = TopicProbe.on(infrastructure, Topics.STAY_SIGNALS)) {
            interview(hr, school, "T-200", anInterview("UNSURE", 3, 3,
                    "[{\"ambition\":\"AMBASSADOR\",\"scoutMayKnow\":true},"
                            + "{\"ambition\":\"SCHOOL_LEADER\",\"scoutMayKnow\":false}]"));

            ConsumerRecord<String, byte[]> shared = signals.awaitRecord(r -> ofType(r, AMBITION, school + ":T-200"));
            JsonNode data = data(shared);
            assertThat(data.get("ambition").asString()).isEqualTo("AMBASSADOR");
            assertThat(data.get("schoolCode").asString()).isEqualTo(school);
            signals.awaitRecord(r -> ofType(r, ASSESSED, school));

            List<ConsumerRecord<String, byte[]>> ours = signals.seen().stream()
                    .filter(r -> everythingIn(r).contains(school)).toList();
            assertThat(ours).filteredOn(r -> AMBITION.equals(TopicProbe.header(r, "ce_type")))
                    .as("the ambition without agreement stays inside").hasSize(1);
            assertThat(ours).noneMatch(r -> everythingIn(r).contains("SCHOOL_LEADER"));
            for (ConsumerRecord<String, byte[]> record : ours) {
                String text = everythingIn(record);
                StayFixtures.SECRETS.forEach(secret -> assertThat(text).doesNotContain(secret));
            }
        }
    }

    /** A leaving date leaves as reference and month only, on the topic only mentoring reads, from the outbox. */
    @Test
    void aLeavingDateIsPublishedAsTheReferenceAndTheMonthOnly(TestInfrastructure infrastructure) {
        String school = "23AB02";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-300", "1.0");

        try (TopicProbe departures = TopicProbe.on(infrastructure, Topics.STAY_DEPARTURES)) {
            assertThat(hr.put().uri("/api/schools/{school}/staff/T-300/leaving-date", school)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"leavesOn\":\"2027-07-31\"}").retrieve()
                    .toBodilessEntity().getStatusCode().value()).isEqualTo(200);

            ConsumerRecord<String, byte[]> left = departures.awaitRecord(r -> ofType(r,
                    "nl.instroom.stay.StaffMemberLeft.v1", school + ":T-300"));
            JsonNode data = data(left);
            assertThat(data.get("leftInMonth").asString()).isEqualTo("2027-07");
            assertThat(data.get("schoolCode").asString()).isEqualTo(school);
            assertThat(everythingIn(left)).as("the day stays inside").doesNotContain("2027-07-31");
        }
    }
}
