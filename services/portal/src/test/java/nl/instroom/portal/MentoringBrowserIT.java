package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Cross-mentoring in headless Chromium, signed in through the fake identity server with PKCE: the programme
 * coordinator walks cohort, sign-ups, the matching review (pin, exclude, match again, confirm), the pairs and the
 * figures; a participant walks their pairs, says yes, logs a meeting and gives feedback. Screenshots go to
 * {@code target/screenshots/}.
 */
class MentoringBrowserIT extends PortalBrowserTest {

    @Test
    void theProgrammeCoordinatorEntersASignUpReviewsTheMatchingConfirmsItAndReadsTheFigures() {
        signIn("programme", "/programme");
        assertThat(browser.heading()).isEqualTo("Cross-mentoring: programma's");
        browser.screenshot("mentoring-1-programmes");

        browser.clickAndWait(By.linkText("Voorjaar 2027"));
        assertThat(browser.heading()).isEqualTo("Voorjaar 2027: Aanmeldingen");
        assertThat(browser.findAll(By.cssSelector("#sign-ups tbody tr"))).hasSize(4);
        browser.fill("name", "Joke Mulder");
        browser.fill("email", "joke@ozhw.nl");
        browser.fill("sector", "PO");
        browser.fill("region", "AM36");
        browser.fill("organisation", "OZHW");
        browser.find(By.cssSelector("#theme-WELLBEING option[value='3']")).click();
        browser.clickAndWait(By.cssSelector("#sign-up button[type=submit]"));
        assertThat(browser.find(By.id("problem")).getText()).contains("the person must consent");
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("Joke Mulder");
        browser.screenshot("mentoring-2-sign-up-refused-kept");
        browser.find(By.id("consent")).click();
        browser.fill("staffLink", "21CM00:T-0412");
        browser.find(By.id("staffLinkConsent")).click();
        browser.clickAndWait(By.cssSelector("#sign-up button[type=submit]"));
        assertThat(browser.find(By.id("signed-up")).getText()).contains("Joke Mulder");

        browser.clickAndWait(By.linkText("Matching"));
        browser.clickAndWait(By.cssSelector("#run-matching button"));
        assertThat(browser.find(By.id("optimal")).getText()).isEqualTo("bewezen de beste verdeling");
        assertThat(browser.findAll(By.cssSelector("table.proposals tbody tr"))).hasSize(2);
        assertThat(browser.find(By.cssSelector("table.proposals tbody tr")).getText())
                .contains("Anke de Vries (SPO Zwolle)").contains("leiderschap (heel belangrijk): 30").contains("55");
        browser.find(By.id("pin-0")).click();
        browser.find(By.id("exclude-1")).click();
        browser.screenshot("mentoring-3-matching-review");
        browser.clickAndWait(By.cssSelector("#review button"));
        assertThat(browser.find(By.id("pin-0")).isSelected()).as("the pin holds in the new run").isTrue();
        assertThat(browser.pageSource()).contains("(vastgezet)");
        browser.clickAndWait(By.cssSelector("#confirm button"));
        assertThat(browser.currentUrl()).endsWith("/programme/cohorts/cohort-1/pairs");
        assertThat(browser.find(By.id("confirmed")).isDisplayed()).isTrue();
        assertThat(browser.find(By.id("pairs")).getText()).contains("Anke de Vries (SPO Zwolle) – Bram Jansen");
        browser.screenshot("mentoring-4-pairs");

        browser.clickAndWait(By.linkText("Cijfers"));
        assertThat(browser.findAll(By.cssSelector("svg.bars"))).hasSize(4);
        assertThat(browser.find(By.id("stayed")).getText()).isEqualTo("1 van 2 gebleven, 1 vertrokken of vertrekkend; "
                + "0 onbekend");
        assertThat(browser.find(By.id("active-pair-rate")).getText()).isEqualTo("50%");
        assertThat(browser.find(By.id("chart-feedback")).getText()).contains("halverwege · Schoolleider")
                .contains("4,5");
        browser.screenshot("mentoring-5-figures");
    }

    @Test
    void aParticipantSaysYesLogsAMeetingAndGivesFeedback() {
        signIn("deelnemer", "/mentoring");
        assertThat(browser.heading()).isEqualTo("Mijn koppel");
        assertThat(browser.find(By.id("my-pairs")).getText()).contains("Dirk Boer")
                .contains("uw ja of nee wordt gevraagd");
        browser.screenshot("mentoring-6-my-pairs");

        browser.clickAndWait(By.linkText("Dirk Boer"));
        browser.clickAndWait(By.id("accept"));
        assertThat(browser.find(By.id("pair-status")).getText()).isEqualTo("geaccepteerd, nog niet gestart");

        browser.open("http://127.0.0.1:" + port + "/mentoring/pairs/" + FakeMentoring.MY_ACTIVE);
        browser.fillDate("on", LocalDate.of(2026, 11, 20));
        browser.fill("minutes", "75");
        browser.clickAndWait(By.cssSelector("#meeting button"));
        assertThat(browser.find(By.id("meetings")).getText()).contains("2026-11-20").contains("75");
        browser.find(By.id("score-4")).click();
        browser.fill("feedback-text", "Veel geleerd over werving");
        browser.clickAndWait(By.cssSelector("#give-feedback button"));
        assertThat(browser.find(By.id("feedback")).getText()).contains("halverwege: 4 / 5")
                .contains("Veel geleerd over werving");
        browser.screenshot("mentoring-7-my-pair");
    }

    private void signIn(String username, String landing) {
        browser.deleteCookies();
        browser.open("http://127.0.0.1:" + port + "/");
        browser.waitFor(By.id("username"));
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("sign-in")).click();
        browser.waitForUrlContaining("127.0.0.1:" + port + landing);
    }
}
