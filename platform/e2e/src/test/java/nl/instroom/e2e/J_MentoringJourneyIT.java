package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.MENTORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import nl.instroom.testing.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Cross-mentoring on the local stack: the demo cohort the stack seeded through mentoring's API is there with its
 * pairs in their states; the demo participant, signed in with the username on their sign-up, sees only their own
 * pair and says yes in the portal; the programme coordinator starts it; the participant logs a meeting and gives
 * feedback in the portal, and the coordinator's figures count them. The shortage figures count the demo leaders who
 * linked their staff reference from what the living demo's stay interviews and scouting published about them: one
 * stayed, one left, one became an ambassador. Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class J_MentoringJourneyIT {

    private static final String PORTAL = "http://127.0.0.1:8080";
    private static final String COORDINATOR = "programma.coordinator";
    private static final String PARTICIPANT = "deelnemer.schoolleider";

    private HeadlessChromium browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static RestClient as(String username) {
        return RunningStack.asUser(username, MENTORING).mutate()
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    private static JsonNode get(String username, String path, Object... variables) {
        return as(username).get().uri(path, variables).retrieve().body(JsonNode.class);
    }

    private static String demoCohort() {
        JsonNode programme = StreamSupport.stream(get(COORDINATOR, "/api/programmes").spliterator(), false)
                .filter(p -> p.get("name").asString().equals("Cross-mentoring schoolleiders en bestuurders"))
                .findFirst().orElseThrow();
        return get(COORDINATOR, "/api/programmes/{id}/cohorts", programme.get("id").asString()).get(0).get("id")
                .asString();
    }

    @Test
    @Order(1)
    void theDemoCohortHasItsSignUpsAndPairsInEveryStateAndTheParticipantSeesOnlyTheirOwn() {
        String cohort = demoCohort();
        assertThat(get(COORDINATOR, "/api/cohorts/{id}/sign-ups", cohort).size()).isEqualTo(11);
        Map<String, Long> byStatus = StreamSupport.stream(get(COORDINATOR, "/api/cohorts/{id}/pairs", cohort)
                .spliterator(), false).collect(Collectors.groupingBy(p -> p.get("status").asString(),
                Collectors.counting()));
        assertThat(byStatus).isEqualTo(Map.of("PROPOSED", 1L, "ACTIVE", 2L, "ACCEPTED", 1L, "DECLINED", 1L,
                "ENDED_EARLY", 1L));
        JsonNode figures = get(COORDINATOR, "/api/cohorts/{id}/figures", cohort);
        assertThat(figures.get("pairsMatched").asInt()).isEqualTo(6);
        assertThat(figures.get("pairsStarted").asInt()).isEqualTo(3);
        assertThat(figures.get("meetings").asInt()).isEqualTo(3);
        assertThat(figures.get("earlyEndings").get("NO_TIME").asInt()).isEqualTo(1);
        assertThat(StreamSupport.stream(get(COORDINATOR, "/api/cohorts/{id}/sign-ups", cohort).spliterator(), false)
                .filter(signUp -> signUp.hasNonNull("staffLinkSchool")).count()).as("leaders with a staff link")
                .isEqualTo(2);
        // three leaders' pairs started: Ilse Hoekstra's school takes part and she stays, and the scout nominated her
        // ambassador; Ruben Mulder's HR entered a leaving date; Marieke Visser gave no link
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(shortage(cohort))
                .isEqualTo(Map.of("leadersTookPart", 3, "followed", 2, "stayed", 1, "left", 1, "unknown", 1,
                        "ambassadors", 1)));

        JsonNode mine = get(PARTICIPANT, "/api/my/pairs");
        assertThat(mine.size()).isEqualTo(1);
        assertThat(mine.get(0).get("status").asString()).isEqualTo("PROPOSED");
        assertThat(mine.get(0).get("partner").get("name").asString()).isEqualTo("Hendrik Jansen");
        assertThat(mine.get(0).get("partnerAccepted").asBoolean()).isTrue();
        Map<String, JsonNode> pairs = StreamSupport.stream(get(COORDINATOR, "/api/cohorts/{id}/pairs", cohort)
                .spliterator(), false).collect(Collectors.toMap(p -> p.get("id").asString(), Function.identity()));
        String someoneElses = pairs.keySet().stream().filter(id -> !id.equals(mine.get(0).get("id").asString()))
                .findFirst().orElseThrow();
        assertThat(as(PARTICIPANT).get().uri("/api/my/pairs/{id}", someoneElses).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("another person's pair does not exist for them").isEqualTo(404);
        assertThat(as(PARTICIPANT).get().uri("/api/cohorts/{id}/pairs", cohort).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("nor the coordinator's lists").isEqualTo(403);
    }

    @Test
    @Order(2)
    void theParticipantSaysYesInThePortalTheCoordinatorStartsThePairAndItsMeetingIsCounted() {
        browser = HeadlessChromium.openOrSkip(Duration.ofSeconds(60));
        String pair = get(PARTICIPANT, "/api/my/pairs").get(0).get("id").asString();
        signIn(PARTICIPANT, "/mentoring");
        assertThat(browser.heading()).isEqualTo("Mijn koppel");
        browser.clickAndWait(By.linkText("Hendrik Jansen"));
        browser.clickAndWait(By.id("accept"));
        assertThat(browser.find(By.id("pair-status")).getText()).isEqualTo("geaccepteerd, nog niet gestart");
        browser.screenshot("stack-mentoring-1-participant-said-yes");

        assertThat(as(COORDINATOR).post().uri("/api/pairs/{id}/activation", pair)
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().toBodilessEntity().getStatusCode()
                .value()).isEqualTo(200);

        browser.open(PORTAL + "/mentoring/pairs/" + pair);
        browser.fillDate("on", LocalDate.now(ZoneOffset.UTC));
        browser.fill("minutes", "80");
        browser.clickAndWait(By.cssSelector("#meeting button"));
        assertThat(browser.find(By.id("meetings")).getText()).contains("80");
        browser.find(By.id("score-5")).click();
        browser.clickAndWait(By.cssSelector("#give-feedback button"));
        assertThat(browser.find(By.id("feedback")).getText()).contains("5 / 5");
        browser.screenshot("stack-mentoring-2-participant-meeting-and-feedback");

        JsonNode figures = get(COORDINATOR, "/api/cohorts/{id}/figures", demoCohort());
        assertThat(figures.get("meetings").asInt()).isEqualTo(4);
        assertThat(figures.get("pairsActiveNow").asInt()).isEqualTo(3);
        assertThat(shortage(demoCohort())).as("the participant took part now, without a staff link: unknown")
                .isEqualTo(Map.of("leadersTookPart", 4, "followed", 2, "stayed", 1, "left", 1, "unknown", 2,
                        "ambassadors", 1));

        browser.deleteCookies();
        signIn(COORDINATOR, "/programme");
        browser.clickAndWait(By.linkText("Demo-ronde"));
        browser.clickAndWait(By.linkText("Cijfers"));
        assertThat(browser.findAll(By.cssSelector("svg.bars"))).as("pairs, feedback, endings, shortage").hasSize(4);
        browser.screenshot("stack-mentoring-3-coordinator-figures");
    }

    /** The cohort's shortage figures, each as a number. */
    private static Map<String, Integer> shortage(String cohort) {
        JsonNode shortage = get(COORDINATOR, "/api/cohorts/{id}/figures", cohort).get("shortage");
        return shortage.propertyNames().stream().collect(Collectors.toMap(Function.identity(),
                name -> shortage.get(name).asInt()));
    }

    private void signIn(String username, String startPath) {
        PortalSignIn.signIn(browser, username, startPath);
    }
}
