package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.instroom.testing.browser.Accessibility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Each role's main journey in headless Chromium: signing in through the authorization endpoint with PKCE, then
 * the pages, against the portal on a real port and {@link FakeServices}. Screenshots go to
 * {@code target/screenshots/}. The same portal on the whole local stack: {@code E_PortalJourneysIT} in
 * {@code platform/e2e}.
 */
class BrowserJourneysIT extends PortalBrowserTest {

    @Test
    void aCoordinatorFindsTheNeediestSchoolsMatchesTutorsAndAcceptsTheProposals() {
        signIn("coordinator");
        assertThat(browser.currentUrl()).endsWith("/coordinator/map");
        assertThat(browser.heading()).isEqualTo("Kaart van de regio");
        assertThat(browser.findAll(By.cssSelector("svg.map circle"))).hasSize(5);
        browser.screenshot("coordinator-1-map");
        browser.resize(820, 1180);
        browser.screenshot("coordinator-1-map-tablet");
        browser.resize(1280, 900);

        browser.clickAndWait(By.linkText("Ranglijst"));
        assertThat(browser.findAll(By.cssSelector("table.ranking > tbody > tr"))).as("schools with need only")
                .hasSize(3);
        browser.find(By.id("all")).click();
        browser.clickAndWait(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.currentUrl()).as("the filter in the address").contains("all=true");
        assertThat(browser.findAll(By.cssSelector("table.ranking > tbody > tr"))).hasSize(5);
        browser.find(By.cssSelector("#school-21CM00 summary")).click();
        assertThat(browser.find(By.cssSelector("#school-21CM00 table.why")).getText())
                .contains("2.5 FTE open, weighted by urgency");
        browser.screenshot("coordinator-2-ranking-why");

        browser.clickAndWait(By.linkText("Greijdanus Zwolle"));
        assertThat(browser.findAll(By.cssSelector("svg.chart circle.dot"))).hasSize(3);
        browser.screenshot("coordinator-3-school-history");

        browser.clickAndWait(By.linkText("Tutoren"));
        browser.fill("name", "Sanne de Vries");
        browser.fill("schoolAttended", "Celeanum");
        browser.fill("schoolYear", "4");
        browser.fillDate("dateOfBirth", LocalDate.of(2011, 3, 2));
        browser.fill("subject-field", "wiskunde");
        browser.fill("pc4", "80");
        browser.find(By.id("day-MONDAY")).click();
        browser.clickAndWait(By.cssSelector("#register-tutor button[type=submit]"));
        assertThat(browser.find(By.id("problem")).getText()).contains("must be a 4-digit postcode area");
        assertThat(browser.find(By.id("name")).getAttribute("value")).isEqualTo("Sanne de Vries");
        assertThat(browser.find(By.id("day-MONDAY")).isSelected()).isTrue();
        assertRefusedField("pc4", "must be a 4-digit postcode area");
        assertThat(browser.find(By.id("name")).getAttribute("aria-invalid")).as("only the refused field").isNull();
        assertThat(browser.find(By.id("name")).getAttribute("aria-describedby")).isNull();
        browser.screenshot("coordinator-4-tutor-form-error-kept");
        assertAccessible("the tutor form with a refusal above it");
        browser.fill("pc4", "8011");
        browser.clickAndWait(By.cssSelector("#register-tutor button[type=submit]"));
        assertThat(browser.find(By.id("tutor-id")).getText()).startsWith("tutor-");

        browser.clickAndWait(By.linkText("Matching"));
        browser.fill("subject", "wiskunde");
        browser.clickAndWait(By.cssSelector("#run-matching button"));
        assertThat(browser.findAll(By.cssSelector("table.proposals tbody tr"))).hasSize(3);
        browser.find(By.id("pin-0")).click();
        browser.find(By.id("exclude-1")).click();
        browser.screenshot("coordinator-5-matching-review");
        assertAccessible("a matching run's proposals with pins and exclusions");
        browser.clickAndWait(By.cssSelector("#review button"));
        assertThat(browser.findAll(By.cssSelector("table.proposals tbody tr"))).hasSize(2);
        assertThat(browser.find(By.id("pin-0")).isSelected()).isTrue();
        browser.clickAndWait(By.cssSelector("#accept button"));
        assertThat(browser.currentUrl()).endsWith("/coordinator/placements");
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("placement-7");
        new Select(browser.find(By.id("schoolCode"))).selectByValue("21CM00");
        browser.clickAndWait(By.cssSelector("form.filters button"));
        browser.clickAndWait(By.cssSelector("td form button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("Plaatsing bevestigd");
        browser.screenshot("coordinator-6-placements");

        browser.open(url("/admin/erasure"));
        assertThat(browser.heading()).isEqualTo("Geen toegang");
        browser.open(url("/hr/staff"));
        assertThat(browser.heading()).isEqualTo("Geen toegang");
        browser.screenshot("coordinator-7-no-access-to-admin");
        assertThat(SERVICES.calls()).filteredOn(call -> call.path().startsWith("/api/matching"))
                .extracting(FakeServices.Call::token).containsOnly("access-coordinator");
    }

    @Test
    void anAdminRequestsAnErasureFollowsItAndSearchesTheAuditTrailInEnglish() {
        signIn("admin");
        assertThat(browser.currentUrl()).endsWith("/admin/erasure");
        browser.clickAndWait(By.linkText("English"));
        assertThat(browser.heading()).isEqualTo("Erasure requests");
        browser.fill("subjectRef", "tutor-1");
        browser.clickAndWait(By.cssSelector("#erasure-form button"));
        assertThat(browser.find(By.id("erasure-status")).getText()).isEqualTo("Waiting for approval");
        assertThat(browser.findAll(By.id("approve"))).as("not for the one who asked").isEmpty();
        browser.screenshot("admin-1-erasure-request-waits");
        assertAccessible("an erasure request waiting, in English");

        browser.open(url("/admin/erasure/" + FakeServices.ERASURE_OTHERS));
        browser.clickAndWait(By.cssSelector("#approve button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("Approved");
        browser.screenshot("admin-1b-erasure-approved-by-a-second-admin");

        browser.clickAndWait(By.linkText("School keys"));
        browser.fill("schoolCode", "21CM00");
        browser.find(By.id("confirmed")).click();
        browser.clickAndWait(By.cssSelector("#key-deletion-form button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("another admin must approve");
        browser.clickAndWait(By.cssSelector("#key-deletion-" + FakeServices.KEY_DELETION_OTHERS + " .approve button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("Approved");
        browser.screenshot("admin-1c-school-keys");

        browser.clickAndWait(By.linkText("Audit log"));
        new Select(browser.find(By.id("service"))).selectByValue("tutoring");
        browser.fill("subjectRef", "tutor-1");
        browser.clickAndWait(By.cssSelector("#audit-form button"));
        assertThat(browser.find(By.id("audit-entries")).getText()).contains("tutor.read");
        browser.screenshot("admin-2-audit");

        browser.open(url("/coordinator/map"));
        assertThat(browser.heading()).isEqualTo("No access");
        assertThat(browser.findAll(By.linkText("Map"))).isEmpty();
        assertThat(SERVICES.calls()).filteredOn(call -> call.path().startsWith("/api/admin"))
                .extracting(FakeServices.Call::token).contains("access-admin").doesNotContain("access-coordinator");
    }

    @Test
    void aScoutTakesASuggestionIntoThePipelineAndReadsTheFunnel() {
        signIn("scout");
        assertThat(browser.currentUrl()).endsWith("/scout/suggestions");
        assertThat(browser.findAll(By.cssSelector("article.card"))).hasSize(2);
        browser.fill("rationale-suggestion-1", "legt geduldig uit, helpt klasgenoten al twee jaar lang");
        browser.clickAndWait(By.cssSelector("#suggestion-suggestion-1 form button"));
        assertThat(browser.find(By.id("problem")).getText()).contains("rationale");
        assertThat(browser.find(By.id("rationale-suggestion-1")).getAttribute("value"))
                .isEqualTo("legt geduldig uit, helpt klasgenoten al twee jaar lang");
        browser.screenshot("scout-1-suggestion-error-kept");
        assertAccessible("a refused suggestion with the rationale kept");
        browser.fill("rationale-suggestion-1", "legt geduldig uit");
        browser.clickAndWait(By.cssSelector("#suggestion-suggestion-1 form button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("pijplijn");

        browser.clickAndWait(By.linkText("Pijplijn"));
        assertThat(browser.find(By.id("stage-FLAGGED")).getText()).contains("Gesignaleerd (1)");
        assertThat(browser.findAll(By.cssSelector("svg.funnel rect.bar"))).hasSize(4);
        browser.screenshot("scout-2-pipeline-funnel");
        browser.open(url("/coordinator/map"));
        assertThat(browser.heading()).isEqualTo("Geen toegang");
    }

    /**
     * The introduction step on the adviser's case page: a referred person who agreed is shown with what they shared,
     * and the adviser withdraws the agreement when the person asks (career-advice's fake takes the DELETE).
     */
    @Test
    void anAdviserSeesWhatAReferredPersonAgreedToShareAndWithdrawsIt() {
        signIn("advisor");
        browser.open(url("/advisor/cases/case-2"));
        assertThat(browser.find(By.id("introduction")).getText()).contains("AM36").contains("Voornaam: Joris");
        assertAccessible("a case with an agreement to be introduced");
        browser.clickAndWait(By.cssSelector("#withdraw-introduction button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).isEqualTo("Opgeslagen.");
        assertThat(ADVICE.calls).anySatisfy(call -> assertThat(call.method() + " " + call.path())
                .isEqualTo("DELETE /api/cases/case-2/introduction"));
    }

    @Test
    void schoolHrRecordsAStayInterviewRegistersStaffAndCompletesAPlacementWithRatings() {
        signIn("hr");
        assertThat(browser.currentUrl()).endsWith("/hr/staff");
        assertThat(browser.find(By.id("due")).getText()).contains("T-0077");
        assertThat(browser.findAll(By.cssSelector("svg.chart circle.dot"))).hasSize(2);
        browser.screenshot("hr-1-staff-due-trend");
        browser.clickAndWait(By.cssSelector("#due a"));
        assertThat(browser.find(By.id("health-warning")).isDisplayed()).isTrue();
        browser.fillDate("heldOn", LocalDate.of(2026, 11, 20));
        browser.fill("interviewer", "M. Jansen");
        browser.fill("whyStay", "het team");
        browser.screenshot("hr-2-interview-form");
        browser.clickAndWait(By.cssSelector("#interview-form button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("opgeslagen");

        browser.fill("staffRef", "T 0123");
        browser.fill("staffRole", "docent");
        browser.fill("staffSubject", "engels");
        browser.fill("fte", "0,8");
        browser.fill("yearsInService", "2");
        browser.clickAndWait(By.cssSelector("#register-staff button"));
        assertRefusedField("staffRef", "must be the school's own reference");
        assertThat(browser.find(By.id("staffRef")).getAttribute("aria-describedby")).as("its hint too")
                .endsWith(" staffRef-hint");
        assertThat(browser.find(By.id("fte")).getAttribute("aria-invalid")).as("only the refused field").isNull();
        assertAccessible("a staff registration with a refused field marked and linked from the error summary");
        browser.fill("staffRef", "123456782");
        browser.clickAndWait(By.cssSelector("#register-staff button"));
        assertThat(browser.find(By.id("problem")).getText()).contains("national id number (BSN)");
        assertThat(browser.find(By.id("staffSubject")).getAttribute("value")).isEqualTo("engels");
        assertThat(browser.find(By.id("fte")).getAttribute("value")).isEqualTo("0,8");
        assertThat(browser.find(By.id("staffRef")).getAttribute("aria-invalid"))
                .as("a refusal that names no field marks none").isNull();
        assertThat(browser.find(By.id("staffRef")).getAttribute("aria-describedby")).isEqualTo("staffRef-hint");
        browser.screenshot("hr-3-register-refused-bsn-kept");
        assertAccessible("a refused staff registration with the values kept");
        browser.fill("staffRef", "T-0123");
        browser.clickAndWait(By.cssSelector("#register-staff button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("T-0123");
        assertThat(browser.find(By.xpath("//tbody/tr[contains(., 'T-0123')]")).getText()).contains("engels");

        browser.clickAndWait(By.cssSelector("#overdue-T-0042-i-1-1 button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("gedaan");
        assertThat(browser.findAll(By.cssSelector("#overdue li"))).hasSize(1);

        new Select(browser.find(By.id("leavingStaffRef"))).selectByValue("T-0123");
        browser.fillDate("leavesOn", LocalDate.of(2027, 7, 31));
        browser.clickAndWait(By.cssSelector("#leaving-form button"));
        assertThat(browser.find(By.xpath("//tbody/tr[contains(., 'T-0123')]")).getText()).contains("2027-07-31");
        browser.screenshot("hr-4-staff-registered-leaving-date");

        browser.clickAndWait(By.linkText("Tutorplaatsingen"));
        browser.fillDate("startedOn-placement-3", LocalDate.of(2026, 11, 24));
        browser.clickAndWait(By.cssSelector("#start-placement-3 button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("placement-3").contains("gestart");
        browser.clickAndWait(By.id("complete-placement-2"));
        assertThat(browser.find(By.id("note-warning")).isDisplayed()).isTrue();
        new Select(browser.find(By.id("reliability"))).selectByValue("4");
        new Select(browser.find(By.id("talentForTeaching"))).selectByValue("5");
        browser.fill("note", "legt geduldig uit, altijd voorbereid");
        browser.screenshot("hr-5-complete-placement-ratings");
        browser.clickAndWait(By.cssSelector("#complete-form button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("placement-2").contains("afgerond");
        assertThat(browser.find(By.id("placement-row-placement-2")).getText())
                .contains("Afgerond").contains("talent voor lesgeven 5");
        browser.screenshot("hr-6-placements");
        assertThat(SERVICES.calls()).filteredOn(call -> call.path().matches("/api/placements/placement-2/complete"))
                .singleElement().satisfies(call -> {
                    assertThat(call.token()).isEqualTo("access-hr");
                    assertThat(call.body()).contains("\"reliability\":4").contains("\"talentForTeaching\":5");
                });

        browser.open(url("/scout/pipeline"));
        assertThat(browser.heading()).isEqualTo("Geen toegang");
    }

    @Test
    void theNationalRoleComparesTheRegionsAndACoordinatorSeesTheirOwnAgainstTheOthers() {
        signIn("national");
        assertThat(browser.currentUrl()).endsWith("/national");
        assertThat(browser.heading()).isEqualTo("Landelijk beeld: behoefte per arbeidsmarktregio");
        assertThat(browser.findAll(By.cssSelector("svg.national-map path"))).as("the 35 regions").hasSize(35);
        assertThat(browser.findAll(By.cssSelector("table.national > tbody > tr"))).hasSize(35);
        assertThat(browser.find(By.cssSelector("table.national > tbody > tr")).getAttribute("id"))
                .isEqualTo("region-AM11");
        browser.screenshot("national-1-regions");
        new Select(browser.find(By.id("subject"))).selectByValue("duits");
        browser.clickAndWait(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.currentUrl()).contains("subject=duits");
        assertThat(browser.findAll(By.cssSelector("table.national > tbody > tr")).get(1).getAttribute("id"))
                .isEqualTo("region-AM36");

        signIn("coordinator");
        browser.clickAndWait(By.linkText("Landelijk beeld"));
        assertThat(browser.find(By.id("your-region")).getText()).contains("plaats 3 van 35");
        assertThat(browser.find(By.cssSelector("table.national tr.yours")).getAttribute("id"))
                .isEqualTo("region-AM36");
        assertThat(browser.find(By.cssSelector("svg.national-map path.yours")).getAttribute("data-code"))
                .isEqualTo("AM36");
        browser.screenshot("national-2-coordinator-own-region");
    }

    @Test
    void theMapsDrawCbsBoundariesWithClickableSchoolsAndRegionsAndWithoutScriptTheSvgMapAndListStay() {
        signIn("coordinator");
        browser.waitFor(By.cssSelector("#region-map[data-ready='true']"));
        assertThat(browser.findAll(By.cssSelector("#region-map path.municipality"))).as("Regio Zwolle's municipalities")
                .hasSize(16);
        assertThat(browser.findAll(By.cssSelector("#region-map path.region-outline"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("#region-map .leaflet-control-attribution")).getText())
                .contains("\u00a9 CBS, CC BY 4.0");
        assertThat(browser.find(By.cssSelector("#region-map svg.map")).isDisplayed()).as("the fallback").isFalse();
        List<WebElement> schools = browser.findAll(By.cssSelector("#region-map .school-marker"));
        assertThat(schools).extracting(school -> school.getAttribute("data-code")).as("the neediest first")
                .containsExactly("21CM00", "20DK01", "02TP00", "07QP00", "13BD00");
        schools.get(0).click();
        browser.waitFor(By.cssSelector("#region-map .leaflet-popup-content"));
        assertThat(browser.find(By.cssSelector("#region-map .leaflet-popup-content")).getText())
                .contains("Greijdanus Zwolle").contains("Behoefte-index: 71,5")
                .contains("2.5 FTE open, weighted by urgency (+2,50)");
        browser.screenshot("map-1-region-school-why");
        assertAccessible("the region map with a school's popup open");
        schools.get(1).sendKeys(Keys.ENTER);
        browser.waitFor(By.xpath("//*[contains(@class, 'leaflet-popup-content')][contains(., 'Thomas a Kempis')]"));

        browser.clickAndWait(By.linkText("Landelijk beeld"));
        browser.waitFor(By.cssSelector("#national-map[data-ready='true']"));
        assertThat(browser.findAll(By.cssSelector("#national-map path.region-area"))).as("the 35 regions").hasSize(35);
        assertThat(browser.find(By.cssSelector("#national-map path.region-area.yours")).getAttribute("data-code"))
                .isEqualTo("AM36");
        browser.find(By.cssSelector("#national-map path[data-code='AM11']")).sendKeys(Keys.ENTER);
        browser.waitFor(By.cssSelector("#national-map .leaflet-popup-content"));
        assertThat(browser.find(By.cssSelector("#national-map .leaflet-popup-content")).getText())
                .contains("Flevoland (AM11): 0,34 per 1.000 leerlingen").contains("Plaats: 1");
        browser.screenshot("map-2-national-region");

        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setScriptExecutionDisabled",
                Map.of("value", true));
        browser.open(url("/coordinator/map"));
        assertThat(browser.findAll(By.cssSelector(".leaflet-map"))).as("no script, no interactive map").isEmpty();
        assertThat(browser.find(By.cssSelector("svg.map")).isDisplayed()).isTrue();
        assertThat(browser.findAll(By.cssSelector("svg.map circle"))).hasSize(5);
        assertThat(browser.find(By.cssSelector("ol.top-list")).getText()).contains("Greijdanus Zwolle");
        browser.screenshot("map-3-without-script");
    }

    /**
     * A field the service refused, as the error summary pattern has it: marked invalid, described by its error's
     * text in the summary above the form, and that summary links to it (following the link puts the focus in it).
     */
    private void assertRefusedField(String id, String reason) {
        WebElement field = browser.find(By.id(id));
        assertThat(field.getAttribute("aria-invalid")).as(id + " marked invalid").isEqualTo("true");
        String errorId = field.getAttribute("aria-describedby").split(" ")[0];
        WebElement error = browser.find(By.id(errorId));
        assertThat(error.getText()).as("the error text " + id + " is described by").contains(reason);
        assertThat(error.findElements(By.xpath("ancestor::*[@id='problem']"))).as("in the error summary").hasSize(1);
        WebElement link = error.findElement(By.tagName("a"));
        assertThat(link.getAttribute("href")).endsWith("#" + id);
        link.click();
        assertThat(browser.focused()).as("the summary's link takes the focus to the field").isEqualTo(field);
    }

    /** axe-core at WCAG 2.1 AA on a state no link leads to (a refusal, a popup); every page: AccessibilityBrowserIT. */
    private void assertAccessible(String state) {
        List<Accessibility.Violation> violations = new Accessibility(browser).check();
        assertThat(violations).as(state + ": " + new Accessibility.Report(List.of(browser.currentUrl()), violations)
                .describe()).isEmpty();
    }

    /** Opens the portal, which sends the browser to the (stand-in) authorization endpoint, and signs in. */
    private void signIn(String username) {
        browser.deleteCookies();
        browser.open(url("/"));
        browser.waitFor(By.id("username"));
        browser.find(By.id("username")).sendKeys(username);
        browser.find(By.id("sign-in")).click();
        browser.waitForUrlStartingWith("http://127.0.0.1:" + port + "/" + List.of("coordinator", "admin", "scout", "hr")
                .stream().filter(username::equals).findFirst().orElse(""));
    }

}
