package nl.instroom.stayinterviews.staff.web;

import static nl.instroom.stayinterviews.StayFixtures.aTeacher;
import static nl.instroom.stayinterviews.StayFixtures.anInterview;
import static nl.instroom.stayinterviews.StayFixtures.interview;
import static nl.instroom.stayinterviews.StayFixtures.post;
import static nl.instroom.stayinterviews.StayFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * HR registers staff and records interviews; bad input is a problem document and stores nothing; the overview
 * shows who is due, overdue actions and risk by team; the API is described.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=stay-staff")
class StaffRegisterIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private static void assertProblem(ResponseEntity<String> response, String mentions) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).contains(mentions);
    }

    @Test
    void badInputIsAProblemAndStoresNothing() {
        String school = "25EF00";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-400", "1.0");
        String interviews = "/api/schools/" + school + "/staff/T-400/interviews";
        Document before = mongo.findById(school + ":T-400", Document.class, "staff");
        long staffBefore = mongo.count(new Query(), "staff");

        assertProblem(post(hr, "/api/schools/" + school + "/staff", aTeacher("123456782", "1.0")), "national id");
        assertProblem(post(hr, "/api/schools/" + school + "/staff", aTeacher("T 401", "1.0")), "staffRef");
        assertProblem(post(hr, "/api/schools/" + school + "/staff", aTeacher("T-402", "1.5")), "fte");
        assertProblem(post(hr, interviews, anInterview("YES", 4, 7, "[]")), "workload");
        assertProblem(post(hr, interviews, anInterview("PERHAPS", 4, 2, "[]")), "");
        assertProblem(post(hr, interviews, anInterview("YES", 4, 2, "[]")
                .replace(LocalDate.now().minusDays(1).toString(), LocalDate.now().plusDays(2).toString())), "heldOn");
        assertProblem(post(hr, interviews, anInterview("YES", 4, 2, "[]").replace("\"notes\":\"",
                "\"notes\":\"" + "x".repeat(5000))), "notes");

        assertThat(mongo.count(new Query(), "staff")).isEqualTo(staffBefore);
        assertThat(mongo.findById(school + ":T-400", Document.class, "staff")).isEqualTo(before);
    }

    @Test
    void anotherSchoolsHrFindsNothingAndChangesNothing() {
        String school = "25EF01";
        register(ApiClient.as(TestTokens.instance().schoolHr(school), port), school, "T-410", "1.0");
        RestClient otherHr = ApiClient.as(TestTokens.instance().schoolHr("25EF02"), port);

        assertThat(otherHr.get().uri("/api/schools/{s}/staff", school).retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(post(otherHr, "/api/schools/" + school + "/staff/T-410/interviews",
                anInterview("NO", 1, 5, "[]")).getStatusCode().value()).isEqualTo(404);
        assertThat(otherHr.delete().uri("/api/schools/{s}/staff/T-410", school).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
        assertThat(mongo.findById(school + ":T-410", Document.class, "staff").getList("interviews", Document.class))
                .isEmpty();
    }

    @Test
    void theOverviewShowsWhoIsDueOverdueActionsAndRiskByTeam() {
        String school = "25EF03";
        RestClient hr = ApiClient.as(TestTokens.instance().schoolHr(school), port);
        register(hr, school, "T-420", "1.0");
        register(hr, school, "T-421", "0.6");
        interview(hr, school, "T-421", anInterview("NO", 2, 4, "[]").replace(
                "\"dueOn\":\"" + LocalDate.now().plusWeeks(3), "\"dueOn\":\"" + LocalDate.now().minusDays(1))
                .replace("\"heldOn\":\"" + LocalDate.now().minusDays(1),
                        "\"heldOn\":\"" + LocalDate.now().minusDays(10)));

        JsonNode overview = hr.get().uri("/api/schools/{s}/retention", school).retrieve().body(JsonNode.class);

        assertThat(overview.get("expectedDeparturesFte").decimalValue()).isEqualByComparingTo("0.30");
        assertThat(overview.get("dueForInterview")).extracting(n -> n.get("staffRef").asString())
                .containsExactly("T-420");
        assertThat(overview.get("overdueActions")).extracting(n -> n.get("staffRef").asString())
                .containsExactly("T-421");
        assertThat(overview.toString()).as("no interview text in the overview")
                .doesNotContain(nl.instroom.stayinterviews.StayFixtures.ACTION);
        JsonNode maths = overview.get("teams").get(0);
        assertThat(maths.get("team").asString()).isEqualTo("wiskunde");
        assertThat(maths.get("bands").get("HIGH").asInt()).isEqualTo(1);
        assertThat(maths.get("notInterviewed").asInt()).isEqualTo(1);

        var done = post(hr, "/api/schools/" + school + "/staff/T-421/interviews/"
                + hr.get().uri("/api/schools/{s}/staff/T-421/interviews", school).retrieve().body(JsonNode.class)
                        .get(0).get("id").asString() + "/actions/0/done", "{}");
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
        assertThat(hr.get().uri("/api/schools/{s}/retention", school).retrieve().body(JsonNode.class)
                .get("overdueActions")).isEmpty();
    }

    @Test
    void theFormWarnsAgainstHealthInformationAndTheApiIsDescribed() {
        JsonNode form = ApiClient.as(TestTokens.instance().schoolHr("25EF04"), port).get()
                .uri("/api/stay-interview-form").retrieve().body(JsonNode.class);
        assertThat(form.get("warning").asString()).contains("health");
        assertThat(form.get("questions")).hasSize(5);

        String api = ApiClient.as(null, port).get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(api).contains("/api/schools/{schoolCode}/staff/{staffRef}/interviews")
                .contains("/api/schools/{schoolCode}/retention").contains("Do not record health information");
    }
}
