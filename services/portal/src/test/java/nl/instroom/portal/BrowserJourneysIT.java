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

        browser.findElement(By.linkText("Ranglijst")).click();
        browser.findElement(By.cssSelector("#school-21CM00 summary")).click();
        assertThat(browser.findElement(By.cssSelector("#school-21CM00 table.why")).getText())
                .contains("2.5 FTE open, weighted by urgency");
        screenshot("coordinator-2-ranking-why");

        browser.findElement(By.linkText("Greijdanus Zwolle")).click();
        assertThat(browser.findElements(By.cssSelector("svg.chart circle.dot"))).hasSize(3);
        screenshot("coordinator-3-school-history");

        browser.findElement(By.linkText("Tutoren")).click();
        fill("name", "Sanne de Vries");
        fill("schoolAttended", "Celeanum");
        fill("schoolYear", "4");
        browser.findElement(By.id("dateOfBirth")).sendKeys("02-03-2011");
        fill("subject-field", "wiskunde");
        fill("pc4", "80");
        browser.findElement(By.id("day-MONDAY")).click();
        browser.findElement(By.cssSelector("#register-tutor button[type=submit]")).click();
        assertThat(browser.findElement(By.id("problem")).getText()).contains("must be a 4-digit postcode area");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Sanne de Vries");
        assertThat(browser.findElement(By.id("day-MONDAY")).isSelected()).isTrue();
        screenshot("coordinator-4-tutor-form-error-kept");
        fill("pc4", "8011");
        browser.findElement(By.cssSelector("#register-tutor button[type=submit]")).click();
        assertThat(browser.findElement(By.id("tutor-id")).getText()).startsWith("tutor-");

        browser.findElement(By.linkText("Matching")).click();
        fill("subject", "wiskunde");
        browser.findElement(By.cssSelector("#run-matching button")).click();
        assertThat(browser.findElements(By.cssSelector("table.proposals tbody tr"))).hasSize(3);
        browser.findElement(By.id("pin-0")).click();
        browser.findElement(By.id("exclude-1")).click();
        screenshot("coordinator-5-matching-review");
        browser.findElement(By.cssSelector("#review button")).click();
        assertThat(browser.findElements(By.cssSelector("table.proposals tbody tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("pin-0")).isSelected()).isTrue();
        browser.findElement(By.cssSelector("#accept button")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/coordinator/placements");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("placement-7");
        new Select(browser.findElement(By.id("schoolCode"))).selectByValue("21CM00");
        browser.findElement(By.cssSelector("form.filters button")).click();
        browser.findElement(By.cssSelector("td form button")).click();
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
        browser.findElement(By.linkText("English")).click();
        assertThat(heading()).isEqualTo("Erasure requests");
        fill("subjectRef", "tutor-1");
        browser.findElement(By.cssSelector("#erasure-form button")).click();
        assertThat(browser.findElement(By.id("erasure-status")).getText()).isEqualTo("In progress");
        screenshot("admin-1-erasure-request");

        browser.findElement(By.linkText("Audit log")).click();
        new Select(browser.findElement(By.id("service"))).selectByValue("tutoring");
        fill("subjectRef", "tutor-1");
        browser.findElement(By.cssSelector("#audit-form button")).click();
        assertThat(browser.findElement(By.id("audit-entries")).getText()).contains("tutor.read");
        screenshot("admin-2-audit");

        browser.get(url("/coordinator/map"));
        assertThat(heading()).isEqualTo("No access");
        assertThat(browser.findElements(By.linkText("Map"))).isEmpty();
        assertThat(SERVICES.calls()).filteredOn(call -> call.path().startsWith("/api/admin"))
                .extracting(FakeServices.Call::token).contains("access-admin").doesNotContain("access-coordinator");
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
                "127.0.0.1:" + port + "/" + List.of("coordinator", "admin").stream()
                        .filter(username::equals).findFirst().orElse("")));
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
