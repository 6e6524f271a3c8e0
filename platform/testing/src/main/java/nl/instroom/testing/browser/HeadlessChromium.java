package nl.instroom.testing.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium window, Dutch by default, 1280×900. Screenshots go to {@code target/screenshots/}.
 * Close it after each test.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getProperty("instroom.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("instroom.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String OLD_PAGE_MARK = "instroomPageBeforeClick";

    private final ChromeDriver driver;
    private final Duration patience;

    private HeadlessChromium(ChromeDriver driver, Duration patience) {
        this.driver = driver;
        this.patience = patience;
    }

    /**
     * Opens a browser, or skips the calling test when this machine has no Chromium.
     *
     * @param patience how long a page may take to load (the whole local stack is slower than a test double)
     */
    public static HeadlessChromium openOrSkip(Duration patience) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (Debian packages "
                        + "chromium and chromium-driver; .ci/run installs them)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=nl-NL", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(patience);
        return new HeadlessChromium(driver, patience);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public void fill(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /**
     * Puts a date in a date field. Typing one depends on the browser's locale (Chromium in a container often
     * ignores {@code --lang} and expects month first); a date field's value is ISO-8601 in every locale.
     */
    public void fillDate(String id, LocalDate date) {
        WebElement field = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, date.toString());
    }

    /**
     * Clicks something that loads a new page and returns once the new page has loaded. The old page is marked
     * before the click; an element reference to it would not do, because while Chromium swaps documents it may
     * answer questions about the old element with errors other than "stale".
     */
    public void clickAndWait(By target) {
        ((JavascriptExecutor) driver).executeScript("window." + OLD_PAGE_MARK + " = true;");
        driver.findElement(target).click();
        new WebDriverWait(driver, patience)
                .ignoring(WebDriverException.class)
                .withMessage(() -> "a new page after clicking " + target + "; fields the browser holds invalid "
                        + "(which stops a form being sent): " + invalidFields())
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window." + OLD_PAGE_MARK + " === undefined && document.readyState === 'complete';")));
    }

    /**
     * Presses a key in the element that has the focus, as a keyboard would (no mouse, no click), and returns once
     * the new page it loads has loaded.
     */
    public void pressAndWait(CharSequence key) {
        ((JavascriptExecutor) driver).executeScript("window." + OLD_PAGE_MARK + " = true;");
        press(key);
        new WebDriverWait(driver, patience)
                .ignoring(WebDriverException.class)
                .withMessage(() -> "a new page after pressing a key in " + describeFocus())
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window." + OLD_PAGE_MARK + " === undefined && document.readyState === 'complete';")));
    }

    /** Presses keys in the element that has the focus, as a keyboard would. */
    public void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Presses a key with Shift held down (Shift+Tab goes back), as a keyboard would. */
    public void pressShifted(CharSequence key) {
        new Actions(driver).keyDown(org.openqa.selenium.Keys.SHIFT).sendKeys(key).keyUp(org.openqa.selenium.Keys.SHIFT)
                .perform();
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** The focused element as a person would name it: its tag, id and text. */
    public String describeFocus() {
        WebElement element = focused();
        return element.getTagName() + "#" + element.getAttribute("id") + " '" + element.getText() + "'";
    }

    private Object invalidFields() {
        try {
            return ((JavascriptExecutor) driver).executeScript("return Array.from(document.querySelectorAll("
                    + "'input:invalid, select:invalid, textarea:invalid')).map(function (f) { return f.id; });");
        } catch (WebDriverException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    public void waitFor(By target) {
        new WebDriverWait(driver, patience).until(ExpectedConditions.presenceOfElementLocated(target));
    }

    public void waitForUrlContaining(String fragment) {
        new WebDriverWait(driver, patience).until(ExpectedConditions.urlContains(fragment));
    }

    /**
     * Waits until the page's address starts with {@code prefix}. After a sign-in, prefer this to
     * {@link #waitForUrlContaining}: the identity server's authorize address carries the portal's address in its
     * {@code redirect_uri}, so "contains the portal's address" is already true before the sign-in came back.
     */
    public void waitForUrlStartingWith(String prefix) {
        new WebDriverWait(driver, patience).until(current -> current.getCurrentUrl().startsWith(prefix));
    }

    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
