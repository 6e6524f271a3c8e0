package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The public route finder in headless Chromium, without signing in: the question, the routes with why they fit or
 * what they miss, and asking for a conversation with consent. Screenshots go to {@code target/screenshots/}.
 */
class AdviceBrowserIT extends PortalBrowserTest {

    @Test
    void aCareerSwitcherFindsTheirRoutesAndAsksForAConversationWithoutSigningIn() {
        browser.open("http://127.0.0.1:" + port + "/route-finder");
        assertThat(browser.heading()).isEqualTo("Routeplanner: leraar worden");
        browser.screenshot("advice-1-route-finder");

        browser.clickAndWait(By.id("start"));
        assertThat(browser.find(By.cssSelector("#question legend")).getText())
                .isEqualTo("In welke sector wil je lesgeven?");
        browser.find(By.id("option-po")).click();
        browser.screenshot("advice-2-question");
        browser.clickAndWait(By.id("next"));

        assertThat(browser.find(By.id("route-deeltijd-pabo")).getText()).contains("Deeltijd pabo")
                .contains("Je wilt lesgeven in het basisonderwijs.");
        assertThat(browser.find(By.id("refused-zij-instroom-po")).getText())
                .contains("Zij-instroom vraagt een afgeronde hbo- of wo-opleiding.");
        browser.screenshot("advice-3-routes");

        browser.clickAndWait(By.id("ask"));
        browser.fill("name", "Joris Smit");
        browser.fill("email", "joris@example.org");
        browser.fill("question", "Kan ik de pabo in deeltijd naast mijn baan doen?");
        browser.find(By.id("consent")).click();
        browser.clickAndWait(By.id("send"));
        assertThat(browser.find(By.id("booked")).getText()).contains("01-12-2026 10:00");
        browser.screenshot("advice-4-booked");
    }
}
