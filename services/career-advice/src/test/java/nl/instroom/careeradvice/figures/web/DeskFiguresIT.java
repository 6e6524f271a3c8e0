package nl.instroom.careeradvice.figures.web;

import static nl.instroom.careeradvice.AdviceFixtures.json;
import static nl.instroom.careeradvice.AdviceFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.instroom.careeradvice.AdviceFixtures;
import nl.instroom.careeradvice.ShiftedDays;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.ShiftableClock;
import nl.instroom.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The desk's figures and its yearly report, with the service's clock moved to the last days of a school year (so
 * the months counted here are this test's alone) and on into the next: what an adviser does to cases is counted in
 * the month it happens, the report covers September to August, and the default report is the year just ended.
 * Shares ReferralIT's application context (same clock, same database).
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=career-advice-referral")
@Import(ShiftedDays.class)
class DeskFiguresIT {

    @LocalServerPort
    int port;

    @Autowired
    ShiftableClock clock;

    AdviceFixtures fixtures;
    RestClient advisor;
    int year;

    @BeforeEach
    void toTheEndOfASchoolYear() {
        fixtures = new AdviceFixtures(port);
        advisor = fixtures.advisor();
        // 20 August, three years on: the school year (year-1)-(year) ends in eleven days
        year = LocalDate.now(clock).getYear() + 3;
        moveTo(LocalDateTime.of(year, 8, 20, 10, 0));
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    private void moveTo(LocalDateTime at) {
        clock.advance(Duration.between(clock.instant(), at.toInstant(ZoneOffset.UTC)));
    }

    @Test
    void whatHappensToCasesIsCountedPerMonthAndTheYearlyReportCoversSeptemberToAugust() {
        String email = "joost.figures@example.org";
        String first = fixtures.ask("Joost Bakker", email, "Kan ik wiskunde geven?",
                fixtures.slot(advisor, clock.instant()));
        fixtures.ask("Joost Bakker", email, "Nog een vraag", fixtures.slot(advisor, clock.instant()));
        String second = fixtures.ask("Eva Smit", "eva.figures@example.org", "Wat kost het?",
                fixtures.slot(advisor, clock.instant()));
        json(post(fixtures.anyone(), "/api/route-finder/sessions", ""), 201);
        contact(first, LocalDate.of(year, 8, 19));
        contact(first, LocalDate.of(year, 8, 20));
        json(post(advisor, "/api/cases/" + first + "/phase", "{\"phase\":\"PREPARING\"}"), 200);
        json(post(advisor, "/api/cases/" + first + "/referrals", "{\"region\":\"AM36\"}"), 201);
        json(post(advisor, "/api/cases/" + second + "/phase", "{\"phase\":\"LEFT\",\"reason\":\"FINANCES\"}"), 200);
        // refused changes count nothing
        assertThat(post(advisor, "/api/cases/" + first + "/phase", "{\"phase\":\"ORIENTING\"}").getStatusCode()
                .value()).isEqualTo(409);

        moveTo(LocalDateTime.of(year, 9, 2, 10, 0));
        contact(first, LocalDate.of(year, 9, 2));
        json(post(advisor, "/api/cases/" + first + "/outcomes", """
                {"kind":"IN_TRAINING","on":"%s","routeId":"zij-instroom-vo","institution":"Windesheim"}"""
                .formatted(LocalDate.of(year, 9, 2))), 201);

        JsonNode report = json(get(advisor, "/api/figures/yearly-report"), 200);
        assertThat(report.get("schoolYear").asString()).isEqualTo((year - 1) + "-" + year);
        assertThat(report.get("complete").asBoolean()).isTrue();
        JsonNode figures = report.get("figures");
        assertThat(figures.get("from").asString()).isEqualTo((year - 1) + "-09");
        assertThat(figures.get("to").asString()).isEqualTo(year + "-08");
        assertThat(figures.get("months")).hasSize(12);
        JsonNode totals = figures.get("totals");
        assertThat(totals.get("requests").asLong()).isEqualTo(3);
        assertThat(totals.get("newCases").asLong()).isEqualTo(2);
        assertThat(totals.get("advised").asLong()).as("one case, twice in August: advised once").isEqualTo(1);
        assertThat(totals.get("funnel").toString()).isEqualTo(
                "{\"NEW\":2,\"ORIENTING\":1,\"PREPARING\":1,\"IN_TRAINING\":0,\"WORKING\":0}");
        assertThat(totals.get("left").toString()).isEqualTo("{\"FINANCES\":1}");
        assertThat(totals.get("referralsPerRegion").toString()).isEqualTo("{\"AM36\":1}");
        assertThat(totals.get("referrals").toString()).isEqualTo(
                "[{\"region\":\"AM36\",\"sector\":\"VO\",\"subject\":\"wiskunde\",\"count\":1}]");
        assertThat(totals.get("routeFinderSessionsStarted").asLong()).isEqualTo(1);
        assertThat(figures.get("months").get(11).get("advised").asLong()).isEqualTo(1);
        assertThat(figures.get("months").get(0).get("advised").asLong()).isZero();
        assertThat(report.toString()).doesNotContain(first, second, "Joost", email, "Windesheim");

        // the new school year so far: September's conversation and the training start
        JsonNode running = json(get(advisor, "/api/figures/yearly-report?year=" + year), 200);
        assertThat(running.get("complete").asBoolean()).isFalse();
        assertThat(running.get("figures").get("totals").get("advised").asLong()).isEqualTo(1);
        assertThat(running.get("figures").get("totals").get("funnel").get("IN_TRAINING").asLong()).isEqualTo(1);
        assertThat(running.get("figures").get("totals").get("requests").asLong()).isZero();

        JsonNode period = json(get(ApiClient.as(TestTokens.instance().nationalViewer(), port),
                "/api/figures?from=" + year + "-08&to=" + year + "-09"), 200);
        assertThat(period.get("months")).extracting(month -> month.get("advised").asLong())
                .containsExactly(1L, 1L);
        assertThat(period.get("totals").get("funnel").toString()).isEqualTo(
                "{\"NEW\":2,\"ORIENTING\":1,\"PREPARING\":1,\"IN_TRAINING\":1,\"WORKING\":0}");
    }

    @Test
    void badPeriodsAndYearsAreProblems() {
        for (String path : List.of("/api/figures/yearly-report?year=abc", "/api/figures/yearly-report?year=1999",
                "/api/figures/yearly-report?year=" + (year + 1), "/api/figures?from=2026-13",
                "/api/figures?from=2026-09&to=2026-08", "/api/figures?from=2020-01&to=2026-01")) {
            ResponseEntity<String> answer = get(advisor, path);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(400);
            assertThat(answer.getHeaders().getContentType()).as(path).hasToString("application/problem+json");
        }
    }

    private void contact(String caseId, LocalDate on) {
        json(post(advisor, "/api/cases/" + caseId + "/contacts", """
                {"kind":"VIDEO","on":"%s","minutes":25,"summary":"Routes doorgenomen"}""".formatted(on)), 201);
    }

    private static ResponseEntity<String> get(RestClient client, String path) {
        return client.get().uri(path).retrieve().toEntity(String.class);
    }
}
