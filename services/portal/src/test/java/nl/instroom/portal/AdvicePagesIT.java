package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Onderwijsloket's pages with career-advice replaced by a small fake: the public route finder and the request
 * for a conversation work without signing in and call career-advice without a token; the adviser's pages need the
 * adviser's role and send their token.
 */
class AdvicePagesIT extends SharedPortal {

    /** career-advice as the pages see it: fixed answers shaped like the real API, and every call it got. */
    static final class FakeCareerAdvice {

        record Call(String method, String path, String token, String body) {
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();
        final HttpServer server;
        /** Whether session s-1's one question was answered: before, the session asks it; after, it is complete. */
        volatile boolean answered;

        FakeCareerAdvice() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void handle(HttpExchange exchange) throws IOException {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String token = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(new Call(method, path, token, body));
            String question = """
                    {"id":"sector","text":"In welke sector wil je lesgeven?","options":[{"value":"po",
                    "label":"Basisonderwijs (po)"},{"value":"vo","label":"Voortgezet onderwijs (vo)"}]}""";
            String answer;
            int status = 200;
            if (method.equals("GET") && path.equals("/api/route-finder")) {
                answer = "{\"version\":\"2026-09\",\"published\":\"2026-09-01\",\"questions\":[" + question
                        + "],\"routes\":[{\"id\":\"zij-instroom-po\"},{\"id\":\"deeltijd-pabo\"}]}";
            } else if (method.equals("POST") && path.equals("/api/route-finder/sessions")) {
                status = 201;
                answer = "{\"id\":\"s-1\",\"rulesVersion\":\"2026-09\",\"answers\":{},\"next\":" + question
                        + ",\"complete\":false}";
            } else if (path.equals("/api/route-finder/sessions/s-1") && !answered) {
                answer = "{\"id\":\"s-1\",\"rulesVersion\":\"2026-09\",\"answers\":{},\"next\":" + question
                        + ",\"complete\":false}";
            } else if (path.equals("/api/route-finder/sessions/s-1") || path.startsWith(
                    "/api/route-finder/sessions/s-1/answers/")) {
                answered = answered || method.equals("PUT");
                answer = "{\"id\":\"s-1\",\"rulesVersion\":\"2026-09\",\"answers\":{\"sector\":\"po\"},"
                        + "\"next\":null,\"complete\":true}";
            } else if (path.equals("/api/route-finder/sessions/s-1/routes")) {
                answer = """
                        {"sessionId":"s-1","rulesVersion":"2026-09","complete":true,"answers":{"sector":"po"},
                         "fitting":[{"route":{"id":"deeltijd-pabo","name":"Deeltijd pabo","summary":"In deeltijd.",
                           "qualification":"Bevoegdheid basisonderwijs","steps":["Meld je aan"],
                           "duration":"4 jaar","costs":"Collegegeld","subsidies":[{"name":"Levenlanglerenkrediet",
                           "description":"Lening","source":"DUO"}],"sources":[{"title":"DUO",
                           "url":"https://duo.nl/"}]},"why":["Je wilt lesgeven in het basisonderwijs."]}],
                         "notFitting":[{"id":"zij-instroom-po","name":"Zij-instroom",
                           "missing":["Zij-instroom vraagt een afgeronde hbo- of wo-opleiding."]}]}""";
            } else if (method.equals("GET") && path.equals("/api/slots")) {
                answer = "[{\"id\":\"slot-1\",\"start\":\"2026-12-01T09:00:00Z\",\"end\":\"2026-12-01T09:30:00Z\"}]";
            } else if (method.equals("POST") && path.equals("/api/advice-requests")) {
                if (body.contains("\"consent\":false")) {
                    status = 400;
                    answer = "{\"type\":\"https://instroom.nl/problems/rejected\",\"title\":\"Request rejected\","
                            + "\"status\":400,\"detail\":\"explicit consent is needed to keep your request\"}";
                } else {
                    status = 201;
                    answer = "{\"bookingReference\":\"slot-1\",\"start\":\"2026-12-01T09:00:00Z\","
                            + "\"end\":\"2026-12-01T09:30:00Z\"}";
                }
            } else if (method.equals("GET") && path.equals("/api/cases")) {
                answer = "[{\"id\":\"case-1\",\"name\":\"Sanne de Vries\",\"phase\":\"ORIENTING\",\"sector\":\"VO\","
                        + "\"subject\":\"wiskunde\"}]";
            } else if (method.equals("GET") && path.equals("/api/cases/case-1")) {
                answer = """
                        {"id":"case-1","name":"Sanne de Vries","email":"sanne@example.org","phase":"ORIENTING",
                         "profile":{"sector":"VO","subject":"wiskunde","pc4":"8011"},"keepUntil":"2027-12-01T00:00:00Z",
                         "requests":[{"question":"Hoe word ik leraar wiskunde?"}],"contacts":[],"referrals":[]}""";
            } else if (method.equals("GET") && path.equals("/api/cases/case-1/need-nearby")) {
                answer = """
                        {"pc4":"8011","regions":[{"region":"AM11","need":9.0,"schools":1,"nearestKm":14.2},
                         {"region":"AM36","need":3.5,"schools":3,"nearestKm":0.4}],"schools":[]}""";
            } else if (method.equals("GET") && path.equals("/api/figures")) {
                answer = figures("2025-12", "2026-11");
            } else if (method.equals("GET") && path.equals("/api/figures/yearly-report")) {
                String query = exchange.getRequestURI().getQuery();
                int year = query != null && query.startsWith("year=") ? Integer.parseInt(query.substring(5)) : 2025;
                answer = "{\"schoolYear\":\"" + year + "-" + (year + 1) + "\",\"startYear\":" + year
                        + ",\"complete\":" + (year < 2026) + ",\"asOf\":\"2026-11-27\",\"figures\":"
                        + figures(year + "-09", (year + 1) + "-08") + "}";
            } else if (method.equals("GET") && path.equals("/api/cases/case-2")) {
                // Referred to AM36 and agreed to be introduced there (first name only).
                answer = """
                        {"id":"case-2","name":"Joris Smit","email":"joris@example.org","phase":"IN_TRAINING",
                         "profile":{"sector":"VO","subject":"natuurkunde","pc4":"8011"},
                         "keepUntil":"2027-12-01T00:00:00Z","requests":[],"contacts":[],
                         "referrals":[{"region":"AM36","sector":"VO","subject":"natuurkunde","on":"2026-11-20"}],
                         "introduction":{"region":"AM36","agreedOn":"2026-11-25","firstName":"Joris",
                          "contactEmail":null,"withdrawnOn":null}}""";
            } else if (method.equals("GET") && path.equals("/api/introductions")) {
                answer = """
                        [{"caseRef":"c0ffee00-0000-4000-8000-000000000001","firstName":"Joris",
                          "contactEmail":"joris.werk@example.org","agreedOn":"2026-11-25","sector":"VO",
                          "subject":"natuurkunde"}]""";
            } else if (path.equals("/api/cases/case-2/introduction")
                    && (method.equals("PUT") || method.equals("DELETE"))) {
                answer = "{\"region\":\"AM36\",\"agreedOn\":\"2026-11-25\"}";
            } else if (method.equals("POST") && path.equals("/api/cases/case-1/referrals")) {
                status = 201;
                answer = "{\"region\":\"AM11\"}";
            } else {
                status = 404;
                answer = "{\"title\":\"Not found\",\"status\":404}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status < 400 ? "application/json"
                    : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }
    }

    /** The desk's figures as career-advice answers them: two months with counts, the rest empty. */
    static String figures(String from, String to) {
        return """
                {"from":"%s","to":"%s","months":[
                 {"month":"%s","requests":4,"newCases":3,"advised":2,"reached":{"ORIENTING":2},"left":{},
                  "referrals":[],"routeFinderSessionsStarted":41,"routeFinderSessionsCompleted":30},
                 {"month":"%s","requests":6,"newCases":5,"advised":7,"reached":{"ORIENTING":3,"PREPARING":1},
                  "left":{"FINANCES":1},"referrals":[{"region":"AM36","sector":"VO","subject":"wiskunde","count":2}],
                  "routeFinderSessionsStarted":58,"routeFinderSessionsCompleted":44}],
                 "totals":{"requests":10,"newCases":8,"advised":9,"funnel":{"NEW":8,"ORIENTING":5,"PREPARING":1,
                  "IN_TRAINING":0,"WORKING":0},"left":{"FINANCES":1},"referralsPerRegion":{"AM36":2,"AM11":1},
                  "referrals":[{"region":"AM36","sector":"VO","subject":"wiskunde","count":2},
                   {"region":"AM11","sector":"PO","subject":null,"count":1}],
                  "routeFinderSessionsStarted":99,"routeFinderSessionsCompleted":74,
                  "routesShown":{"deeltijd-pabo":12,"zij-instroom-vo":9}}}""".formatted(from, to, from, to);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @Test
    void anyoneWalksTheRouteFinderWithoutSigningInAndSeesWhyEachRouteFitsOrNot() throws Exception {
        String start = mvc.perform(get("/route-finder")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(start).contains("Routeplanner").contains("2026-09").doesNotContain("Afmelden");

        mvc.perform(post("/route-finder").with(csrf())).andExpect(redirectedUrl("/route-finder/s-1"));
        mvc.perform(post("/route-finder/s-1/answer").with(csrf()).param("question", "sector").param("value", "po"))
                .andExpect(redirectedUrl("/route-finder/s-1"));
        String routes = mvc.perform(get("/route-finder/s-1")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(routes).contains("Basisonderwijs (po)").contains("Deeltijd pabo")
                .contains("Je wilt lesgeven in het basisonderwijs.")
                .contains("Zij-instroom vraagt een afgeronde hbo- of wo-opleiding.").contains("Levenlanglerenkrediet")
                .contains("href=\"https://duo.nl/\"").contains("/advice-request?session=s-1");
        assertThat(ADVICE.calls).as("the public pages send no token").allSatisfy(call ->
                assertThat(call.token()).isNull());
    }

    @Test
    void anyoneAsksForAConversationWithConsentAndARefusalKeepsWhatWasTyped() throws Exception {
        String form = mvc.perform(get("/advice-request").param("session", "s-1")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("slot-1").contains("01-12-2026 10:00");

        String refused = mvc.perform(post("/advice-request").with(csrf()).param("name", "Joris Smit")
                .param("email", "joris@example.org").param("question", "Welke route?").param("slotId", "slot-1")
                .param("retentionMonths", "12").param("session", "s-1")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        String booked = mvc.perform(post("/advice-request").with(csrf()).param("name", "Joris Smit")
                .param("email", "joris@example.org").param("question", "Welke route?").param("slotId", "slot-1")
                .param("retentionMonths", "12").param("consent", "on").param("session", "s-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(refused).contains("explicit consent is needed").contains("value=\"Joris Smit\"");
        assertThat(booked).contains("01-12-2026 10:00").doesNotContain("explicit consent");
        assertThat(ADVICE.calls).filteredOn(call -> call.path().equals("/api/advice-requests")).last()
                .satisfies(call -> assertThat(call.body()).contains("\"consent\":true")
                        .contains("\"routeSessionId\":\"s-1\"").contains("\"retentionMonths\":12"));
    }

    @Test
    void theAdviserSeesCasesAndNeedNearbyWithTheirOwnTokenAndOthersAreRefused() throws Exception {
        String cases = mvc.perform(get("/advisor/cases").with(as("ADVISOR", "advisor-token"))).andExpect(status()
                .isOk()).andReturn().getResponse().getContentAsString();
        String advice = mvc.perform(get("/advisor/cases/case-1").with(as("ADVISOR", "advisor-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/advisor/cases/case-1/referrals").with(as("ADVISOR", "advisor-token")).with(csrf())
                .param("region", "AM11")).andExpect(redirectedUrl("/advisor/cases/case-1"));

        assertThat(cases).contains("Sanne de Vries").contains("oriënteert").contains("/advisor/agenda");
        assertThat(advice).contains("sanne@example.org").contains("Hoe word ik leraar wiskunde?").contains("AM11");
        assertThat(ADVICE.calls).filteredOn(call -> call.path().startsWith("/api/cases")).allSatisfy(call ->
                assertThat(call.token()).isEqualTo("Bearer advisor-token"));
        mvc.perform(get("/advisor/cases").with(as("COORDINATOR", "t"))).andExpect(status().isForbidden());
        mvc.perform(get("/advisor/cases")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/oauth2/authorization/instroom"));
        mvc.perform(get("/").with(as("ADVISOR", "t"))).andExpect(redirectedUrl("/advisor/cases"));
    }

    /**
     * The introduction step on the adviser's case page: a case referred to a region offers the agreement (a ticked
     * box, the day, what is shared), which goes to career-advice as {@code agreed: true}; an agreed one shows what
     * was shared and offers the withdrawal.
     */
    @Test
    void theAdviserRecordsAndWithdrawsThePersonsAgreementToBeIntroduced() throws Exception {
        String notReferred = mvc.perform(get("/advisor/cases/case-1").with(as("ADVISOR", "advisor-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String agreed = mvc.perform(get("/advisor/cases/case-2").with(as("ADVISOR", "advisor-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/advisor/cases/case-2/introduction").with(as("ADVISOR", "advisor-token")).with(csrf())
                .param("region", "AM36").param("agreedOn", "2026-11-25").param("firstName", " Joris ")
                .param("contactEmail", "").param("agreed", "on"))
                .andExpect(redirectedUrl("/advisor/cases/case-2"));
        mvc.perform(post("/advisor/cases/case-2/introduction").with(as("ADVISOR", "advisor-token")).with(csrf())
                .param("region", "AM36").param("agreedOn", "2026-11-25").param("firstName", "Joris"))
                .andExpect(redirectedUrl("/advisor/cases/case-2"));
        mvc.perform(post("/advisor/cases/case-2/introduction/withdraw").with(as("ADVISOR", "advisor-token"))
                .with(csrf())).andExpect(redirectedUrl("/advisor/cases/case-2"));

        assertThat(notReferred).doesNotContain("id=\"introduce\"").doesNotContain("id=\"withdraw-introduction\"");
        assertThat(agreed).contains("Ingestemd met kennismaking met AM36 op 2026-11-25").contains("Voornaam: Joris")
                .contains("id=\"withdraw-introduction\"").doesNotContain("id=\"introduce\"");
        List<FakeCareerAdvice.Call> puts = ADVICE.calls.stream()
                .filter(call -> call.method().equals("PUT") && call.path().equals("/api/cases/case-2/introduction"))
                .toList();
        assertThat(puts).hasSize(2);
        assertThat(puts.get(0).body()).contains("\"agreed\":true").contains("\"firstName\":\"Joris\"")
                .contains("\"contactEmail\":null").contains("\"region\":\"AM36\"");
        assertThat(puts.get(1).body()).as("no ticked box, no agreement").contains("\"agreed\":false");
        assertThat(ADVICE.calls).anySatisfy(call -> assertThat(call.method() + " " + call.path() + " "
                + call.token()).isEqualTo("DELETE /api/cases/case-2/introduction Bearer advisor-token"));
    }

    /**
     * The coordinator's referred candidates: stages from need-mapping, and the introduced ones with what they shared,
     * which the portal asks career-advice for with the coordinator's own token and region; the others stay references.
     */
    @Test
    void theCoordinatorSeesTheIntroducedCandidatesWithTheirContactAndTheOthersByReference() throws Exception {
        String page = mvc.perform(get("/coordinator/referrals").with(as("COORDINATOR", "coordinator-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("1 in opleiding, 0 aan het werk").contains("in opleiding sinds 2026-11")
                .contains("Joris").contains("href=\"mailto:joris.werk@example.org\"")
                .contains("c0ffee00-0000-4000-8000-000000000002").doesNotContain("introductions-unavailable");
        assertThat(ADVICE.calls).filteredOn(call -> call.path().equals("/api/introductions")).last()
                .satisfies(call -> assertThat(call.token()).isEqualTo("Bearer coordinator-token"));
    }

    @Test
    void theAdviserSeesTheDesksFiguresAsChartsWithTablesAndTheYearlyReport() throws Exception {
        String figures = mvc.perform(get("/advisor/figures").with(as("ADVISOR", "advisor-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String report = mvc.perform(get("/advisor/figures/yearly-report").with(as("ADVISOR", "advisor-token")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String earlier = mvc.perform(get("/advisor/figures/yearly-report").param("year", "2024")
                .with(as("ADVISOR", "advisor-token"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();

        assertThat(figures).contains("Cijfers van het loket").contains("Geadviseerd per maand")
                .contains("id=\"chart-funnel\"").contains("oriënteert").contains("financiën")
                .contains("id=\"chart-regions\"").contains("AM36").contains("deeltijd-pabo")
                .contains("<td class=\"num\">7</td>").contains("id=\"referrals-total\">3<")
                .contains("wiskunde").contains("/advisor/figures/yearly-report");
        assertThat(report).contains("Jaarverslag 2025-2026").contains("name=\"year\"").contains("value=\"2025\"")
                .doesNotContain("loopt nog");
        assertThat(earlier).contains("Jaarverslag 2024-2025").contains("value=\"2024\"");
        assertThat(ADVICE.calls).anyMatch(call -> call.path().equals("/api/figures/yearly-report"));
        assertThat(ADVICE.calls).filteredOn(call -> call.path().startsWith("/api/figures"))
                .hasSizeGreaterThanOrEqualTo(3).allSatisfy(call -> assertThat(call.token()).isEqualTo("Bearer advisor-token"));
        mvc.perform(get("/advisor/figures").with(as("COORDINATOR", "t"))).andExpect(status().isForbidden());
    }

    private RequestPostProcessor as(String role, String token) {
        String subject = role.toLowerCase() + "-1";
        RequestPostProcessor login = oauth2Login().clientRegistration(registrations.findByRegistrationId("instroom"))
                .attributes(attributes -> {
                    attributes.put("sub", subject);
                    if (role.equals("COORDINATOR")) {
                        attributes.put("region", "AM36");
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
        RequestPostProcessor client = oauth2Client("instroom")
                .clientRegistration(registrations.findByRegistrationId("instroom")).principalName(subject)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, Instant.now(),
                        Instant.now().plusSeconds(600)));
        return request -> client.postProcessRequest(login.postProcessRequest(request));
    }
}
