package nl.instroom.e2e;

import nl.instroom.testing.TotpCodes;
import nl.instroom.testing.browser.HeadlessChromium;
import org.openqa.selenium.By;

/** A demo person signing in to the portal in the browser, as the journeys that read pages do. */
final class PortalSignIn {

    static final String PORTAL = "http://127.0.0.1:8080";

    private PortalSignIn() {
    }

    /** Opens the portal, signs in at the identity server's own form with password and code, waits for the start page. */
    static void signIn(HeadlessChromium browser, String username, String startPath) {
        String[] user = RunningStack.demoUserNamed(username);
        browser.open(PORTAL + "/");
        browser.waitFor(By.id("username"));
        browser.find(By.id("username")).sendKeys(user[0]);
        browser.find(By.id("password")).sendKeys(user[3]);
        browser.clickAndWait(By.cssSelector("button[type=submit]"));
        String secret = RunningStack.secondFactorSecret(user[0]);
        for (int attempt = 0; attempt < 3 && !browser.currentUrl().contains("127.0.0.1:8080"); attempt++) {
            // the next step's code when the stack's own sign-in used this one
            browser.waitFor(By.id("code"));
            browser.find(By.id("code")).sendKeys(TotpCodes.next(secret));
            browser.clickAndWait(By.cssSelector("button[type=submit]"));
        }
        browser.waitForUrlContaining("127.0.0.1:8080" + startPath);
    }
}
