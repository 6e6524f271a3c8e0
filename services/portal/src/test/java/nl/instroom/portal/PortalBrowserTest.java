package nl.instroom.portal;

import java.time.Duration;
import java.util.Map;
import nl.instroom.testing.browser.HeadlessChromium;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser test of the {@link SharedPortal}: one headless Chromium for the test JVM (starting one per test cost
 * about a second each), handed to each test as a new one would be: no cookies (so nobody is signed in and the
 * language is Dutch), scripts on, the usual window size. Closed when the JVM ends.
 */
abstract class PortalBrowserTest extends SharedPortal {

    private static HeadlessChromium shared;
    private static boolean closedAtExit;

    HeadlessChromium browser;

    @BeforeEach
    void cleanBrowser() {
        browser = sharedBrowser();
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        // every origin's cookies (the portal's and the fake identity server's), not only the current page's
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        // a test may have switched scripts off to see the page without them
        chrome.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        browser.resize(1280, 900);
        browser.open("about:blank");
    }

    private static synchronized HeadlessChromium sharedBrowser() {
        if (shared != null) {
            try {
                shared.driver().getWindowHandle();
                return shared;
            } catch (WebDriverException gone) {
                // an earlier test left it unusable (a crash): start another
                quietlyClose();
            }
        }
        shared = HeadlessChromium.openOrSkip(Duration.ofSeconds(30));
        if (!closedAtExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(PortalBrowserTest::quietlyClose, "close-chromium"));
            closedAtExit = true;
        }
        return shared;
    }

    private static synchronized void quietlyClose() {
        if (shared != null) {
            try {
                shared.close();
            } catch (WebDriverException alreadyGone) {
                // nothing left to close
            }
            shared = null;
        }
    }
}
