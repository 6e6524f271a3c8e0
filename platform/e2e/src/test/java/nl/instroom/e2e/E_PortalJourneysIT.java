package nl.instroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal on the whole stack, in headless Chromium: each role signs in at the real identity server's sign-in
 * form, lands on its own pages and sees what the earlier journeys put there; another role's pages say "no access".
 * Screenshots go to {@code target/screenshots/}.
 */
@ExtendWith(RunningStack.class)
class E_PortalJourneysIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String PORTAL = "http://127.0.0.1:8080";

    private WebDriver browser;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "Portal journeys skipped: "
                + "Debian's chromium and chromium-driver are missing (.ci/run installs them)");
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=nl-NL", "--window-size=1280,900");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theCoordinatorSeesTheRegionMapAndTheRankingOfTheRealStack() throws IOException {
        signIn("COORDINATOR", "/coordinator/map");
        assertThat(browser.findElements(By.cssSelector("svg circle"))).as("schools on the map").hasSizeGreaterThan(100);
        screenshot("stack-coordinator-map");
        browser.get(PORTAL + "/coordinator/ranking");
        assertThat(browser.findElements(By.cssSelector("table tbody tr"))).isNotEmpty();
        screenshot("stack-coordinator-ranking");
    }

    @Test
    void schoolHrSeesItsStaffAndNotTheCoordinatorsPages() throws IOException {
        signIn("SCHOOL_HR", "/hr");
        browser.get(PORTAL + "/hr/staff");
        assertThat(browser.getPageSource()).contains("docent-wi-07");
        screenshot("stack-hr-staff");
        browser.get(PORTAL + "/coordinator/map");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Geen toegang");
    }

    @Test
    void theScoutSeesThePipelineAndTheFunnel() throws IOException {
        signIn("TALENT_SCOUT", "/scout");
        browser.get(PORTAL + "/scout/pipeline");
        assertThat(browser.findElements(By.cssSelector("#stage-ENROLLED .card"))).as("the enrolled ambassador")
                .hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain("Fleur");
        screenshot("stack-scout-pipeline");
    }

    @Test
    void theAdminFollowsTheErasureRequest() throws IOException {
        signIn("ADMIN", "/admin");
        browser.get(PORTAL + "/admin/erasure");
        assertThat(browser.findElements(By.cssSelector("table tbody tr"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("table tbody tr")).getText()).contains("TUTOR");
        screenshot("stack-admin-erasure");
    }

    /** Opens the portal, signs in at the identity server's own form and waits for the role's start page. */
    private void signIn(String role, String startPath) {
        String[] user = RunningStack.demoUser(role);
        browser.get(PORTAL + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).as("the sign-in is the identity server's").contains(":9000/");
        browser.findElement(By.id("username")).sendKeys(user[0]);
        browser.findElement(By.id("password")).sendKeys(user[3]);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("127.0.0.1:8080" + startPath));
    }

    private void screenshot(String name) throws IOException {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
