package nl.instroom.stayinterviews.staff.application;

import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import nl.instroom.stayinterviews.staff.domain.StaffMembers;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** Interviews are kept no longer than the retention period after the employee's leaving date. */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=stay-retention")
class RetentionPurgeIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    StaffMembers staff;

    @Autowired
    StaffRemoval removal;

    private void leaves(RestClient hr, String school, String staffRef, LocalDate on) {
        assertThat(hr.put().uri("/api/schools/{s}/staff/{r}/leaving-date", school, staffRef)
                .contentType(MediaType.APPLICATION_JSON).body("{\"leavesOn\":\"" + on + "\"}").retrieve()
                .toBodilessEntity().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theEmployeeAndTheirInterviewsGoOnceTwoYearsAfterLeavingHavePassed() {
        String school = "27JK00";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        LocalDate leftOn = LocalDate.now().minusDays(30);
        for (String ref : new String[] {"T-600", "T-601", "T-602"}) {
            register(hr, school, ref, "1.0");
            interview(hr, school, ref, anInterview("UNSURE", 3, 3, "[]"));
        }
        leaves(hr, school, "T-600", leftOn);
        leaves(hr, school, "T-601", leftOn.plusMonths(6));

        Clock twoYearsLater = Clock.fixed(leftOn.plusYears(2).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                ZoneOffset.UTC);
        int purged = new RetentionPurge(staff, removal, Period.ofYears(2), twoYearsLater).purge();

        assertThat(purged).isEqualTo(1);
        await("left 2 years and a day ago: gone once its last events are published").untilAsserted(() ->
                assertThat(mongo.findById(school + ":T-600", Document.class, "staff")).isNull());
        assertThat(mongo.findById(school + ":T-601", Document.class, "staff")).as("left 18 months ago").isNotNull();
        assertThat(mongo.findById(school + ":T-602", Document.class, "staff")).as("still employed").isNotNull();
        assertThat(new RetentionPurge(staff, removal, Period.ofYears(2), twoYearsLater).purge())
                .as("nothing more to purge").isZero();
    }
}
