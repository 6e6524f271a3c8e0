package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.instroom.testing.browser.Accessibility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * WCAG 2.1 AA in headless Chromium against {@link FakeServices}: axe-core on every page each role can reach (a
 * crawl from the role's start page along every link, so pages added later are checked too), the public pages,
 * and a coordinator's journey by keyboard alone. One sign-in per role; the portal and the browser are the
 * {@link PortalBrowserTest shared} ones.
 */
class AccessibilityBrowserIT extends PortalBrowserTest {

    @Test
    void everyPageOfEveryRoleAndThePublicPagesPassAxeAtWcag21AA() {
        Accessibility axe = new Accessibility(browser);
        List<String> pages = new ArrayList<>();
        List<Accessibility.Violation> violations = new ArrayList<>();
        for (String person : FakeServices.PEOPLE.stream().map(FakeServices.Person::username).toList()) {
            signIn(person);
            if (person.equals("coordinator")) {
                // a matching run, so that the list links to a run's page
                browser.open(url("/coordinator/matching"));
                browser.fill("subject", "wiskunde");
                browser.clickAndWait(By.cssSelector("#run-matching button"));
            }
            // "/" is the role's start page; another role's page shows the "no access" page, which is checked too
            Accessibility.Report report = axe.crawl(origin(), List.of("/", "/no-such-page", "/admin/audit",
                    "/coordinator/map"), 60);
            pages.addAll(report.pages());
            violations.addAll(report.violations());
        }
        browser.deleteCookies();
        Accessibility.Report open = axe.crawl(origin(), List.of("/route-finder", "/advice-request", "/signed-out",
                "/accessibility"), 20);
        pages.addAll(open.pages());
        violations.addAll(open.violations());

        String report = new Accessibility.Report(pages, violations).describe();
        assertThat(pages).as("the crawl reached every role's pages; " + report)
                .anyMatch(page -> page.contains("/coordinator/schools/"))
                .anyMatch(page -> page.contains("/coordinator/matching/"))
                .anyMatch(page -> page.contains("/hr/staff/"))
                .anyMatch(page -> page.contains("/scout/pipeline"))
                .anyMatch(page -> page.contains("/admin/school-keys"))
                .anyMatch(page -> page.contains("/advisor/cases/"))
                .anyMatch(page -> page.contains("/advisor/figures/yearly-report"))
                .anyMatch(page -> page.contains("/national"))
                .anyMatch(page -> page.contains("/route-finder"))
                .anyMatch(page -> page.endsWith("/accessibility"));
        assertThat(violations).as(report).isEmpty();
    }

    @Test
    void everyPagesFooterLinksToTheAccessibilityStatementWhichAnyoneCanReadWithoutSigningIn() {
        signIn("hr");
        browser.clickAndWait(By.cssSelector("footer a[href='/accessibility']"));
        assertThat(browser.heading()).isEqualTo("Toegankelijkheidsverklaring");
        assertThat(browser.find(By.tagName("main")).getText()).contains("WCAG) 2.1 op niveau A en AA")
                .contains("EN 301 549").contains("axe-core").contains("alleen het toetsenbord")
                .contains("geen onderzoek door een onafhankelijke deskundige");
        assertThat(browser.findAll(By.cssSelector("#limitations li"))).as("the known limitations").hasSize(5);
        assertThat(browser.find(By.id("contact-missing")).getText()).as("no made-up address: the operator's to give")
                .contains("INSTROOM_PORTAL_ACCESSIBILITY_CONTACT");
        assertThat(browser.findAll(By.id("contact"))).isEmpty();
        browser.screenshot("accessibility-statement");

        browser.deleteCookies();
        browser.open(url("/signed-out"));
        browser.clickAndWait(By.cssSelector("footer a[href='/accessibility']"));
        assertThat(browser.currentUrl()).as("no sign-in asked").isEqualTo(url("/accessibility"));
        browser.open(url("/accessibility?lang=en"));
        assertThat(browser.heading()).isEqualTo("Accessibility statement");
        assertThat(browser.find(By.cssSelector("footer a")).getText()).isEqualTo("Accessibility statement");
    }

    @Test
    void theCheckFindsWhatWcagForbidsSoACleanResultMeansSomething() {
        browser.deleteCookies();
        browser.open(url("/route-finder"));
        ((JavascriptExecutor) browser.driver()).executeScript("""
                var main = document.querySelector('main');
                main.insertAdjacentHTML('beforeend', '<img src="/nothing.png">'
                  + '<p style="color:#bbbbbb;background:#ffffff">pale grey on white</p>'
                  + '<input id="unlabelled" type="text">');
                document.documentElement.removeAttribute('lang');
                """);
        assertThat(new Accessibility(browser).check()).extracting(Accessibility.Violation::rule)
                .contains("image-alt", "color-contrast", "label", "html-has-lang");
    }

    @Test
    void aCoordinatorFindsTheNeediestSchoolsWhyAndHistoryByKeyboardAlone() {
        signIn("coordinator");
        browser.open(url("/coordinator/ranking"));

        browser.press(Keys.TAB);
        WebElement skip = browser.focused();
        assertThat(skip.getText()).as("the first Tab stop").isEqualTo("Naar de inhoud");
        assertThat(skip.isDisplayed()).isTrue();
        assertVisibleFocus(skip);
        browser.press(Keys.ENTER);
        assertThat(browser.currentUrl()).endsWith("#main");
        browser.press(Keys.TAB);
        assertThat(browser.focused().findElements(By.xpath("ancestor::header"))).as("past the navigation: "
                + browser.describeFocus()).isEmpty();

        // The filters: tick "also schools without need" with Space and send the form with Enter
        tabTo(By.id("all"));
        browser.press(Keys.SPACE);
        assertThat(browser.find(By.id("all")).isSelected()).isTrue();
        tabTo(By.cssSelector("form.filters button[type=submit]"));
        assertVisibleFocus(browser.focused());
        browser.pressAndWait(Keys.ENTER);
        assertThat(browser.currentUrl()).contains("all=true");

        // The neediest school's why: its summary opened with Enter, then back with Shift+Tab to its name
        tabTo(By.cssSelector("#school-21CM00 summary"));
        assertVisibleFocus(browser.focused());
        browser.press(Keys.ENTER);
        assertThat(browser.find(By.cssSelector("#school-21CM00 table.why")).isDisplayed()).isTrue();
        assertThat(browser.find(By.cssSelector("#school-21CM00 table.why")).getText())
                .contains("2.5 FTE open, weighted by urgency");
        browser.screenshot("keyboard-1-ranking-why");
        for (int i = 0; i < 10 && !"Greijdanus Zwolle".equals(browser.focused().getText()); i++) {
            browser.pressShifted(Keys.TAB);
        }
        assertThat(browser.focused().getText()).as("Shift+Tab back to the school's name").isEqualTo("Greijdanus Zwolle");
        assertVisibleFocus(browser.focused());
        browser.pressAndWait(Keys.ENTER);
        assertThat(browser.heading()).contains("Greijdanus Zwolle");
        assertThat(browser.findAll(By.cssSelector("svg.chart circle.dot"))).hasSize(3);
        browser.screenshot("keyboard-2-school-history");

        // and on to the tutors' page by the navigation, without a mouse
        browser.open(url("/coordinator/tutors"));
        tabTo(By.id("name"));
        browser.press("Sanne de Vries");
        assertVisibleFocus(browser.focused());
        assertThat(new Accessibility(browser).check()).as("the tutor form with the focus in it").isEmpty();
    }

    /** Presses Tab until the element has the focus (at most 80 times), as someone without a mouse would. */
    private void tabTo(By target) {
        WebElement wanted = browser.find(target);
        for (int i = 0; i < 80 && !wanted.equals(browser.focused()); i++) {
            browser.press(Keys.TAB);
        }
        assertThat(browser.focused()).as("Tab reaches " + target + "; now at " + browser.describeFocus())
                .isEqualTo(wanted);
    }

    /** The focused element shows a focus ring: an outline at least 2px wide, or a box shadow. */
    private void assertVisibleFocus(WebElement element) {
        String outline = element.getCssValue("outline-style");
        double width = Double.parseDouble(element.getCssValue("outline-width").replace("px", ""));
        String shadow = element.getCssValue("box-shadow");
        assertThat(!"none".equals(outline) && width >= 2 || !"none".equals(shadow))
                .as("a visible focus style on " + element.getTagName() + " '" + element.getText() + "': outline "
                        + outline + " " + width + "px, box-shadow " + shadow)
                .isTrue();
    }

    /** Signs in at the stand-in authorization server by keyboard: the name typed, Enter to send. */
    private void signIn(String username) {
        browser.deleteCookies();
        browser.open(url("/"));
        browser.waitFor(By.id("username"));
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("username")).sendKeys(Keys.ENTER);
        browser.waitForUrlStartingWith("http://127.0.0.1:" + port + "/");
        browser.waitFor(By.tagName("h1"));
    }
}
