package nl.instroom.e2e;

import static nl.instroom.e2e.RunningStack.NEED_MAPPING;
import static nl.instroom.e2e.RunningStack.TUTORING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.instroom.testing.TotpCodes;
import nl.instroom.testing.browser.Accessibility;
import nl.instroom.testing.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The portal on the whole local stack, in headless Chromium: each role signs in at the real identity server's
 * sign-in form and walks its main journey through the portal's pages, which call the real services with the
 * person's own token. The coordinator registers and places a tutor; school HR registers a colleague, holds a
 * stay-gesprek and completes the tutor's placement with ratings; the scout takes the resulting suggestion into the
 * pipeline; the admin asks for the tutor's erasure, which waits until a second admin approves it, finds the trail
 * and signs out (of the identity server too). Every sign-in takes the password and a second-factor code. Each role
 * is refused the others' pages. Then axe-core checks every page of every role at WCAG 2.1 AA. Screenshots go to
 * {@code target/screenshots/}.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class E_PortalJourneysIT {

    private static final String PORTAL = "http://127.0.0.1:8080";

    private static String tutorId;
    private static String placementId;

    private HeadlessChromium browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.openOrSkip(Duration.ofSeconds(60));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theCoordinatorReadsTheMapAndRankingRegistersATutorMatchesAndConfirmsThePlacement() {
        String school = RunningStack.hrSchool();
        signIn("COORDINATOR", "/coordinator/map");
        assertThat(browser.findAll(By.cssSelector("svg.map circle"))).as("the region's schools").hasSizeGreaterThan(100);
        browser.screenshot("stack-coordinator-1-map");

        browser.clickAndWait(By.linkText("Ranglijst"));
        assertThat(browser.findAll(By.cssSelector("table.ranking tbody tr"))).isNotEmpty();
        browser.find(By.cssSelector("table.ranking tbody tr summary")).click();
        assertThat(browser.find(By.cssSelector("table.ranking tbody tr table.why")).getText())
                .as("the top school's score explained").isNotBlank();
        browser.screenshot("stack-coordinator-2-ranking-why");

        browser.open(PORTAL + "/coordinator/schools/" + school);
        assertThat(browser.findAll(By.cssSelector("svg.chart circle.dot"))).as("need history of the school the "
                + "earlier journeys opened vacancies at").isNotEmpty();
        browser.screenshot("stack-coordinator-3-school");

        browser.clickAndWait(By.linkText("Tutoren"));
        browser.fill("name", "Noor Visser");
        browser.fill("schoolAttended", "Thomas a Kempis");
        browser.fill("schoolYear", "5");
        browser.fillDate("dateOfBirth", LocalDate.now().minusYears(17));
        browser.fill("subject-field", "wiskunde");
        browser.fill("hoursPerWeek", "2");
        browser.fill("pc4", postcodeAreaOf(school));
        browser.fill("maxTravelKm", "10");
        browser.find(By.id("day-WEDNESDAY")).click();
        browser.clickAndWait(By.cssSelector("#register-tutor button[type=submit]"));
        tutorId = browser.find(By.id("tutor-id")).getText();
        assertThat(tutorId).as("the tutor's pseudonymous id").matches("[0-9a-f-]{36}");
        browser.screenshot("stack-coordinator-4-tutor-registered");

        browser.clickAndWait(By.linkText("Matching"));
        browser.fill("subject", "wiskunde");
        browser.clickAndWait(By.cssSelector("#run-matching button"));
        By proposal = By.xpath("//table[contains(@class,'proposals')]//tbody/tr[contains(., '" + tutorId + "')]");
        assertThat(browser.findAll(proposal)).as("the new tutor is proposed").hasSize(1);
        keepOnlyTheProposalOf(tutorId);
        String placedAt = browser.find(proposal).findElements(By.tagName("td")).get(1).getText();
        assertThat(placedAt).as("the tutor lives by the school with the region's greatest maths need").isEqualTo(school);
        browser.screenshot("stack-coordinator-5-proposals");
        browser.clickAndWait(By.cssSelector("#accept button"));
        assertThat(browser.currentUrl()).contains("/coordinator/placements");
        assertThat(browser.findAll(By.cssSelector(".notice li"))).as("the one placement accepted").hasSize(1);
        placementId = browser.find(By.cssSelector(".notice li")).getText();

        new Select(browser.find(By.id("schoolCode"))).selectByValue(placedAt);
        browser.clickAndWait(By.cssSelector("form.filters button"));
        browser.clickAndWait(By.xpath("//tbody/tr[contains(., '" + tutorId + "')]//form//button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("Plaatsing bevestigd");
        assertThat(placement().get("status").asString()).isEqualTo("CONFIRMED");
        browser.screenshot("stack-coordinator-6-placement-confirmed");

        assertNoAccess("/admin/erasure");
        assertNoAccess("/hr/staff");
        assertNoAccess("/scout/suggestions");
    }

    @Test
    @Order(3)
    void theScoutTakesTheTutorsSuggestionIntoThePipelineAndMovesIt() {
        assertThat(placementId).as("the coordinator's portal journey ran first").isNotNull();
        assertThat(placement().get("status").asString()).as("school HR's journey completed the placement")
                .isEqualTo("COMPLETED");

        signIn("TALENT_SCOUT", "/scout/suggestions");
        By card = By.xpath("//article[contains(@class,'card')][contains(., '" + tutorId + "')]");
        By colleague = By.xpath("//article[contains(@class,'card')][contains(., 'docent-en-11')]");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.open(PORTAL + "/scout/suggestions");
            assertThat(browser.findAll(card)).as("the completed placement's suggestion").hasSize(1);
            assertThat(browser.findAll(colleague)).as("the shared growth ambition's suggestion").hasSize(1);
        });
        assertThat(browser.find(card).getText()).contains("5/5").doesNotContain("Noor");
        assertThat(browser.find(colleague).getText())
                .as("the ambition school HR's colleague agreed to share, without anything said in the interview")
                .contains("Gedeelde groeiambitie · Ambassadeur").doesNotContain("de sectie")
                .doesNotContain("open dag");
        browser.screenshot("stack-scout-1-suggestion");
        String suggestion = browser.find(card).getAttribute("id").substring("suggestion-".length());
        browser.fill("rationale-" + suggestion, "legt geduldig uit");
        browser.clickAndWait(By.cssSelector("#suggestion-" + suggestion + " form button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("pijplijn");

        browser.clickAndWait(By.linkText("Pijplijn"));
        By flagged = By.xpath("//section[@id='stage-FLAGGED']//div[contains(@class,'card')][contains(., '"
                + tutorId + "')]");
        new Select(browser.find(flagged).findElement(By.tagName("select"))).selectByValue("APPROACHED");
        browser.clickAndWait(By.xpath("//section[@id='stage-FLAGGED']//div[contains(@class,'card')][contains(., '"
                + tutorId + "')]//button"));
        assertThat(browser.find(By.id("stage-APPROACHED")).getText()).contains(tutorId);
        assertThat(browser.findAll(By.cssSelector("svg.funnel rect.bar"))).as("the funnel's stages").isNotEmpty();
        assertThat(browser.find(By.xpath("//h2[starts-with(., 'Ambassadeurs')]/following-sibling::p[1]")).getText())
                .as("ambassador coverage of the region's high-need schools").matches("\\d+ / [1-9]\\d* .+");
        browser.screenshot("stack-scout-2-pipeline-funnel-coverage");

        assertNoAccess("/coordinator/map");
        assertNoAccess("/hr/staff");
        assertNoAccess("/admin/audit");
    }

    @Test
    @Order(2)
    void schoolHrRegistersAColleagueHoldsAStayInterviewAndCompletesTheTutorsPlacement() {
        assertThat(placementId).as("the coordinator's portal journey ran first").isNotNull();
        String school = RunningStack.hrSchool();
        signIn("SCHOOL_HR", "/hr/staff");
        assertThat(browser.heading()).contains(school);

        browser.fill("staffRef", "docent-en-11");
        browser.fill("staffRole", "docent");
        browser.fill("staffSubject", "engels");
        browser.fill("fte", "0,8");
        browser.fill("yearsInService", "2");
        browser.clickAndWait(By.cssSelector("#register-staff button"));
        assertThat(browser.find(By.xpath("//tbody/tr[contains(., 'docent-en-11')]")).getText()).contains("engels");
        assertThat(browser.find(By.id("due")).getText()).as("never interviewed, so due").contains("docent-en-11");
        browser.screenshot("stack-hr-1-staff");

        browser.clickAndWait(By.xpath("//ul[@id='due']//a[. = 'docent-en-11']"));
        assertThat(browser.find(By.id("health-warning")).isDisplayed()).isTrue();
        browser.fillDate("heldOn", LocalDate.now());
        browser.fill("interviewer", "Teamleider onderbouw");
        browser.fill("whyStay", "de sectie");
        new Select(browser.find(By.id("ambition-AMBASSADOR"))).selectByValue("AMBASSADOR:SCOUT");
        browser.fill("actionDescription-0", "open dag mee organiseren");
        browser.fill("actionOwner-0", "teamleider");
        browser.fillDate("actionDueOn-0", LocalDate.now().plusMonths(2));
        browser.screenshot("stack-hr-2-interview-form");
        browser.clickAndWait(By.cssSelector("#interview-form button"));
        assertThat(browser.find(By.cssSelector(".notice")).getText()).contains("opgeslagen");
        assertThat(browser.find(By.id("due")).getText()).doesNotContain("docent-en-11");
        assertThat(browser.find(By.xpath("//tbody/tr[contains(., 'docent-en-11')]")).getText())
                .as("the last interview's date").contains(LocalDate.now().toString());
        browser.screenshot("stack-hr-3-interview-held");
        browser.clickAndWait(By.xpath("//tbody/tr[contains(., 'docent-en-11')]//a[. = 'docent-en-11']"));
        assertThat(browser.find(By.id("main")).getText()).as("the colleague's record, decrypted for their school's HR")
                .contains("de sectie").contains("open dag mee organiseren · teamleider")
                .contains("Ambassadeur voor het onderwijs · talentscout mag het weten");
        browser.screenshot("stack-hr-3b-colleague-record");

        browser.clickAndWait(By.linkText("Tutorplaatsingen"));
        browser.clickAndWait(By.cssSelector("#start-" + placementId + " button"));
        assertThat(placement().get("status").asString()).as(() -> browser.find(By.id("main")).getText())
                .isEqualTo("ACTIVE");
        browser.clickAndWait(By.id("complete-" + placementId));
        assertThat(browser.find(By.id("note-warning")).isDisplayed()).isTrue();
        new Select(browser.find(By.id("reliability"))).selectByValue("4");
        new Select(browser.find(By.id("talentForTeaching"))).selectByValue("5");
        browser.fill("note", "Noor legt geduldig uit");
        browser.screenshot("stack-hr-4-complete-placement");
        browser.clickAndWait(By.cssSelector("#complete-form button"));
        assertThat(browser.find(By.id("placement-row-" + placementId)).getText()).contains("talent voor lesgeven 5");
        assertThat(placement().get("status").asString()).isEqualTo("COMPLETED");
        browser.screenshot("stack-hr-5-placements");

        assertNoAccess("/coordinator/map");
        assertNoAccess("/scout/pipeline");
        assertNoAccess("/admin/erasure");
    }

    @Test
    @Order(4)
    void theAdminHasTheTutorErasedWatchesItCompleteAndSearchesTheAuditTrail() {
        assertThat(tutorId).as("the coordinator's portal journey ran first").isNotNull();
        signIn("ADMIN", "/admin/erasure");
        int erasuresBefore = browser.findAll(By.cssSelector("table tbody tr")).size();

        browser.clickAndWait(By.linkText("Auditlog"));
        new Select(browser.find(By.id("service"))).selectByValue("tutoring");
        browser.fill("subjectRef", tutorId);
        browser.clickAndWait(By.cssSelector("#audit-form button"));
        assertThat(browser.find(By.id("audit-entries")).getText()).as("who registered and read the tutor")
                .contains(tutorId);
        browser.screenshot("stack-admin-1-audit");

        browser.clickAndWait(By.linkText("Verwijderverzoeken"));
        new Select(browser.find(By.id("subjectKind"))).selectByValue("TUTOR");
        browser.fill("subjectRef", tutorId);
        browser.clickAndWait(By.cssSelector("#erasure-form button"));
        String statusPage = browser.currentUrl();
        assertThat(browser.find(By.id("erasure-status")).getText()).as("nothing happens before a second admin approves")
                .isEqualTo("Wacht op goedkeuring");
        assertThat(browser.findAll(By.id("approve"))).as("the one who asked cannot approve").isEmpty();
        browser.screenshot("stack-admin-2a-erasure-waits-for-a-second-admin");
        String requestId = statusPage.substring(statusPage.lastIndexOf('/') + 1);
        assertThat(RunningStack.asUser("admin.two", RunningStack.IDENTITY).post()
                .uri("/api/admin/erasure-requests/{id}/approval", requestId).retrieve().toBodilessEntity()
                .getStatusCode().value()).as("the second admin approves").isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            browser.open(statusPage);
            assertThat(browser.find(By.id("erasure-status")).getText()).isEqualTo("Voltooid");
        });
        browser.screenshot("stack-admin-2-erasure-complete");
        browser.clickAndWait(By.linkText("Verwijderverzoeken"));
        assertThat(browser.findAll(By.cssSelector("table tbody tr"))).as("the new request in the list")
                .hasSize(erasuresBefore + 1);
        assertThat(RunningStack.as("COORDINATOR", TUTORING).get().uri("/api/tutors/{id}", tutorId).retrieve()
                .toBodilessEntity().getStatusCode().value())
                .as("the tutor is gone").isEqualTo(404);

        assertNoAccess("/coordinator/ranking");
        assertNoAccess("/hr/staff");
        assertNoAccess("/scout/pipeline");

        browser.clickAndWait(By.xpath("//form[contains(@action, '/logout')]//button"));
        assertThat(browser.currentUrl()).isEqualTo(PORTAL + "/signed-out");
        browser.open(PORTAL + "/admin/erasure");
        browser.waitFor(By.id("username"));
        assertThat(browser.currentUrl()).as("signed out at the identity server too: the password is asked again")
                .contains(":9000/login");
    }


    /**
     * WCAG 2.1 AA on the real stack: each demo role signs in (the identity server's sign-in and second-factor
     * pages are checked on the way) and axe-core checks every portal page the role can reach by following links
     * from its start page, with the demo region's and the journeys' data on them; then the public pages.
     */
    @Test
    @Order(5)
    void everyPageOfEveryRolePassesAxeCoreAtWcag21AA() {
        Accessibility axe = new Accessibility(browser);
        List<String> pages = new ArrayList<>();
        List<Accessibility.Violation> violations = new ArrayList<>();
        for (String[] role : List.of(new String[] {"COORDINATOR", "/coordinator/map"},
                new String[] {"SCHOOL_HR", "/hr/staff"}, new String[] {"TALENT_SCOUT", "/scout/suggestions"},
                new String[] {"ADMIN", "/admin/erasure"}, new String[] {"ADVISOR", "/advisor/cases"},
                new String[] {"PROGRAMME_COORDINATOR", "/programme"},
                new String[] {"MENTORING_PARTICIPANT", "/mentoring"})) {
            browser.deleteCookies();
            signIn(role[0], role[1], axe, violations);
            Accessibility.Report report = axe.crawl(PORTAL, List.of(role[1], "/no-such-page"), 60);
            pages.addAll(report.pages());
            violations.addAll(report.violations());
        }
        browser.deleteCookies();
        Accessibility.Report open = axe.crawl(PORTAL, List.of("/route-finder", "/advice-request"), 10);
        pages.addAll(open.pages());
        violations.addAll(open.violations());

        String report = new Accessibility.Report(pages, violations).describe();
        assertThat(pages).as("every role's pages were reached; " + report)
                .anyMatch(page -> page.contains("/coordinator/schools/"))
                .anyMatch(page -> page.contains("/coordinator/tutors"))
                .anyMatch(page -> page.contains("/hr/staff/"))
                .anyMatch(page -> page.contains("/scout/pipeline"))
                .anyMatch(page -> page.contains("/admin/audit"))
                .anyMatch(page -> page.contains("/advisor/agenda"))
                .anyMatch(page -> page.contains("/national"))
                .anyMatch(page -> page.contains("/programme/cohorts/"))
                .anyMatch(page -> page.contains("/mentoring/pairs/"));
        assertThat(violations).as(report).isEmpty();
    }

    /** Opens the portal, signs in at the identity server's own form and waits for the role's start page. */
    private void signIn(String role, String startPath) {
        signIn(role, startPath, null, null);
    }

    /** Signs in; with an accessibility check, checks the identity server's pages on the way. */
    private void signIn(String role, String startPath, Accessibility axe, List<Accessibility.Violation> violations) {
        String[] user = RunningStack.demoUser(role);
        browser.open(PORTAL + "/");
        browser.waitFor(By.id("username"));
        assertThat(browser.currentUrl()).as("the sign-in is the identity server's").contains(":9000/");
        if (axe != null) {
            violations.addAll(axe.check());
        }
        browser.find(By.id("username")).sendKeys(user[0]);
        browser.find(By.id("password")).sendKeys(user[3]);
        browser.clickAndWait(By.cssSelector("button[type=submit]"));
        String secret = RunningStack.secondFactorSecret(user[0]);
        for (int attempt = 0; attempt < 3 && !browser.currentUrl().contains("127.0.0.1:8080"); attempt++) {
            // the second factor: a code as the person's authenticator app shows it (the next step's when another
            // sign-in of the same person used this one)
            browser.waitFor(By.id("code"));
            assertThat(browser.currentUrl()).as("the second factor is the identity server's").contains(":9000/");
            if (axe != null && attempt == 0) {
                violations.addAll(axe.check());
            }
            browser.find(By.id("code")).sendKeys(TotpCodes.next(secret));
            browser.clickAndWait(By.cssSelector("button[type=submit]"));
        }
        browser.waitForUrlContaining("127.0.0.1:8080" + startPath);
    }

    /**
     * Other journeys and the living demo leave tutors who may be proposed too (a pupil whose placement was completed is
     * free again): like a coordinator who wants one placement now, exclude every other proposal and let matching run
     * again, until only this tutor's is left.
     */
    private void keepOnlyTheProposalOf(String tutor) {
        By others = By.xpath("//table[contains(@class,'proposals')]//tbody/tr[not(contains(., '" + tutor + "'))]"
                + "//input[@name='exclude']");
        for (int round = 0; round < 5 && !browser.findAll(others).isEmpty(); round++) {
            browser.findAll(others).forEach(exclude -> exclude.click());
            browser.clickAndWait(By.cssSelector("#review button[type=submit]"));
        }
        assertThat(browser.findAll(others)).as("only " + tutor + " is proposed").isEmpty();
        assertThat(browser.findAll(By.xpath("//table[contains(@class,'proposals')]//tbody/tr[contains(., '" + tutor
                + "')]"))).as("the new tutor is still proposed").hasSize(1);
    }

    private void assertNoAccess(String path) {
        browser.open(PORTAL + path);
        assertThat(browser.heading()).as(path).isEqualTo("Geen toegang");
    }

    private static String postcodeAreaOf(String school) {
        return RunningStack.as("COORDINATOR", NEED_MAPPING).get().uri("/api/schools/{code}", school).retrieve()
                .body(JsonNode.class).get("postcode").asString().substring(0, 4);
    }

    private static JsonNode placement() {
        return RunningStack.as("COORDINATOR", TUTORING).get().uri("/api/placements/{id}", placementId).retrieve()
                .body(JsonNode.class);
    }
}
