package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The portal's pages with sign-in mocked and the services replaced by {@link FakeServices}: what each role sees,
 * that the person's own token goes to the services, how refusals read, and that forms keep what was typed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PortalPagesIT {

    static final FakeServices SERVICES = FakeServices.started();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        PortalTestSetup.pointAt(SERVICES, registry);
        registry.add("instroom.portal.ranking-page-size", () -> 2);
    }

    @AfterAll
    static void stop() {
        SERVICES.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void theCoordinatorsMapDrawsEverySchoolLargerTheGreaterItsNeedWithTheirOwnToken() throws Exception {
        String page = mvc.perform(get("/coordinator/map").with(as("COORDINATOR", "coordinator-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(circles(page)).as("schools without need too, smallest").hasSize(5);
        assertThat(radius(page, "21CM00")).isGreaterThan(radius(page, "20DK01"));
        assertThat(radius(page, "20DK01")).isGreaterThan(radius(page, "02TP00"));
        assertThat(radius(page, "02TP00")).isGreaterThan(radius(page, "07QP00"));
        assertThat(page).contains("Kaart van de regio").contains("Grote behoefte").doesNotContain("tile");
        FakeServices.Call call = lastCall("/api/need/ranking");
        assertThat(call.token()).isEqualTo("coordinator-token");
        assertThat(call.path()).contains("region=AM36");
    }

    @Test
    void theCoordinatorSeesTheCareerSwitchersReferredToTheirRegionNextToTheNeedWithTheirOwnToken() throws Exception {
        String page = mvc.perform(get("/coordinator/referrals").param("months", "6")
                        .with(as("COORDINATOR", "coordinator-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Doorverwezen zij-instromers").contains("2 doorverwezen in deze periode")
                .contains("c0ffee00-0000-4000-8000-000000000001").contains("natuurkunde").contains("1,5")
                .contains("(alle vakken)").contains("href=\"/coordinator/referrals\"")
                .contains("<option value=\"6\" selected=\"selected\">6 maanden</option>")
                .contains("1 in opleiding, 0 aan het werk").contains("in opleiding sinds 2026-11")
                .as("career-advice is not reachable here: everyone stays a reference, and the page says so")
                .contains("id=\"introductions-unavailable\"");
        FakeServices.Call call = lastCall("/api/referrals");
        assertThat(call.token()).isEqualTo("coordinator-token");
        assertThat(call.path()).contains("region=AM36").contains("months=6");
        mvc.perform(get("/coordinator/referrals").param("months", "7").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk());
        assertThat(lastCall("/api/referrals").path()).as("a period not offered is the default").contains("months=12");
        mvc.perform(get("/coordinator/referrals").with(as("TALENT_SCOUT", "t"))).andExpect(status().isForbidden());
    }

    @Test
    void theMapPageHandsItsScriptTheSchoolsWithTheirWhyAndKeepsTheSvgMapForBrowsersWithoutScript() throws Exception {
        String page = mvc.perform(get("/coordinator/map").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        String container = page.substring(page.indexOf("<div id=\"region-map\""), page.indexOf("<h2"));
        assertThat(container).contains("data-boundaries=\"/maps/boundaries/regions/AM36\"")
                .contains("data-attribution=\"Grenzen \u00a9 CBS, CC BY 4.0\"")
                .contains("<script type=\"application/json\" class=\"map-data\">")
                .contains("\"code\":\"21CM00\"").contains("\"indexText\":\"71,5\"").contains("\"band\":\"high\"")
                .contains("\"explanation\":\"2.5 FTE open, weighted by urgency\",\"contribution\":\"+2,50\"")
                .contains("<div class=\"map-fallback\">").contains("<svg class=\"map\"");
        assertThat(circles(container)).as("the SVG map inside the container, for the script to replace").hasSize(5);
        assertThat(page).as("the list of the neediest schools, the map's text alternative, outside the container")
                .contains("<ol class=\"top-list\">")
                .containsPattern("src=\"/webjars/leaflet/[0-9.]+/dist/leaflet.js\"").contains("src=\"/js/maps.js\"")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");

        mvc.perform(get("/webjars/leaflet/dist/leaflet.js").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("Leaflet")));
        mvc.perform(get("/js/maps.js").with(as("COORDINATOR", "t"))).andExpect(status().isOk());
    }

    @Test
    void theBoundariesAreGeoJsonOfOneRegionAndItsMunicipalitiesThatABrowserKeepsForADay() throws Exception {
        MvcResult zwolle = mvc.perform(get("/maps/boundaries/regions/AM36").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn();

        assertThat(zwolle.getResponse().getContentType()).startsWith("application/geo+json");
        assertThat(zwolle.getResponse().getHeader("Cache-Control")).contains("max-age=86400").contains("private");
        assertThat(zwolle.getResponse().getContentAsString()).contains("\"statcode\":\"AM36\"")
                .contains("\"statnaam\":\"Zwolle\"").contains("\"statnaam\":\"Elburg\"")
                .doesNotContain("\"statnaam\":\"Heerde\"").doesNotContain("\"statcode\":\"AM06\"");
        mvc.perform(get("/maps/boundaries/regions/AM99").with(as("COORDINATOR", "t"))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/maps/boundaries/regions").with(as("NATIONAL_VIEWER", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("\"statcode\":\"AM01\"").contains("\"statcode\":\"AM36\"");
        mvc.perform(get("/maps/boundaries/regions/AM36")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theNationalPageHandsItsScriptEachRegionsBandTitleAndRank() throws Exception {
        String page = mvc.perform(get("/national").with(as("COORDINATOR", "coordinator-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-boundaries=\"/maps/boundaries/regions\"")
                .contains("\"AM36\":{\"band\":\"low\",\"yours\":true,\"rank\":3,"
                        + "\"title\":\"Regio Zwolle (AM36): 0,05 per 1.000 leerlingen\"}")
                .contains("\"AM11\":{\"band\":\"high\",\"yours\":false,\"rank\":1,")
                .contains("<div class=\"map-fallback\">").contains("src=\"/js/maps.js\"");
        assertThat(regionPaths(page)).as("the SVG map stays for browsers without script").hasSize(35);
    }

    @Test
    void theRankingExplainsEachScoreAndKeepsTheFilter() throws Exception {
        mvc.perform(get("/coordinator/ranking").param("subject", "wiskunde").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2.5 FTE open, weighted by urgency")))
                .andExpect(content().string(Matchers.containsString("Waarom deze score")))
                .andExpect(content().string(Matchers.containsString("value=\"wiskunde\"")));
        assertThat(lastCall("/api/need/ranking").path()).contains("subject=wiskunde");
    }

    @Test
    void theRankingHidesSchoolsWithoutNeedByDefaultAndPagesTheRestWithTheFiltersInTheAddress() throws Exception {
        String first = mvc.perform(get("/coordinator/ranking").param("sector", "VO").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(rows(first)).containsExactly("21CM00", "20DK01");
        assertThat(lastCall("/api/need/ranking").path()).as("a page of 2, and one more to know there is a next")
                .contains("region=AM36", "sector=VO", "withNeed=true", "offset=0", "limit=3");
        assertThat(first).contains("Regio Zwolle (AM36)").contains("Alleen scholen met behoefte")
                .contains("href=\"/coordinator/ranking?sector=VO&amp;offset=2\"")
                .doesNotContain("id=\"previous-page\"");

        String second = mvc.perform(get("/coordinator/ranking?sector=VO&offset=2").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(rows(second)).as("the last school with need; none without").containsExactly("02TP00");
        assertThat(second).contains("id=\"previous-page\" href=\"/coordinator/ranking?sector=VO\"")
                .doesNotContain("id=\"next-page\"");

        String all = mvc.perform(get("/coordinator/ranking?sector=VO&all=true&offset=4")
                .with(as("COORDINATOR", "t"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(rows(all)).as("asked for: schools without need too").containsExactly("13BD00");
        assertThat(lastCall("/api/need/ranking").path()).contains("withNeed=false", "offset=4");
        assertThat(all).contains("href=\"/coordinator/ranking?sector=VO&amp;all=true&amp;offset=2\"")
                .containsPattern("<input type=\"checkbox\" id=\"all\" name=\"all\" value=\"true\" checked");
    }

    @Test
    void theRankingsPageSizeIsChosenKeptInTheAddressAndAFullLastPageHasNoNext() throws Exception {
        String lastFull = mvc.perform(get("/coordinator/ranking?all=true&offset=3").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(rows(lastFull)).as("the two schools without need fill the last page").containsExactly("07QP00",
                "13BD00");
        assertThat(lastFull).doesNotContain("id=\"next-page\"").contains("Plaats 4 tot en met 5")
                .contains("id=\"previous-page\" href=\"/coordinator/ranking?all=true&amp;offset=1\"");

        String tens = mvc.perform(get("/coordinator/ranking?size=10").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(lastCall("/api/need/ranking").path()).contains("limit=11", "withNeed=true");
        assertThat(rows(tens)).containsExactly("21CM00", "20DK01", "02TP00");
        assertThat(tens).containsPattern("<option value=\"10\" selected")
                .doesNotContain("id=\"next-page\"");

        String paged = mvc.perform(get("/coordinator/ranking?size=2&all=true&offset=2").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(paged).as("a size of the default stays out of the address")
                .contains("href=\"/coordinator/ranking?all=true&amp;offset=4\"");

        String typedIn = mvc.perform(get("/coordinator/ranking?size=100000").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(lastCall("/api/need/ranking").path()).as("a size not offered is the default").contains("limit=3");
        assertThat(rows(typedIn)).containsExactly("21CM00", "20DK01");
        assertThat(typedIn).contains("href=\"/coordinator/ranking?offset=2\"");
    }

    private static List<String> rows(String page) {
        return Pattern.compile("<tr id=\"school-([0-9A-Z]{6})\"").matcher(page).results().map(m -> m.group(1))
                .toList();
    }

    @Test
    void theNationalPageShowsEveryRegionByWeightedNeedPerThousandPupilsAsATableAndAMap() throws Exception {
        String page = mvc.perform(get("/national").with(as("NATIONAL_VIEWER", "national-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(regionRows(page)).as("by weighted need per 1,000 pupils, then by code").hasSize(35)
                .startsWith("AM11", "AM18", "AM36", "AM01", "AM02");
        assertThat(regionPaths(page)).as("a shape per region, coloured relative to the highest").hasSize(35)
                .containsEntry("AM11", "high").containsEntry("AM18", "medium").containsEntry("AM36", "low")
                .containsEntry("AM06", "none");
        assertThat(page).contains("Landelijk beeld").contains("Flevoland (AM11): 0,34 per 1.000 leerlingen")
                .contains("<caption>Regio&#39;s op gewogen behoefte per 1.000 leerlingen, hoogste eerst</caption>")
                .contains("id=\"map-description\"").contains("CBS/PDOK").doesNotContain("id=\"your-region\"")
                .doesNotContain("class=\"yours\"").contains("89.000");
        assertThat(lastCall("/api/need/national").token()).isEqualTo("national-token");
    }

    @Test
    void aCoordinatorSeesTheirRegionMarkedAgainstTheOthersAndCanCompareOneSubject() throws Exception {
        String page = mvc.perform(get("/national").with(as("COORDINATOR", "coordinator-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("Uw regio Regio Zwolle (AM36) staat op plaats 3 van 35.")
                .containsPattern("<tr id=\"region-AM36\" class=\"yours\" aria-current=\"true\">")
                .contains("class=\"low yours\"");

        String duits = mvc.perform(get("/national").param("subject", "duits")
                .with(as("COORDINATOR", "coordinator-token"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(regionRows(duits)).as("by the subject's figure").startsWith("AM11", "AM36", "AM01");
        assertThat(duits).contains("Open fte en gewogen behoefte voor duits")
                .contains("<option value=\"duits\" selected=\"selected\">duits</option>")
                .contains("Uw regio Regio Zwolle (AM36) staat op plaats 2 van 35.");
        String unknown = mvc.perform(get("/national").param("subject", "<script>")
                .with(as("COORDINATOR", "coordinator-token"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(regionRows(unknown)).as("a subject no region has: all subjects").startsWith("AM11", "AM18");
    }

    @Test
    void theNationalRoleSeesOnlyTheNationalPageAndOtherRolesWithoutItAreRefused() throws Exception {
        mvc.perform(get("/").with(as("NATIONAL_VIEWER", "t"))).andExpect(redirectedUrl("/national"));
        for (String page : List.of("/coordinator/map", "/coordinator/ranking", "/admin/erasure", "/hr/staff",
                "/scout/suggestions")) {
            mvc.perform(get(page).with(as("NATIONAL_VIEWER", "t"))).andExpect(status().isForbidden());
        }
        for (String role : List.of("SCHOOL_HR", "TALENT_SCOUT")) {
            mvc.perform(get("/national").with(as(role, "t"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/national").with(as("ADMIN", "t"))).andExpect(status().isOk());
        String nav = mvc.perform(get("/national").with(as("NATIONAL_VIEWER", "t"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(nav).contains("href=\"/national\">Landelijk beeld</a>").doesNotContain("/coordinator/map")
                .doesNotContain("/admin/erasure");
        String coordinator = mvc.perform(get("/coordinator/map").with(as("COORDINATOR", "t"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(coordinator).contains("href=\"/national\"");
        String hr = mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "t"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(hr).doesNotContain("href=\"/national\"");
    }

    private static List<String> regionRows(String page) {
        return Pattern.compile("<tr id=\"region-(AM[0-9]{2})\"").matcher(page).results().map(m -> m.group(1))
                .toList();
    }

    private static String attribute(String tag, String name) {
        var value = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : null;
    }

    private static Map<String, String> regionPaths(String page) {
        Map<String, String> bands = new java.util.LinkedHashMap<>();
        Pattern.compile("<path [^>]+>").matcher(page).results().map(m -> m.group()).forEach(path -> bands.put(
                attribute(path, "data-code"), attribute(path, "class")));
        return bands;
    }

    @Test
    void aSchoolShowsItsNeedHistoryAsAChartOldestFirstInDutchOrEnglish() throws Exception {
        String dutch = mvc.perform(get("/coordinator/schools/21CM00").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dutch).contains("Verloop van de behoefte-index").contains("<polyline")
                .contains("Greijdanus Zwolle").contains("PROPOSED").contains("ACTIVE");
        Matcher dots = Pattern.compile("<title>(\\d{4}-\\d{2}-\\d{2}): ").matcher(dutch);
        List<String> dates = dots.results().map(m -> m.group(1)).toList();
        assertThat(dates).containsExactly("2026-09-01", "2026-10-01", "2026-11-20");

        mvc.perform(get("/coordinator/schools/21CM00").param("lang", "en").with(as("COORDINATOR", "t")))
                .andExpect(content().string(Matchers.containsString("Need index over time")));
    }

    @Test
    void theSchoolAndTheRegionShowTheirVacanciesPerMonthAsBarsWithATableOfEveryFigure() throws Exception {
        String school = mvc.perform(get("/coordinator/schools/21CM00").with(as("COORDINATOR", "coordinator-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String section = school.substring(school.indexOf("<section id=\"vacancy-history\""));
        section = section.substring(0, section.indexOf("</section>"));
        assertThat(section).contains("Vacatures van deze school per maand")
                .contains("<svg class=\"chart bars\" role=\"img\"")
                .contains("aria-label=\"Staafdiagram van de openstaande vacatures aan het eind van elke maand");
        assertThat(Pattern.compile("<rect height=\"20\" class=\"bar\"").matcher(section).results().count())
                .as("a bar per month").isEqualTo(12);
        List<String> rows = Pattern.compile("<tr><th scope=\"row\">(.*?)</tr>", Pattern.DOTALL).matcher(section)
                .results().map(m -> m.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim()).toList();
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0)).as("oldest first, in the reader's words").matches("dec\\.? 2025 0 0 0 1 \u2013");
        assertThat(rows.get(7)).as("July: one filled, after 117,5 days")
                .matches("jul\\.? 2026 0 1 0 2 117,5");
        assertThat(rows.get(11)).matches("nov\\.? 2026 1 0 0 3 \u2013");
        assertThat(lastCall("/api/vacancies/history/schools/21CM00").token()).isEqualTo("coordinator-token");

        String region = mvc.perform(get("/coordinator/map").with(as("COORDINATOR", "coordinator-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(region).contains("Vacatures in de regio per maand").contains(">30</td>");
        assertThat(lastCall("/api/vacancies/history/region").token()).isEqualTo("coordinator-token");

        mvc.perform(get("/coordinator/schools/21CM00").param("lang", "en").with(as("COORDINATOR", "t")))
                .andExpect(content().string(Matchers.containsString("Median days to fill")))
                .andExpect(content().string(Matchers.containsString("Nov 2026")));
    }

    @Test
    void aSchoolOutsideTheRegionReadsAsNotFoundWithTheServicesWords() throws Exception {
        mvc.perform(get("/coordinator/schools/99XX99").with(as("COORDINATOR", "t")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString("valt buiten uw regio of school")))
                .andExpect(content().string(Matchers.containsString("School 99XX99 not found")));
    }

    @Test
    void eachRoleSeesOnlyItsOwnPages() throws Exception {
        for (String page : List.of("/hr/staff", "/hr/placements", "/hr/placements/placement-2/complete",
                "/scout/suggestions", "/admin/erasure", "/admin/audit")) {
            mvc.perform(get(page).with(as("COORDINATOR", "t"))).andExpect(status().isForbidden())
                    .andExpect(forwardedUrl("/forbidden"));
        }
        int callsBefore = SERVICES.calls().size();
        for (String role : List.of("COORDINATOR", "TALENT_SCOUT", "ADMIN")) {
            for (String page : List.of("/hr/placements", "/hr/placements/placement-2/complete", "/hr/staff/T-0042")) {
                mvc.perform(get(page).with(as(role, "t"))).andExpect(status().isForbidden());
            }
            for (String action : List.of("/hr/staff", "/hr/staff/leaving-date", "/hr/staff/T-0042/remove",
                    "/hr/staff/T-0042/interviews/i-1/actions/0/done", "/hr/placements/placement-3/start",
                    "/hr/placements/placement-2/complete")) {
                mvc.perform(post(action).with(as(role, "t")).with(csrf()).param("staffRef", "T-0100")
                        .param("role", "docent").param("fte", "1").param("yearsInService", "1")
                        .param("leavesOn", "2027-01-01").param("reliability", "5").param("talentForTeaching", "5")
                        .param("confirmed", "true"))
                        .andExpect(status().isForbidden());
            }
        }
        assertThat(SERVICES.calls()).as("a refused page calls no service").hasSize(callsBefore);
        for (String role : List.of("SCHOOL_HR", "TALENT_SCOUT", "ADMIN")) {
            for (String page : List.of("/coordinator/map", "/coordinator/matching", "/coordinator/tutors")) {
                mvc.perform(get(page).with(as(role, "t"))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(get("/admin/erasure").with(as("SCHOOL_HR", "t"))).andExpect(status().isForbidden());
        mvc.perform(get("/coordinator/map")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/instroom"));
    }

    @Test
    void theNavigationOffersEachRoleOnlyItsOwnPagesAndTheStartPageFollowsTheRole() throws Exception {
        String coordinator = mvc.perform(get("/coordinator/map").with(as("COORDINATOR", "t"))).andReturn()
                .getResponse().getContentAsString();
        assertThat(coordinator).contains("/coordinator/matching").doesNotContain("/admin/audit")
                .doesNotContain("/hr/staff").doesNotContain("/hr/placements");
        String hr = mvc.perform(get("/hr/placements").with(as("SCHOOL_HR", "t"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(hr).contains("href=\"/hr/staff\"").contains("href=\"/hr/placements\">Tutorplaatsingen</a>")
                .doesNotContain("/coordinator/placements");
        String admin = mvc.perform(get("/admin/audit").with(as("ADMIN", "t"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(admin).contains("/admin/erasure").doesNotContain("/coordinator/map");
        mvc.perform(get("/").with(as("ADMIN", "t"))).andExpect(redirectedUrl("/admin/erasure"));
        mvc.perform(get("/").with(as("COORDINATOR", "t"))).andExpect(redirectedUrl("/coordinator/map"));
    }

    @Test
    void aRefusedTutorRegistrationShowsTheFieldAndKeepsEverythingTyped() throws Exception {
        String page = mvc.perform(post("/coordinator/tutors").with(as("COORDINATOR", "t")).with(csrf())
                        .param("name", "Sanne de Vries").param("schoolAttended", "Celeanum").param("schoolYear", "4")
                        .param("dateOfBirth", "2011-03-02").param("subject", "wiskunde").param("level", "vwo")
                        .param("hoursPerWeek", "4").param("weekdays", "MONDAY", "WEDNESDAY").param("pc4", "80")
                        .param("maxTravelKm", "10"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("role=\"alert\"").contains("Niet alle gegevens zijn goed ingevuld")
                .contains("pc4").contains("must be a 4-digit postcode area (PC4)");
        assertThat(page).contains("value=\"Sanne de Vries\"").contains("value=\"Celeanum\"")
                .contains("value=\"2011-03-02\"").contains("value=\"80\"")
                .containsPattern("value=\"vwo\"\\s+selected")
                .containsPattern("value=\"MONDAY\" checked").containsPattern("value=\"WEDNESDAY\" checked")
                .doesNotContainPattern("value=\"FRIDAY\" checked");
    }

    @Test
    void signingOutEndsTheSignInAtTheIdentityServerToo() throws Exception {
        MvcResult result = mvc.perform(post("/logout").with(csrf()).with(oidcLogin()
                        .idToken(token -> token.tokenValue("id-token-of-coordinator").subject("coordinator-1"))))
                .andExpect(status().is3xxRedirection()).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo(SERVICES.url()
                + "/connect/logout?id_token_hint=id-token-of-coordinator"
                + "&post_logout_redirect_uri=http://localhost/signed-out");
        mvc.perform(get("/signed-out")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("U bent afgemeld")));
    }

    @Test
    void theTutorsPageListsTheRegionsTutorsAndWhoCanBePlaced() throws Exception {
        String page = mvc.perform(get("/coordinator/tutors").with(as("COORDINATOR", "t")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("href=\"/coordinator/tutors/tutor-1\">Anouk Smit</a>")
                .contains("href=\"/coordinator/tutors/tutor-2\">Bram Kok</a>")
                .contains("wacht op toestemming ouder").contains(">maandag, </span>")
                .doesNotContain("offset=50");
        assertThat(lastCall("/api/tutors").path()).startsWith("/api/tutors?").contains("offset=0").contains("limit=50");
        assertThat(lastCall("/api/tutors").token()).isEqualTo("t");
    }

    @Test
    void aRegisteredTutorOpensWithItsId() throws Exception {
        MvcResult result = mvc.perform(post("/coordinator/tutors").with(as("COORDINATOR", "t")).with(csrf())
                        .param("name", "Sanne de Vries").param("schoolAttended", "Celeanum").param("schoolYear", "4")
                        .param("dateOfBirth", "2011-03-02").param("subject", "wiskunde").param("level", "havo")
                        .param("hoursPerWeek", "4").param("weekdays", "MONDAY").param("pc4", "8011")
                        .param("maxTravelKm", "10"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).matches("/coordinator/tutors/tutor-\\d+\\?registered");
        assertThat(lastCall("/api/tutors").body()).contains("\"pc4\":\"8011\"").contains("\"hoursPerWeek\":4")
                .contains("\"weekdays\":[\"MONDAY\"]");
    }

    @Test
    void matchingRunsAreReviewedPinnedExcludedSolvedAgainAndAccepted() throws Exception {
        String run = mvc.perform(post("/coordinator/matching").with(as("COORDINATOR", "t")).with(csrf())
                        .param("subject", "wiskunde").param("level", "havo"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String page = mvc.perform(get(run).with(as("COORDINATOR", "t"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("tutor-1").contains("tutor-2").contains("71,50").contains("−4,80").contains("66,70");

        String again = mvc.perform(post(run + "/resolve").with(as("COORDINATOR", "t")).with(csrf())
                        .param("pin", "tutor-1|21CM00|wiskunde").param("exclude", "tutor-2|20DK01|wiskunde"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(lastCall("/api/matching/runs").body())
                .contains("\"pins\":[{").contains("\"tutorId\":\"tutor-1\"").contains("\"exclusions\":[{")
                .contains("\"tutorId\":\"tutor-2\"").contains("\"subject\":\"wiskunde\"").contains("\"level\":\"havo\"");
        String review = mvc.perform(get(again).with(as("COORDINATOR", "t"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(review).doesNotContain(">tutor-2<").containsPattern("value=\"tutor-1\\|21CM00\\|wiskunde\" checked");

        mvc.perform(post(again + "/accept").with(as("COORDINATOR", "t")).with(csrf()))
                .andExpect(redirectedUrl("/coordinator/placements"));
    }

    @Test
    void aRefusedRunKeepsTheQuestionAndSaysWhy() throws Exception {
        mvc.perform(post("/coordinator/matching").with(as("COORDINATOR", "t")).with(csrf())
                        .param("subject", "latijn").param("level", "vwo"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Dit kan nu niet")))
                .andExpect(content().string(Matchers.containsString("breaks a hard constraint: travel")))
                .andExpect(content().string(Matchers.containsString("value=\"latijn\"")));
    }

    @Test
    void theAdminRequestsErasureSeesItsProgressAndSearchesTheAuditOfAService() throws Exception {
        mvc.perform(post("/admin/erasure").with(as("ADMIN", "admin-token")).with(csrf())
                        .param("subjectKind", "STAFF").param("subjectRef", "not a ref!"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("must be a pseudonymous reference")))
                .andExpect(content().string(Matchers.containsString("value=\"not a ref!\"")))
                .andExpect(content().string(Matchers.containsString("value=\"STAFF\" selected")));
        mvc.perform(post("/admin/erasure").with(as("ADMIN", "admin-token")).with(csrf())
                        .param("subjectKind", "TUTOR").param("subjectRef", "tutor-1"))
                .andExpect(redirectedUrl("/admin/erasure/" + FakeServices.ERASURE_OWN));
        String own = mvc.perform(get("/admin/erasure/" + FakeServices.ERASURE_OWN).with(as("ADMIN", "admin-token")))
                .andReturn().getResponse().getContentAsString();
        assertThat(own).as("the requester's own request: waiting, withdraw offered, approval not")
                .contains("Wacht op goedkeuring").contains("id=\"withdraw\"").doesNotContain("id=\"approve\"")
                .contains("tutor-1");
        mvc.perform(get("/admin/erasure/" + FakeServices.ERASURE_DONE).with(as("ADMIN", "admin-token")))
                .andExpect(content().string(Matchers.containsString("Voltooid")))
                .andExpect(content().string(Matchers.containsString("admin-3")));
        String list = mvc.perform(get("/admin/erasure").with(as("ADMIN", "admin-token"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).as("pending requests are listed for the other admins").contains("Wacht op goedkeuring");

        mvc.perform(get("/admin/audit").param("service", "scouting").param("subjectRef", "tutor-1")
                        .param("search", "1").with(as("ADMIN", "admin-token")))
                .andExpect(content().string(Matchers.containsString("tutor.read")));
        assertThat(lastCall("/api/admin/audit").path()).contains("subjectRef=tutor-1");
        assertThat(lastCall("/api/admin/audit").token()).isEqualTo("admin-token");
    }

    @Test
    void aSecondAdminApprovesAnotherAdminsErasureAndTheRequestersOwnApprovalIsRefusedByIdentity() throws Exception {
        String others = mvc.perform(get("/admin/erasure/" + FakeServices.ERASURE_OTHERS)
                .with(as("ADMIN", "admin-token"))).andReturn().getResponse().getContentAsString();
        assertThat(others).contains("id=\"approve\"").doesNotContain("id=\"withdraw\"");

        mvc.perform(post("/admin/erasure/" + FakeServices.ERASURE_OTHERS + "/approve").with(as("ADMIN",
                "admin-token")).with(csrf())).andExpect(redirectedUrl("/admin/erasure/" + FakeServices.ERASURE_OTHERS))
                .andExpect(flash().attribute("decided", "approved"));
        assertThat(lastCall("/api/admin/erasure-requests/" + FakeServices.ERASURE_OTHERS + "/approval").token())
                .isEqualTo("admin-token");

        mvc.perform(post("/admin/erasure/" + FakeServices.ERASURE_OWN + "/approve").with(as("ADMIN",
                "admin-token")).with(csrf())).andExpect(flash().attributeExists("problem"));
        mvc.perform(post("/admin/erasure/not-an-id/approve").with(as("ADMIN", "admin-token")).with(csrf()))
                .andExpect(redirectedUrl("/admin/erasure/not-an-id"));
        assertThat(SERVICES.calls()).noneMatch(call -> call.path().contains("not-an-id"));
        mvc.perform(post("/admin/erasure/" + FakeServices.ERASURE_OTHERS + "/approve").with(as("COORDINATOR", "t"))
                .with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void schoolKeyDeletionsAreRequestedOnlyWithAConfirmationAndApprovedByAnotherAdmin() throws Exception {
        String page = mvc.perform(get("/admin/school-keys").with(as("ADMIN", "admin-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Wacht op goedkeuring").contains("Verwijderd (1 sleutel(s)), goedgekeurd door admin-3")
                .contains("/admin/school-keys/" + FakeServices.KEY_DELETION_OTHERS + "/approve")
                .doesNotContain("/admin/school-keys/" + FakeServices.KEY_DELETION_OWN + "/approve")
                .contains("/admin/school-keys/" + FakeServices.KEY_DELETION_OWN + "/withdraw");

        long requestsBefore = SERVICES.calls().stream().filter(call -> call.path().endsWith("/key-deletions")).count();
        mvc.perform(post("/admin/school-keys").with(as("ADMIN", "admin-token")).with(csrf())
                .param("schoolCode", "21CM00")).andExpect(flash().attribute("invalid", true));
        assertThat(SERVICES.calls().stream().filter(call -> call.path().endsWith("/key-deletions")).count())
                .as("no request without the confirmation").isEqualTo(requestsBefore);
        mvc.perform(post("/admin/school-keys").with(as("ADMIN", "admin-token")).with(csrf())
                .param("schoolCode", "21cm00").param("confirmed", "true"))
                .andExpect(flash().attribute("requested", "21CM00"));
        assertThat(lastCall("/api/admin/schools/21CM00/key-deletions").token()).isEqualTo("admin-token");

        mvc.perform(post("/admin/school-keys/" + FakeServices.KEY_DELETION_OTHERS + "/approve")
                .with(as("ADMIN", "admin-token")).with(csrf())).andExpect(redirectedUrl("/admin/school-keys"))
                .andExpect(flash().attribute("decided", "approved"));
        assertThat(lastCall("/api/admin/key-deletions/" + FakeServices.KEY_DELETION_OTHERS + "/approval").method())
                .isEqualTo("POST");
        mvc.perform(get("/admin/school-keys").with(as("SCHOOL_HR", "t"))).andExpect(status().isForbidden());
    }

    @Test
    void aScoutWorksTheInboxAndSeesThePipelineByStageTheFunnelAndUncoveredSchools() throws Exception {
        String inbox = mvc.perform(get("/scout/suggestions").with(as("TALENT_SCOUT", "scout-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(inbox).contains("STAFF-7f3a").contains("Greijdanus Zwolle")
                .as("the services' codes in the scout's words")
                .contains("<span>Afgeronde tutorplaatsing</span> · <span>Toekomstig leraar</span>")
                .containsPattern("value=\"ROLE_MODEL\"[^>]*>Rolmodel</option>")
                .doesNotContain(">POTENTIAL_TEACHER<");
        mvc.perform(post("/scout/suggestions/suggestion-1/accept").with(as("TALENT_SCOUT", "scout-token"))
                        .with(csrf()).param("kind", "ROLE_MODEL").param("rationale", "uitstekende uitleg in de klas"))
                .andExpect(redirectedUrl("/scout/suggestions"));
        assertThat(lastCall("/api/suggestions/suggestion-1/accept").body()).contains("\"kind\":\"ROLE_MODEL\"");
        assertThat(lastCall("/api/suggestions").token()).isEqualTo("scout-token");

        String pipeline = mvc.perform(get("/scout/pipeline").with(as("TALENT_SCOUT", "scout-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(pipeline).contains("Gesignaleerd (1)").contains("Benaderd (1)").contains("Ingeschreven (1)")
                .contains("Geïnteresseerd (0)").contains("class=\"bar\"").contains("1 / 3")
                .contains(">Tutoren · Gesignaleerd</text>").contains(">Tutoren · Ingeschreven</text>")
                .contains("1. Greijdanus Zwolle")
                .contains("Zij-instromers via het Onderwijsloket: 4 doorverwezen → 2 in opleiding → 1 aan het werk");
        mvc.perform(get("/scout/pipeline").with(as("COORDINATOR", "t"))).andExpect(status().isForbidden());
    }

    @Test
    void schoolHrSeesWhoIsDueTheTrendAndARefusedInterviewKeepsEveryAnswer() throws Exception {
        String staff = mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "hr-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staff).contains("T-0077").contains("nog nooit een gesprek").contains("T-0042 · uiterlijk 2026-11-01")
                .contains("<polyline").contains(">stijgend</span>")
                .as("the chart's axis in Dutch numbers").contains(">0,35</text>");
        assertThat(lastCall("/api/schools/21CM00/staff").token()).isEqualTo("hr-token");

        String form = mvc.perform(get("/hr/staff/T-0077/interview").with(as("SCHOOL_HR", "hr-token")))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Leg geen gezondheidsgegevens vast").contains("Do not record health information");

        String refused = mvc.perform(post("/hr/staff/T-0077/interview").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("heldOn", "2027-05-01").param("interviewer", "M. Jansen")
                        .param("lookingForwardTo", "de leerlingen").param("whyStay", "het team")
                        .param("workload", "4").param("satisfaction", "2").param("intentToStay", "UNSURE")
                        .param("ambitions", "", "AMBASSADOR:SCOUT", "SCHOOL_LEADER", "", "")
                        .param("actionDescription", "rooster bespreken", "", "")
                        .param("actionOwner", "teamleider", "", "").param("actionDueOn", "2026-12-15", "", "")
                        .param("notes", "wil meer lesuren"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("must be a date in the past or in the present").contains("value=\"2027-05-01\"")
                .contains("value=\"M. Jansen\"").contains(">de leerlingen</textarea>").contains(">het team</textarea>")
                .contains(">wil meer lesuren</textarea>").containsPattern("value=\"4\"\\s+selected")
                .containsPattern("value=\"AMBASSADOR:SCOUT\"\\s+selected")
                .containsPattern("value=\"SCHOOL_LEADER\"\\s+selected")
                .doesNotContainPattern("value=\"MENTOR[^\"]*\"\\s+selected")
                .contains("value=\"rooster bespreken\"").contains("value=\"teamleider\"")
                .contains("value=\"2026-12-15\"")
                .containsPattern("value=\"UNSURE\"\\s+selected");

        mvc.perform(post("/hr/staff/T-0077/interview").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("heldOn", "2026-11-20").param("interviewer", "M. Jansen").param("workload", "3")
                        .param("satisfaction", "4").param("intentToStay", "YES")
                        .param("ambitions", "MENTOR", "AMBASSADOR:SCOUT", "", "", "")
                        .param("actionDescription", "", "mentortraject zoeken", "")
                        .param("actionOwner", "", "HR", "").param("actionDueOn", "", "2027-01-31", ""))
                .andExpect(redirectedUrl("/hr/staff"));
        assertThat(lastCall("/api/schools/21CM00/staff/T-0077/interviews").body()).contains("\"workload\":3")
                .contains("\"intentToStay\":\"YES\"")
                .as("a named ambition stays with HR; a shared one is marked for the scout")
                .contains("\"ambitions\":[{\"ambition\":\"MENTOR\",\"scoutMayKnow\":false},"
                        + "{\"ambition\":\"AMBASSADOR\",\"scoutMayKnow\":true}]")
                .as("only the filled row, whichever row it was")
                .contains("\"actions\":[{\"description\":\"mentortraject zoeken\",\"owner\":\"HR\","
                        + "\"dueOn\":\"2027-01-31\"}]");
        mvc.perform(get("/hr/staff").with(as("TALENT_SCOUT", "t"))).andExpect(status().isForbidden());
    }

    @Test
    void schoolHrReadsAColleaguesInterviewsNewestFirstWithWhatOnlyTheyMayRead() throws Exception {
        String dossier = mvc.perform(get("/hr/staff/T-0042").with(as("SCHOOL_HR", "hr-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(lastCall("GET", "/api/schools/21CM00/staff/T-0042/interviews").token()).isEqualTo("hr-token");
        assertThat(dossier).contains("Stay-gesprekken met T-0042").contains("in de zomer, door de werkdruk")
                .contains("wil meer lesuren").contains("Mentor worden · talentscout mag het weten")
                .contains("<dd>Midden</dd>").contains("<dd>Weet niet</dd>").contains("gedaan op 2025-11-20")
                .as("an interview whose school key was deleted says so").contains("niet meer te lezen");
        assertThat(dossier.indexOf("2026-10-01 · M. Jansen")).as("newest first")
                .isLessThan(dossier.indexOf("<h2>2025-10-01</h2>")).isPositive();
        assertThat(dossier).doesNotContain("null");

        mvc.perform(post("/hr/staff/T-0042/interviews/i-1/actions/7/done").with(as("SCHOOL_HR", "hr-token"))
                        .with(csrf()).param("from", "dossier"))
                .andExpect(redirectedUrl("/hr/staff/T-0042")).andExpect(flash().attributeExists("problem"));
        mvc.perform(get("/hr/staff/T-0099").with(as("SCHOOL_HR", "hr-token")))
                .andExpect(content().string(Matchers.containsString("Staff member T-0099 was not found")));
    }

    @Test
    void schoolHrRemovesAColleagueOnlyAfterConfirmingIt() throws Exception {
        mvc.perform(post("/hr/staff").with(as("SCHOOL_HR", "hr-token")).with(csrf()).param("staffRef", "T-0300")
                        .param("role", "docent").param("fte", "1").param("yearsInService", "1"))
                .andExpect(redirectedUrl("/hr/staff"));
        int callsBefore = SERVICES.calls().size();

        mvc.perform(post("/hr/staff/T-0300/remove").with(as("SCHOOL_HR", "hr-token")).with(csrf()))
                .andExpect(redirectedUrl("/hr/staff/T-0300")).andExpect(flash().attribute("confirmRemoval", true));
        assertThat(SERVICES.calls()).as("not confirmed: nothing asked of stay-interviews").hasSize(callsBefore);
        String asked = mvc.perform(get("/hr/staff/T-0300").with(as("SCHOOL_HR", "hr-token"))
                        .flashAttr("confirmRemoval", true))
                .andReturn().getResponse().getContentAsString();
        assertThat(asked).contains("Er is niets verwijderd.");

        mvc.perform(post("/hr/staff/T-0300/remove").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("confirmed", "true"))
                .andExpect(redirectedUrl("/hr/staff")).andExpect(flash().attribute("removed", "T-0300"));
        assertThat(lastCall("DELETE", "/api/schools/21CM00/staff/T-0300").token()).isEqualTo("hr-token");
        String staff = mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "hr-token")).flashAttr("removed", "T-0300"))
                .andReturn().getResponse().getContentAsString();
        assertThat(staff).contains("Medewerker T-0300 en alle gesprekken zijn verwijderd.").doesNotContain(">T-0300<");
    }

    @Test
    void aPlacementIsCancelledWithAReasonFromTheListAndShowsItWithoutAReasonNothingChanges() throws Exception {
        String page = mvc.perform(get("/hr/placements").with(as("SCHOOL_HR", "hr-token")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"cancel-placement-5\"").contains(">Rooster of reistijd past niet</option>");

        int callsBefore = SERVICES.calls().size();
        for (String notAReason : List.of("", "PUPIL_JANSEN_IS_ILL", "CONSENT_WITHDRAWN")) {
            mvc.perform(post("/hr/placements/placement-5/cancel").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                            .param("reasonCode", notAReason))
                    .andExpect(redirectedUrl("/hr/placements")).andExpect(flash().attributeExists("problem"));
        }
        assertThat(SERVICES.calls()).as("a reason not in the list never reaches tutoring").hasSize(callsBefore);
        mvc.perform(post("/coordinator/placements/placement-5/cancel").with(as("COORDINATOR", "coordinator-token"))
                        .with(csrf()).param("schoolCode", "21CM00").param("reasonCode", "SCHEDULE_CONFLICT"))
                .andExpect(redirectedUrl("/coordinator/placements?schoolCode=21CM00"))
                .andExpect(flash().attribute("cancelled", "placement-5"));
        assertThat(lastCall("POST", "/api/placements/placement-5/cancel").body())
                .isEqualTo("{\"reasonCode\":\"SCHEDULE_CONFLICT\"}");
        assertThat(lastCall("POST", "/api/placements/placement-5/cancel").token()).isEqualTo("coordinator-token");

        String after = mvc.perform(get("/coordinator/placements").param("schoolCode", "21CM00")
                        .with(as("COORDINATOR", "coordinator-token")))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).containsPattern("(?s)id=\"placement-row-placement-5\".*?Geannuleerd</span>\\s*"
                + "<small class=\"reason\">\\(Rooster of reistijd past niet\\)</small>")
                .doesNotContain("id=\"cancel-placement-5\"");
        mvc.perform(post("/hr/placements/placement-5/cancel").with(as("TALENT_SCOUT", "t")).with(csrf())
                        .param("reasonCode", "OTHER"))
                .andExpect(status().isForbidden());
    }

    @Test
    void schoolHrRegistersAStaffMemberAtTheSchoolInTheirTokenWithTheirOwnToken() throws Exception {
        mvc.perform(post("/hr/staff").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("schoolCode", "20DK01").param("staffRef", "T-0100").param("role", "docent")
                        .param("subject", "engels").param("fte", "0,8").param("yearsInService", "3")
                        .param("lastStayInterviewOn", ""))
                .andExpect(redirectedUrl("/hr/staff")).andExpect(flash().attribute("registered", "T-0100"));

        FakeServices.Call call = lastCall("POST", "/api/schools/21CM00/staff");
        assertThat(call.token()).isEqualTo("hr-token");
        assertThat(call.body()).contains("\"staffRef\":\"T-0100\"").contains("\"role\":\"docent\"")
                .contains("\"subject\":\"engels\"").contains("\"fte\":0.8").contains("\"yearsInService\":3")
                .contains("\"lastStayInterviewOn\":null");
        assertThat(SERVICES.calls()).noneMatch(c -> c.path().contains("20DK01"));
        String staff = mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "hr-token")).flashAttr("registered", "T-0100"))
                .andReturn().getResponse().getContentAsString();
        assertThat(staff).contains("Medewerker T-0100 is geregistreerd.").contains(">T-0100</a></td>");
    }

    @Test
    void aRefusedStaffRegistrationShowsTheServicesMessageAndKeepsEverythingTyped() throws Exception {
        String bsn = mvc.perform(post("/hr/staff").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("staffRef", "123456782").param("role", "teamleider").param("subject", "wiskunde")
                        .param("fte", "0,6").param("yearsInService", "12").param("lastStayInterviewOn", "2026-03-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(bsn).contains("role=\"alert\"").contains("Niet alle gegevens zijn goed ingevuld")
                .contains("The staff reference must not be a national id number (BSN)");
        assertThat(bsn.indexOf("id=\"problem\"")).as("the refusal stands above the registration form")
                .isBetween(bsn.indexOf(">Medewerker registreren</h2>"), bsn.indexOf("id=\"register-staff\""));
        assertThat(bsn).contains("value=\"123456782\"").contains("value=\"teamleider\"")
                .contains("value=\"wiskunde\"").contains("value=\"0,6\"").contains("value=\"12\"")
                .contains("value=\"2026-03-01\"");

        String fields = mvc.perform(post("/hr/staff").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("staffRef", "T-0101").param("role", "docent").param("fte", "veel")
                        .param("yearsInService", "70"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(fields).contains("must be greater than 0.0").contains("must be between 0 and 60")
                .contains("value=\"veel\"").contains("value=\"70\"").contains("value=\"T-0101\"");
        mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "hr-token")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("T-0101"))));
    }

    @Test
    void aLeavingDateAndAnActionDoneReachStayInterviewsForTheOwnSchool() throws Exception {
        mvc.perform(post("/hr/staff/leaving-date").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("staffRef", "T-0077").param("leavesOn", "2027-07-31"))
                .andExpect(redirectedUrl("/hr/staff"));
        FakeServices.Call leaving = lastCall("PUT", "/api/schools/21CM00/staff/T-0077/leaving-date");
        assertThat(leaving.token()).isEqualTo("hr-token");
        assertThat(leaving.body()).isEqualTo("{\"leavesOn\":\"2027-07-31\"}");
        assertThat(mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "hr-token"))).andReturn().getResponse()
                .getContentAsString()).contains("<td>2027-07-31</td>");

        String unknown = mvc.perform(post("/hr/staff/leaving-date").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("staffRef", "T-9999").param("leavesOn", "2027-08-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("Staff member T-9999 was not found").contains("value=\"2027-08-01\"");

        String page = mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "hr-token"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("action=\"/hr/staff/T-0042/interviews/i-1/actions/1/done\"");
        mvc.perform(post("/hr/staff/T-0042/interviews/i-1/actions/1/done").with(as("SCHOOL_HR", "hr-token"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/hr/staff")).andExpect(flash().attribute("actionDone", "T-0042"));
        assertThat(lastCall("POST", "/api/schools/21CM00/staff/T-0042/interviews/i-1/actions/1/done").token())
                .isEqualTo("hr-token");
        assertThat(mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "hr-token"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("actions/1/done").contains("actions/0/done");

        MvcResult refused = mvc.perform(post("/hr/staff/T-0042/interviews/i-1/actions/7/done")
                        .with(as("SCHOOL_HR", "hr-token")).with(csrf()))
                .andExpect(redirectedUrl("/hr/staff")).andReturn();
        mvc.perform(get("/hr/staff").with(as("SCHOOL_HR", "hr-token")).flashAttrs(refused.getFlashMap()))
                .andExpect(content().string(Matchers.containsString("Interview i-1 has no follow-up action 7")));
    }

    @Test
    void schoolHrSeesTheSchoolsPlacementsStartsOneAndCompletesOneWithTheRatings() throws Exception {
        String list = mvc.perform(get("/hr/placements").param("schoolCode", "20DK01")
                        .with(as("SCHOOL_HR", "hr-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(lastCall("GET", "/api/placements").path()).isEqualTo("/api/placements?schoolCode=21CM00");
        assertThat(lastCall("GET", "/api/placements").token()).isEqualTo("hr-token");
        assertThat(list).contains("Tutorplaatsingen op uw school · 21CM00").contains("placement-1")
                .contains("Voorgesteld").contains("Bevestigd").contains("Loopt")
                .contains("action=\"/hr/placements/placement-3/start\"")
                .contains("href=\"/hr/placements/placement-4/complete\"")
                .doesNotContain("/hr/placements/placement-1/start").doesNotContain("placement-1/complete");

        mvc.perform(post("/hr/placements/placement-3/start").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("startedOn", "2026-11-24"))
                .andExpect(redirectedUrl("/hr/placements")).andExpect(flash().attribute("started", "placement-3"));
        FakeServices.Call start = lastCall("POST", "/api/placements/placement-3/start");
        assertThat(start.token()).isEqualTo("hr-token");
        assertThat(start.body()).isEqualTo("{\"startedOn\":\"2026-11-24\"}");

        String again = mvc.perform(post("/hr/placements/placement-3/start").with(as("SCHOOL_HR", "hr-token"))
                        .with(csrf()).param("startedOn", "2026-11-25"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("Dit kan nu niet").contains("is ACTIVE and cannot be started")
                .contains("href=\"/hr/placements/placement-3/complete\"");

        String form = mvc.perform(get("/hr/placements/placement-4/complete").with(as("SCHOOL_HR", "hr-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("Geen gevoelige gegevens in de notitie").contains("aria-describedby=\"note-warning\"")
                .contains("bij een 4 of 5 krijgt de talentscout").contains("<label for=\"reliability\"")
                .contains("<label for=\"talentForTeaching\"").contains("<label for=\"note\"");
        mvc.perform(get("/hr/placements/placement-4/complete").param("lang", "en")
                        .with(as("SCHOOL_HR", "hr-token")))
                .andExpect(content().string(Matchers.containsString("No sensitive data in the note")))
                .andExpect(content().string(Matchers.containsString("Talent for teaching (1 weak")));

        mvc.perform(post("/hr/placements/placement-4/complete").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("reliability", "4").param("talentForTeaching", "5")
                        .param("note", "kwam altijd voorbereid"))
                .andExpect(redirectedUrl("/hr/placements"))
                .andExpect(flash().attribute("completed", "placement-4"));
        FakeServices.Call complete = lastCall("POST", "/api/placements/placement-4/complete");
        assertThat(complete.token()).isEqualTo("hr-token");
        assertThat(complete.body()).isEqualTo(
                "{\"reliability\":4,\"talentForTeaching\":5,\"note\":\"kwam altijd voorbereid\"}");
        assertThat(mvc.perform(get("/hr/placements").with(as("SCHOOL_HR", "hr-token"))).andReturn().getResponse()
                .getContentAsString()).contains("betrouwbaarheid 4, talent voor lesgeven 5");
    }

    @Test
    void schoolHrSaysOnWhichDaysAndHowManyTutorsTheSchoolHostsAndABadNumberIsShownWithTheTicksKept()
            throws Exception {
        String before = mvc.perform(get("/hr/placements").with(as("SCHOOL_HR", "hr-token"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(lastCall("GET", "/api/schools/21CM00").token()).isEqualTo("hr-token");
        assertThat(before).contains("Tutordagen en aantal tutoren").contains("nog niet opgegeven")
                .contains("<legend>Werkdagen waarop uw school tutoren ontvangt</legend>")
                .contains("<label for=\"capacity\"")
                .doesNotContainPattern("id=\"hosting-[A-Z]+\" value=\"[A-Z]+\" checked");

        String refused = mvc.perform(post("/hr/placements/hosting").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("weekdays", "TUESDAY", "THURSDAY").param("capacity", "veel"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(lastCall("PUT", "/api/schools/21CM00/tutoring-hosting").body())
                .isEqualTo("{\"weekdays\":[\"TUESDAY\",\"THURSDAY\"],\"capacity\":0}");
        assertThat(refused).contains("role=\"alert\"").contains("capacity")
                .containsPattern("id=\"hosting-TUESDAY\" value=\"TUESDAY\" checked")
                .containsPattern("id=\"hosting-THURSDAY\" value=\"THURSDAY\" checked")
                .doesNotContainPattern("id=\"hosting-MONDAY\" value=\"MONDAY\" checked")
                .contains("value=\"veel\"");

        mvc.perform(post("/hr/placements/hosting").with(as("SCHOOL_HR", "hr-token")).with(csrf())
                        .param("weekdays", "WEDNESDAY").param("capacity", "1"))
                .andExpect(redirectedUrl("/hr/placements")).andExpect(flash().attribute("hostingSaved", true));
        FakeServices.Call saved = lastCall("PUT", "/api/schools/21CM00/tutoring-hosting");
        assertThat(saved.token()).isEqualTo("hr-token");
        assertThat(saved.body()).isEqualTo("{\"weekdays\":[\"WEDNESDAY\"],\"capacity\":1}");
        String after = mvc.perform(get("/hr/placements").with(as("SCHOOL_HR", "hr-token")))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain("nog niet opgegeven").contains("id=\"capacity\" name=\"capacity\" value=\"1\"")
                .containsPattern("id=\"hosting-WEDNESDAY\" value=\"WEDNESDAY\" checked");
        for (String role : List.of("COORDINATOR", "TALENT_SCOUT", "ADMIN")) {
            mvc.perform(post("/hr/placements/hosting").with(as(role, "t")).with(csrf()).param("weekdays", "MONDAY")
                    .param("capacity", "9")).andExpect(status().isForbidden());
        }
        assertThat(lastCall("PUT", "/api/schools/21CM00/tutoring-hosting").body()).as("no other role's change")
                .contains("WEDNESDAY");
    }

    @Test
    void aRefusedCompletionShowsWhyAndKeepsTheRatingsAndTheNote() throws Exception {
        String refused = mvc.perform(post("/hr/placements/placement-1/complete").with(as("SCHOOL_HR", "hr-token"))
                        .with(csrf()).param("reliability", "3").param("talentForTeaching", "4")
                        .param("note", "nog niet begonnen"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("role=\"alert\"").contains("Dit kan nu niet")
                .contains("Placement placement-1 is PROPOSED and cannot be completed")
                .containsPattern("value=\"3\"\\s+selected").containsPattern("value=\"4\"\\s+selected")
                .contains(">nog niet begonnen</textarea>");

        String unrated = mvc.perform(post("/hr/placements/placement-2/complete").with(as("SCHOOL_HR", "hr-token"))
                        .with(csrf()).param("reliability", "").param("talentForTeaching", "5").param("note", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unrated).contains("reliability").contains("must be between 1 and 5")
                .containsPattern("value=\"5\"\\s+selected");
    }

    /** Signed in with a role, and the portal holding {@code token} as that person's access token. */
    private RequestPostProcessor as(String role, String token) {
        String subject = role.toLowerCase() + "-1";
        RequestPostProcessor login = oauth2Login().clientRegistration(registrations.findByRegistrationId("instroom"))
                .attributes(attributes -> {
                    attributes.put("sub", subject);
                    attributes.put("region", "AM36");
                    if (role.equals("SCHOOL_HR")) {
                        attributes.put("school", "21CM00");
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
        RequestPostProcessor client = oauth2Client("instroom")
                .clientRegistration(registrations.findByRegistrationId("instroom")).principalName(subject)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, Instant.now(),
                        Instant.now().plusSeconds(600)));
        return request -> client.postProcessRequest(login.postProcessRequest(request));
    }

    private static FakeServices.Call lastCall(String method, String path) {
        List<FakeServices.Call> matching = SERVICES.calls().stream().filter(call -> call.method().equals(method))
                .filter(call -> call.path().equals(path) || call.path().startsWith(path + "?")).toList();
        assertThat(matching).as(method + " calls to " + path).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static FakeServices.Call lastCall(String path) {
        List<FakeServices.Call> matching = SERVICES.calls().stream()
                .filter(call -> call.path().equals(path) || call.path().startsWith(path + "?")).toList();
        assertThat(matching).as("calls to " + path).isNotEmpty();
        return matching.get(matching.size() - 1);
    }

    private static List<String> circles(String page) {
        return Pattern.compile("<circle [^>]*data-code=\"([^\"]+)\"").matcher(page).results().map(m -> m.group(1))
                .toList();
    }

    private static double radius(String page, String code) {
        Matcher circle = Pattern.compile("<circle [^>]*r=\"([0-9.]+)\"[^>]*data-code=\"" + code + "\"").matcher(page);
        assertThat(circle.find()).as("circle of " + code).isTrue();
        return Double.parseDouble(circle.group(1));
    }
}
