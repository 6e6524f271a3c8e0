package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each role's main journey in headless Chromium (the system's {@code chromium} and {@code chromedriver}, which
 * {@code .ci/run} installs): signing in through the authorization endpoint with PKCE, then the pages, against the
 * portal on a real port and {@link FakeServices}. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrowserJourneysIT {

    static final Path CHROMIUM = Path.of(System.getProperty("instroom.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("instroom.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final FakeServices SERVICES = fake();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        PortalTestSetup.pointAt(SERVICES, registry);
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (Debian packages "
                        + "chromium and chromium-driver; .ci/run installs them)");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=nl-NL", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCoordinatorFindsTheNeediestSchoolsMatchesTutorsAndAcceptsTheProposals() throws IOException {
        signIn("coordinator");
        assertThat(browser.getCurrentUrl()).endsWith("/coordinator/map");
        assertThat(heading()).isEqualTo("Kaart van de regio");
        assertThat(browser.findElements(By.cssSelector("svg.map circle"))).hasSize(3);
        screenshot("coordinator-1-map");
        browser.manage().window().setSize(new Dimension(820, 1180));
        screenshot("coordinator-1-map-tablet");
        browser.manage().window().setSize(new Dimension(1280, 900));

        clickAndWait(By.linkText("Ranglijst"));
        browser.findElement(By.cssSelector("#school-21CM00 summary")).click();
        assertThat(browser.findElement(By.cssSelector("#school-21CM00 table.why")).getText())
                .contains("2.5 FTE open, weighted by urgency");
        screenshot("coordinator-2-ranking-why");

        clickAndWait(By.linkText("Greijdanus Zwolle"));
        assertThat(browser.findElements(By.cssSelector("svg.chart circle.dot"))).hasSize(3);
        screenshot("coordinator-3-school-history");

        clickAndWait(By.linkText("Tutoren"));
        fill("name", "Sanne de Vries");
        fill("schoolAttended", "Celeanum");
        fill("schoolYear", "4");
        browser.findElement(By.id("dateOfBirth")).sendKeys("02-03-2011");
        fill("subject-field", "wiskunde");
        fill("pc4", "80");
        browser.findElement(By.id("day-MONDAY")).click();
        clickAndWait(By.cssSelector("#register-tutor button[type=submit]"));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("must be a 4-digit postcode area");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Sanne de Vries");
        assertThat(browser.findElement(By.id("day-MONDAY")).isSelected()).isTrue();
        screenshot("coordinator-4-tutor-form-error-kept");
        fill("pc4", "8011");
        clickAndWait(By.cssSelector("#register-tutor button[type=submit]"));
        assertThat(browser.findElement(By.id("tutor-id")).getText()).startsWith("tutor-");

        clickAndWait(By.linkText("Matching"));
        fill("subject", "wiskunde");
        clickAndWait(By.cssSelector("#run-matching button"));
        assertThat(browser.findElements(By.cssSelector("table.proposals tbody tr"))).hasSize(3);
        browser.findElement(By.id("pin-0")).click();
        browser.findElement(By.id("exclude-1")).click();
        screenshot("coordinator-5-matching-review");
        clickAndWait(By.cssSelector("#review button"));
        assertThat(browser.findElements(By.cssSelector("table.proposals tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("pin-0")).isSelected()).isTrue();
        clickAndWait(By.cssSelector("#accept button"));
        assertThat(browser.getCurrentUrl()).endsWith("/coordinator/placements");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("placement-7");
        new Select(browser.findElement(By.id("schoolCode"))).selectByValue("21CM00");
        clickAndWait(By.cssSelector("form.filters button"));
        clickAndWait(By.cssSelector("td form button"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Plaatsing bevestigd");
        screenshot("coordinator-6-placements");

        browser.get(url("/admin/erasure"));
        assertThat(heading()).isEqualTo("Geen toegang");
        browser.get(url("/hr/staff"));
        assertThat(heading()).isEqualTo("Geen toegang");
        screenshot("coordinator-7-no-access-to-admin");
        assertThat(SERVICES.calls()).filteredOn(call -> call.path().startsWith("/api/matching"))
                .extracting(FakeServices.Call::token).containsOnly("access-coordinator");
    }

    @Test
    void anAdminRequestsAnErasureFollowsItAndSearchesTheAuditTrailInEnglish() throws IOException {
        signIn("admin");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/erasure");
        clickAndWait(By.linkText("English"));
        assertThat(heading()).isEqualTo("Erasure requests");
        fill("subjectRef", "tutor-1");
        clickAndWait(By.cssSelector("#erasure-form button"));
        assertThat(browser.findElement(By.id("erasure-status")).getText()).isEqualTo("In progress");
        screenshot("admin-1-erasure-request");

        clickAndWait(By.linkText("Audit log"));
        new Select(browser.findElement(By.id("service"))).selectByValue("tutoring");
        fill("subjectRef", "tutor-1");
        clickAndWait(By.cssSelector("#audit-form button"));
        assertThat(browser.findElement(By.id("audit-entries")).getText()).contains("tutor.read");
        screenshot("admin-2-audit");

        browser.get(url("/coordinator/map"));
        assertThat(heading()).isEqualTo("No access");
        assertThat(browser.findElements(By.linkText("Map"))).isEmpty();
        assertThat(SERVICES.calls()).filteredOn(call -> call.path().startsWith("/api/admin"))
                .extracting(FakeServices.Call::token).contains("access-admin").doesNotContain("access-coordinator");
    }

    @Test
    void aScoutTakesASuggestionIntoThePipelineAndReadsTheFunnel() throws IOException {
        signIn("scout");
        assertThat(browser.getCurrentUrl()).endsWith("/scout/suggestions");
        assertThat(browser.findElements(By.cssSelector("article.card"))).hasSize(2);
        fill("rationale-suggestion-1", "legt geduldig uit, helpt klasgenoten al twee jaar lang");
        clickAndWait(By.cssSelector("#suggestion-suggestion-1 form button"));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("rationale");
        assertThat(browser.findElement(By.id("rationale-suggestion-1")).getAttribute("value"))
                .isEqualTo("legt geduldig uit, helpt klasgenoten al twee jaar lang");
        screenshot("scout-1-suggestion-error-kept");
        fill("rationale-suggestion-1", "legt geduldig uit");
        clickAndWait(By.cssSelector("#suggestion-suggestion-1 form button"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("pijplijn");

        clickAndWait(By.linkText("Pijplijn"));
        assertThat(browser.findElement(By.id("stage-FLAGGED")).getText()).contains("Gesignaleerd (1)");
        assertThat(browser.findElements(By.cssSelector("svg.funnel rect.bar"))).hasSize(4);
        screenshot("scout-2-pipeline-funnel");
        browser.get(url("/coordinator/map"));
        assertThat(heading()).isEqualTo("Geen toegang");
    }

    @Test
    void schoolHrSeesWhoIsDueAndRecordsAStayInterviewWithTheHealthWarningInSight() throws IOException {
        signIn("hr");
        assertThat(browser.getCurrentUrl()).endsWith("/hr/staff");
        assertThat(browser.findElement(By.id("due")).getText()).contains("T-0077");
        assertThat(browser.findElements(By.cssSelector("svg.chart circle.dot"))).hasSize(2);
        screenshot("hr-1-staff-due-trend");
        clickAndWait(By.cssSelector("#due a"));
        assertThat(browser.findElement(By.id("health-warning")).isDisplayed()).isTrue();
        browser.findElement(By.id("heldOn")).sendKeys("20-11-2026");
        fill("interviewer", "M. Jansen");
        fill("whyStay", "het team");
        screenshot("hr-2-interview-form");
        clickAndWait(By.cssSelector("#interview-form button"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("opgeslagen");
        browser.get(url("/scout/pipeline"));
        assertThat(heading()).isEqualTo("Geen toegang");
    }

    /** Opens the portal, which sends the browser to the identity server's sign-in, and signs in. */
    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("username")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(
                "127.0.0.1:" + port + "/" + List.of("coordinator", "admin", "scout", "hr").stream()
                        .filter(username::equals).findFirst().orElse("")));
    }

    /** Clicks something that loads a new page and waits until the old one is gone. */
    private void clickAndWait(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
    }

    private void fill(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static FakeServices fake() {
        try {
            return new FakeServices();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
