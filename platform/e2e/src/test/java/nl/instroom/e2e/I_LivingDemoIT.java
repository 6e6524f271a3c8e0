package nl.instroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import nl.instroom.testing.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The living demo, as each demo person finds it on a freshly started stack, in headless Chromium: before anyone has
 * done anything, every role's pages show real content — the coordinators' tutors (both regions), placements and a need
 * history with ups and downs, HR's colleagues, stay-gesprekken, trend and the school's placements, the scouts'
 * suggestions and a pipeline with talents in every stage, the national picture with active tutors in both demo
 * regions, the adviser's case. Nothing is written here; the assertions read only what the stack seeded itself, so
 * this class can run alone or before the journeys. Screenshots go to {@code target/screenshots/living-demo-*}.
 */
@ExtendWith(RunningStack.class)
class I_LivingDemoIT {

    private static final String PORTAL = "http://127.0.0.1:8080";

    private HeadlessChromium browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.openOrSkip(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theCoordinatorsFindTutorsPlacementsAndANeedHistoryWithAShape() {
        String school = RunningStack.hrSchool();
        signIn("coordinator.zwolle", "/coordinator/map");
        assertThat(browser.findAll(By.cssSelector("ol.top-list li"))).as("the neediest schools").isNotEmpty();
        browser.screenshot("living-demo-coordinator-1-map");

        browser.open(PORTAL + "/coordinator/tutors");
        assertThat(browser.findAll(By.cssSelector("#tutor-list tbody tr"))).as("Regio Zwolle's demo tutors")
                .hasSizeGreaterThanOrEqualTo(30);
        browser.screenshot("living-demo-coordinator-2-tutors");

        browser.open(PORTAL + "/coordinator/placements?schoolCode=" + school);
        List<WebElement> placements = browser.findAll(By.cssSelector("tbody tr[id^='placement-row-']"));
        assertThat(placements).as("the demo HR school's placements").isNotEmpty();
        browser.screenshot("living-demo-coordinator-3-placements");

        browser.open(PORTAL + "/coordinator/schools/" + school);
        assertThat(browser.findAll(By.cssSelector("svg.chart circle.dot")))
                .as("need history of the school: the demo's waves of vacancies opened and filled")
                .hasSizeGreaterThanOrEqualTo(4);
        browser.screenshot("living-demo-coordinator-4-school-history");
        List<WebElement> months = browser.findAll(By.cssSelector("#vacancy-history tbody tr"));
        assertThat(months).as("the school's vacancies per month, the last twelve").hasSize(12);
        assertThat(months.subList(0, 11).stream().map(row -> row.findElements(By.cssSelector("td")).get(0).getText())
                .filter(opened -> !opened.equals("0")).count())
                .as("vacancies opened in past months: the demo enters them with their opening day").isPositive();

        browser.close();
        browser = HeadlessChromium.openOrSkip(Duration.ofSeconds(60));
        signIn("coordinator.flevoland", "/coordinator/map");
        browser.open(PORTAL + "/coordinator/tutors");
        assertThat(browser.findAll(By.cssSelector("#tutor-list tbody tr"))).as("Flevoland's demo tutors")
                .hasSizeGreaterThanOrEqualTo(30);
        browser.screenshot("living-demo-coordinator-5-flevoland-tutors");
    }

    @Test
    void schoolHrFindsColleaguesStayInterviewsATrendAndPlacements() {
        signIn(RunningStack.demoUser("SCHOOL_HR")[0], "/hr/staff");
        assertThat(staffRows()).as("colleagues").hasSizeGreaterThanOrEqualTo(9);
        assertThat(staffRows().stream().filter(row -> !cell(row, 6).isBlank()).count())
                .as("colleagues with a stay-gesprek (their risk band)").isPositive();
        assertThat(browser.findAll(By.cssSelector("#due li"))).as("due a stay-gesprek").isNotEmpty();
        assertThat(browser.findAll(By.cssSelector("#overdue li"))).as("follow-up actions over time").isNotEmpty();
        assertThat(browser.findAll(By.cssSelector("svg.chart circle.dot"))).as("expected departures over time")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.find(By.id("main")).getText()).as("a trend (the journeys may change it)")
                .containsAnyOf("stijgend", "dalend");
        browser.screenshot("living-demo-hr-1-staff");

        browser.open(PORTAL + "/hr/staff/docent-wi-101");
        assertThat(browser.find(By.id("main")).getText()).as("a colleague's stay-gesprek, decrypted for HR")
                .contains("De sectie en de leerlingen");
        browser.screenshot("living-demo-hr-2-colleague");

        browser.open(PORTAL + "/hr/placements");
        assertThat(browser.findAll(By.cssSelector("#placements tbody tr"))).as("the school's tutor placements")
                .isNotEmpty();
        browser.screenshot("living-demo-hr-3-placements");
    }

    /**
     * HR of the demo's other schools (which no journey touches), in the stack's order: Regio Zwolle's second and
     * third largest secondary schools, Flevoland's largest — a falling, a rising and a falling risk.
     */
    @Test
    void schoolHrOfOtherSchoolsSeeRisingAndFallingRisks() {
        List<String[]> others = credentials().stream().filter(user -> user[1].equals("SCHOOL_HR")).skip(1).toList();
        assertThat(others).as("HR of three more schools").hasSize(3);
        List<String> trends = List.of("dalend", "stijgend", "dalend");
        for (int i = 0; i < others.size(); i++) {
            if (i > 0) {
                browser.close();
                browser = HeadlessChromium.openOrSkip(Duration.ofSeconds(60));
            }
            signIn(others.get(i)[0], "/hr/staff");
            assertThat(staffRows()).as("colleagues").hasSizeGreaterThanOrEqualTo(9);
            assertThat(browser.find(By.id("main")).getText()).as(others.get(i)[0] + "'s trend")
                    .contains(trends.get(i));
            browser.screenshot("living-demo-hr-" + (4 + i) + "-" + others.get(i)[0] + "-" + trends.get(i));
        }
    }

    @Test
    void theScoutFindsSuggestionsAndTalentsInEveryStage() {
        signIn("scout.zwolle", "/scout/suggestions");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.open(PORTAL + "/scout/suggestions");
            assertThat(browser.findAll(By.cssSelector("article.card")))
                    .as("suggestions from completed placements and shared ambitions").isNotEmpty();
        });
        browser.screenshot("living-demo-scout-1-suggestions");

        browser.open(PORTAL + "/scout/pipeline");
        for (String stage : List.of("FLAGGED", "APPROACHED", "INTERESTED", "ENROLLED", "DECLINED", "WITHDRAWN")) {
            assertThat(browser.findAll(By.cssSelector("#stage-" + stage + " .card"))).as("talents " + stage)
                    .isNotEmpty();
        }
        assertThat(browser.findAll(By.cssSelector("svg.funnel rect.bar"))).as("the funnel").isNotEmpty();
        browser.screenshot("living-demo-scout-2-pipeline");
    }

    @Test
    void theAdminSeesActiveTutorsInBothDemoRegionsNationally() {
        signIn("admin", "/admin/erasure");
        browser.open(PORTAL + "/national");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.open(PORTAL + "/national");
            for (String region : List.of("AM36", "AM11")) {
                List<WebElement> cells = browser.find(By.id("region-" + region)).findElements(By.tagName("td"));
                assertThat(Integer.parseInt(cells.get(cells.size() - 1).getText().trim()))
                        .as("active tutors in " + region).isPositive();
            }
        });
        browser.screenshot("living-demo-admin-1-national");
    }

    @Test
    void theAdviserFindsACase() {
        signIn("adviseur.loket", "/advisor/cases");
        assertThat(browser.findAll(By.cssSelector("main table tbody tr"))).as("the demo career switcher's case")
                .isNotEmpty();
        browser.screenshot("living-demo-adviser-1-cases");
    }

    private List<WebElement> staffRows() {
        return browser.findAll(By.xpath("//main//table/tbody/tr[td[1]/a[contains(@href, '/hr/staff/')]]"));
    }

    private static String cell(WebElement row, int index) {
        return row.findElements(By.tagName("td")).get(index).getText();
    }

    private void signIn(String username, String startPath) {
        PortalSignIn.signIn(browser, username, startPath);
    }

    /** The demo people: username, role, scope, password. */
    private static List<String[]> credentials() {
        try {
            return Files.readAllLines(RunningStack.stack().data().resolve("identity/demo-credentials.txt")).stream()
                    .map(line -> line.trim().split("\\s+")).filter(fields -> fields.length == 4).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
