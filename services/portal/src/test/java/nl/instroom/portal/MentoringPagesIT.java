package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Cross-mentoring's pages with mentoring replaced by {@link FakeMentoring}: the programme coordinator's pages send
 * the coordinator's token and show mentoring's refusals with what was typed kept; a participant's pages name no
 * side; each role is refused the other's pages.
 */
class MentoringPagesIT extends SharedPortal {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void theCoordinatorSeesTheCohortItsSignUpsAndARefusedSignUpKeepsWhatWasTyped() throws Exception {
        RequestPostProcessor coordinator = as("PROGRAMME_COORDINATOR", "programme-token");
        mvc.perform(get("/").with(coordinator)).andExpect(redirectedUrl("/programme"));
        assertThat(page("/programme", coordinator)).contains("Cross-mentoring schoolleiders")
                .contains("Voorjaar 2027").contains("/programme/cohorts/cohort-1");

        String cohort = page("/programme/cohorts/cohort-1", coordinator);
        assertThat(cohort).contains("Anke de Vries").contains("Netbeheer Oost").contains("leiderschap (3)")
                .contains("<th scope=\"col\"").contains("for=\"theme-LEADERSHIP\"");

        String refused = mvc.perform(post("/programme/cohorts/cohort-1/sign-ups").with(coordinator).with(csrf())
                .param("side", "SCHOOL_LEADER").param("name", "Joke Mulder").param("email", "joke@ozhw.nl")
                .param("sector", "PO").param("region", "AM36").param("organisation", "OZHW")
                .param("theme-WELLBEING", "2").param("availability", "EVENING").param("account", "joke.mulder"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("the person must consent").contains("value=\"Joke Mulder\"")
                .contains("value=\"joke.mulder\"");
        assertThat(refused).containsPattern("id=\"day-EVENING\"[^>]*checked");
        assertThat(refused).containsPattern("<option value=\"2\" selected=\"selected\">belangrijk</option>");

        String badLink = mvc.perform(post("/programme/cohorts/cohort-1/sign-ups").with(coordinator).with(csrf())
                .param("side", "SCHOOL_LEADER").param("name", "Joke Mulder").param("email", "joke@ozhw.nl")
                .param("sector", "PO").param("region", "AM36").param("organisation", "OZHW")
                .param("theme-WELLBEING", "2").param("consent", "on").param("staffLink", "T-0412"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(badLink).as("mentoring's field errors, each linked to its field and marked on it")
                .contains("href=\"#staffLink\"").contains("href=\"#staffLinkConsent\"")
                .contains("value=\"T-0412\"")
                .containsPattern("id=\"staffLink\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"error-staffLink staffLink-hint\"")
                .containsPattern("id=\"staffLinkConsent\"[^>]*aria-invalid=\"true\"");

        mvc.perform(post("/programme/cohorts/cohort-1/sign-ups").with(coordinator).with(csrf())
                .param("side", "SCHOOL_LEADER").param("name", "Joke Mulder").param("email", "joke@ozhw.nl")
                .param("sector", "PO").param("region", "AM36").param("organisation", "OZHW")
                .param("theme-WELLBEING", "2").param("account", "joke.mulder").param("consent", "on"))
                .andExpect(redirectedUrl("/programme/cohorts/cohort-1"));
        assertThat(MENTORING.calls).filteredOn(call -> call.path().equals("/api/cohorts/cohort-1/sign-ups")
                && call.method().equals("POST")).last().satisfies(call -> assertThat(call.body())
                .contains("\"themes\":{\"WELLBEING\":2}").contains("\"consent\":true")
                .contains("\"account\":\"joke.mulder\""));
        mvc.perform(post("/programme/cohorts/cohort-1/sign-ups").with(coordinator).with(csrf())
                .param("side", "SCHOOL_LEADER").param("name", "Piet Kramer").param("email", "piet@ozhw.nl")
                .param("sector", "PO").param("region", "AM36").param("organisation", "OZHW")
                .param("theme-WELLBEING", "2").param("consent", "on").param("staffLink", "21CM00:T-0412")
                .param("staffLinkConsent", "on"))
                .andExpect(redirectedUrl("/programme/cohorts/cohort-1"));
        assertThat(MENTORING.calls).filteredOn(call -> call.path().equals("/api/cohorts/cohort-1/sign-ups")
                && call.method().equals("POST")).last().satisfies(call -> assertThat(call.body())
                .contains("\"staffLink\":\"21CM00:T-0412\"").contains("\"staffLinkConsent\":true"));
        assertThat(MENTORING.calls).filteredOn(call -> !call.path().startsWith("/api/my/"))
                .allSatisfy(call -> assertThat(call.token()).isEqualTo("Bearer programme-token"));
    }

    @Test
    void theCoordinatorReviewsAMatchingRunWithEveryScoreExplainedPinsExcludesAndConfirms() throws Exception {
        RequestPostProcessor coordinator = as("PROGRAMME_COORDINATOR", "programme-token");
        String runPath = mvc.perform(post("/programme/cohorts/cohort-1/matching").with(coordinator).with(csrf()))
                .andExpect(redirectedUrlPattern("/programme/runs/run-*")).andReturn().getResponse()
                .getRedirectedUrl();
        String run = page(runPath, coordinator);
        assertThat(run).contains("bewezen de beste verdeling").contains("Punten voor het koppel")
                .contains("leiderschap (heel belangrijk): 30").contains("Anke de Vries (SPO Zwolle)")
                .contains("id=\"pin-0\"").contains("Vastzetten: Anke de Vries (SPO Zwolle) – ");

        String again = mvc.perform(post(runPath + "/review").with(coordinator).with(csrf())
                .param("pin", "leader-1|exec-1").param("exclude", "leader-2|exec-2"))
                .andExpect(redirectedUrlPattern("/programme/runs/run-*")).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(again).isNotEqualTo(runPath);
        assertThat(MENTORING.calls).extracting(FakeMentoring.Call::path)
                .contains("/api/cohorts/cohort-1/pins", "/api/cohorts/cohort-1/exclusions");
        assertThat(page(again, coordinator)).contains("(vastgezet)");
        assertThat(page("/programme/cohorts/cohort-1/matching", coordinator)).contains("Vastgezette koppels")
                .contains("Carla Smit (OZHW)");

        mvc.perform(post(again + "/confirmation").with(coordinator).with(csrf()))
                .andExpect(redirectedUrl("/programme/cohorts/cohort-1/pairs"));
        String pairs = page("/programme/cohorts/cohort-1/pairs", coordinator);
        assertThat(pairs).contains("Anke de Vries (SPO Zwolle) – Bram Jansen (Netbeheer Oost)")
                .contains("voorgesteld").contains("Geen stille koppels");
    }

    @Test
    void theFiguresAreChartsWithTheSameNumbersInTables() throws Exception {
        String figures = page("/programme/cohorts/cohort-1/figures", as("PROGRAMME_COORDINATOR", "t"));
        assertThat(figures).contains("<svg class=\"chart bars\" role=\"img\"").contains("50%")
                .contains("halverwege · Schoolleider").contains("4,5").contains("geen tijd")
                .contains("<th scope=\"row\">gematcht</th>");
        assertThat(figures.split("<table class=\"figures\">")).hasSize(5);
        assertThat(figures).as("the shortage rows and their chart").contains("1 van 2 gebleven, 1 vertrokken")
                .contains("Ambassadeur geworden sinds de start").contains("1 van 2 schoolleiders met een gestart koppel")
                .contains("<th scope=\"row\">gebleven</th>").contains("id=\"chart-shortage\"");
    }

    @Test
    void aParticipantSeesOnlyTheirOwnPairsSaysYesAndLogsAMeetingWithoutNamingASide() throws Exception {
        RequestPostProcessor participant = as("MENTORING_PARTICIPANT", FakeMentoring.PARTICIPANT_TOKEN);
        mvc.perform(get("/").with(participant)).andExpect(redirectedUrl("/mentoring"));
        assertThat(page("/mentoring", participant)).contains("Dirk Boer").contains("uw ja of nee wordt gevraagd");
        assertThat(page("/mentoring/pairs/" + FakeMentoring.MY_PROPOSED, participant)).contains("id=\"accept\"")
                .contains("mailto:partner@example.org");

        mvc.perform(post("/mentoring/pairs/" + FakeMentoring.MY_PROPOSED + "/acceptance").with(participant)
                .with(csrf())).andExpect(redirectedUrl("/mentoring/pairs/" + FakeMentoring.MY_PROPOSED));
        mvc.perform(post("/mentoring/pairs/" + FakeMentoring.MY_ACTIVE + "/meetings").with(participant).with(csrf())
                .param("on", "2026-11-20").param("minutes", "0").param("mode", "ONLINE"));
        mvc.perform(post("/mentoring/pairs/" + FakeMentoring.MY_ACTIVE + "/meetings").with(participant).with(csrf())
                .param("on", "2026-11-20").param("minutes", "45").param("mode", "ONLINE"))
                .andExpect(redirectedUrl("/mentoring/pairs/" + FakeMentoring.MY_ACTIVE));

        assertThat(MENTORING.calls).filteredOn(call -> call.path().startsWith("/api/my/") && call.method()
                .equals("POST")).allSatisfy(call -> {
                    assertThat(call.token()).isEqualTo("Bearer " + FakeMentoring.PARTICIPANT_TOKEN);
                    assertThat(call.body()).doesNotContain("side");
                });
        assertThat(page("/mentoring/pairs/" + FakeMentoring.MY_ACTIVE, participant)).contains("2026-11-20")
                .contains("online").contains("id=\"give-feedback\"");
        String refused = mvc.perform(get("/mentoring/pairs/pair-of-someone-else").with(participant))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Dit bestaat niet");
    }

    @Test
    void eachRoleIsRefusedTheOthersPages() throws Exception {
        mvc.perform(get("/programme").with(as("MENTORING_PARTICIPANT", "t"))).andExpect(status().isForbidden());
        mvc.perform(get("/mentoring").with(as("PROGRAMME_COORDINATOR", "t"))).andExpect(status().isForbidden());
        mvc.perform(get("/programme").with(as("COORDINATOR", "t"))).andExpect(status().isForbidden());
        mvc.perform(get("/coordinator/map").with(as("PROGRAMME_COORDINATOR", "t"))).andExpect(status()
                .isForbidden());
        mvc.perform(get("/programme")).andExpect(redirectedUrl("/oauth2/authorization/instroom"));
    }

    private RequestPostProcessor as(String role, String token) {
        String subject = role.toLowerCase() + "-1";
        RequestPostProcessor login = oauth2Login().clientRegistration(registrations.findByRegistrationId("instroom"))
                .attributes(attributes -> attributes.put("sub", subject))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
        RequestPostProcessor client = oauth2Client("instroom")
                .clientRegistration(registrations.findByRegistrationId("instroom")).principalName(subject)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, Instant.now(),
                        Instant.now().plusSeconds(600)));
        return request -> client.postProcessRequest(login.postProcessRequest(request));
    }
}
