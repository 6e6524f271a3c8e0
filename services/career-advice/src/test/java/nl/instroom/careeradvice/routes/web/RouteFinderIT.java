package nl.instroom.careeradvice.routes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.instroom.testing.ApiClient;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic career switchers walk the route finder over its public API, without signing in, answering each
 * question it asks next: each sees exactly the routes that fit, each with why, and every other route with the
 * conditions it misses — checked for one telling route per profile. Bad answers are refused as problems, and the
 * usage is counted without anything about the person.
 */
@InstroomInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.mongodb.database=career-advice-route-finder")
class RouteFinderIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ROUTES = 13;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /**
     * A person: their answers, the routes that must fit (exactly), and one route that must be refused with a reason.
     */
    record Profile(String who, Map<String, String> answers, Set<String> fitting, String refused, String because) {

        @Override
        public String toString() {
            return who;
        }
    }

    static Map<String, String> answers(String... pairs) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            answers.put(pairs[i], pairs[i + 1]);
        }
        return answers;
    }

    static Stream<Profile> profiles() {
        return Stream.of(
                new Profile("accountant with a wo-master in economics, wants to teach economie and earn meanwhile",
                        answers("sector", "vo", "education", "wo_master", "subject", "economie",
                                "degree_field", "match", "qualification", "none", "earn_while_learning",
                                "work_and_learn"),
                        Set.of("zij-instroom-vo", "deeltijd-tweedegraads", "educatieve-module", "educatieve-master"),
                        "hbo-master-leraar", "De hbo-master leraar vraagt een tweedegraads bevoegdheid in het vak."),
                new Profile("the same accountant, who wants to study first",
                        answers("sector", "vo", "education", "wo_master", "subject", "economie",
                                "degree_field", "match", "qualification", "none", "earn_while_learning",
                                "study_first"),
                        Set.of("deeltijd-tweedegraads", "educatieve-module", "educatieve-master"),
                        "zij-instroom-vo", "Bij zij-instroom werk je vanaf de start als leraar in loondienst."),
                new Profile("marketeer with an hbo-bachelor, wants the basisonderwijs while earning",
                        answers("sector", "po", "education", "hbo_bachelor", "qualification", "none",
                                "earn_while_learning", "work_and_learn"),
                        Set.of("zij-instroom-po", "deeltijd-pabo"),
                        "educatieve-master", "De eerstegraads bevoegdheid is voor het voortgezet onderwijs."),
                new Profile("shop manager with vwo, wants the basisonderwijs, studies first",
                        answers("sector", "po", "education", "havo_vwo", "qualification", "none",
                                "earn_while_learning", "study_first"),
                        Set.of("deeltijd-pabo", "onderwijsassistent"),
                        "zij-instroom-po", "Zij-instroom vraagt een afgeronde hbo- of wo-opleiding."),
                new Profile("childcare worker with mbo 3, wants the basisonderwijs",
                        answers("sector", "po", "education", "lower", "qualification", "none",
                                "earn_while_learning", "work_and_learn"),
                        Set.of("onderwijsassistent"),
                        "deeltijd-pabo", "De pabo vraagt havo, vwo of mbo 4 (of hoger) als vooropleiding."),
                new Profile("electrician with mbo 4, wants to teach techniek in the mbo",
                        answers("sector", "mbo", "education", "mbo4", "subject", "techniek", "qualification",
                                "none", "earn_while_learning", "work_and_learn"),
                        Set.of("instructeur-mbo", "deeltijd-tweedegraads"),
                        "pdg-mbo", "Je moet vakinhoudelijk bekwaam zijn in het vakgebied waarin je lesgeeft."),
                new Profile("engineer with an hbo-bachelor, wants to teach techniek in the mbo",
                        answers("sector", "mbo", "education", "hbo_bachelor", "subject", "techniek",
                                "degree_field", "match", "qualification", "none", "earn_while_learning",
                                "work_and_learn"),
                        Set.of("pdg-mbo", "deeltijd-tweedegraads"),
                        "instructeur-mbo", "Deze route is voor wie mbo 4 heeft; met hbo of wo kun je docent worden "
                                + "via het pdg."),
                new Profile("biology student in a wo-bachelor",
                        answers("sector", "vo", "education", "wo_bachelor_student", "subject", "biologie",
                                "qualification", "none", "earn_while_learning", "study_first"),
                        Set.of("educatieve-minor", "deeltijd-tweedegraads"),
                        "educatieve-module", "De educatieve module is voor wie een wo-bachelor of -master heeft."),
                new Profile("physicist with a wo-master, wants to teach natuurkunde while earning",
                        answers("sector", "vo", "education", "wo_master", "subject", "natuurkunde",
                                "degree_field", "match", "qualification", "none", "earn_while_learning",
                                "work_and_learn"),
                        Set.of("zij-instroom-vo", "deeltijd-tweedegraads", "educatieve-module", "educatieve-master"),
                        "pdg-mbo", "Het pdg is de route voor het mbo."),
                new Profile("lawyer with a wo-master, wants to teach geschiedenis",
                        answers("sector", "vo", "education", "wo_master", "subject", "geschiedenis",
                                "degree_field", "partly", "qualification", "none", "earn_while_learning",
                                "work_and_learn"),
                        Set.of("zij-instroom-vo", "deeltijd-tweedegraads"),
                        "educatieve-master", "De universitaire lerarenopleiding vraagt een opleiding die bij het "
                                + "schoolvak past."),
                new Profile("nurse with an hbo-bachelor, wants to teach engels",
                        answers("sector", "vo", "education", "hbo_bachelor", "subject", "engels",
                                "degree_field", "no_match", "qualification", "none", "earn_while_learning",
                                "work_and_learn"),
                        Set.of("deeltijd-tweedegraads"),
                        "zij-instroom-vo", "Bij zij-instroom moet je opleiding inhoudelijk bij het vak passen; het "
                                + "geschiktheidsonderzoek toetst dat."),
                new Profile("pabo-qualified teacher, wants to teach wiskunde in the vo",
                        answers("sector", "vo", "education", "hbo_bachelor", "subject", "wiskunde",
                                "degree_field", "no_match", "qualification", "pabo"),
                        Set.of("deeltijd-tweedegraads", "tweede-bevoegdheid"),
                        "deeltijd-pabo", "De pabo leidt op voor het basis- en speciaal onderwijs."),
                new Profile("tweedegraads teacher of engels with an hbo-bachelor, wants eerstegraads",
                        answers("sector", "vo", "education", "hbo_bachelor", "subject", "engels",
                                "degree_field", "match", "qualification", "tweedegraads"),
                        Set.of("hbo-master-leraar", "tweede-bevoegdheid"),
                        "educatieve-master", "De universitaire lerarenopleiding vraagt een wo-bachelor of -master."),
                new Profile("tweedegraads teacher with a matching wo-master",
                        answers("sector", "vo", "education", "wo_master", "subject", "duits",
                                "degree_field", "match", "qualification", "tweedegraads"),
                        Set.of("hbo-master-leraar", "tweede-bevoegdheid", "educatieve-master"),
                        "zij-instroom-vo", "Zij-instroom is voor wie nog geen onderwijsbevoegdheid heeft."),
                new Profile("mathematics teacher from abroad with a wo-master",
                        answers("sector", "vo", "education", "wo_master", "subject", "wiskunde",
                                "degree_field", "match", "qualification", "foreign", "earn_while_learning",
                                "work_and_learn"),
                        Set.of("erkenning-buitenlands-diploma", "deeltijd-tweedegraads", "educatieve-master"),
                        "zij-instroom-vo", "Zij-instroom is voor wie nog geen onderwijsbevoegdheid heeft."),
                new Profile("care teacher from abroad, hbo, wants zorg en welzijn in the mbo",
                        answers("sector", "mbo", "education", "hbo_bachelor", "subject", "zorg_en_welzijn",
                                "degree_field", "match", "qualification", "foreign", "earn_while_learning",
                                "work_and_learn"),
                        Set.of("pdg-mbo", "deeltijd-tweedegraads", "erkenning-buitenlands-diploma"),
                        "tweede-bevoegdheid", "Een tweede bevoegdheid is voor wie al een Nederlandse bevoegdheid "
                                + "heeft."),
                new Profile("eerstegraads teacher with a wo-master, wants the basisonderwijs",
                        answers("sector", "po", "education", "wo_master", "qualification", "eerstegraads"),
                        Set.of("deeltijd-pabo", "tweede-bevoegdheid"),
                        "hbo-master-leraar", "De master leraar is voor het vo en mbo."),
                new Profile("social worker with an hbo-bachelor, wants the speciaal onderwijs while earning",
                        answers("sector", "so", "education", "hbo_bachelor", "qualification", "none",
                                "earn_while_learning", "work_and_learn"),
                        Set.of("zij-instroom-po", "deeltijd-pabo"),
                        "onderwijsassistent", "Met een hbo- of wo-diploma kun je meteen een route naar een "
                                + "lesbevoegdheid kiezen."),
                new Profile("mbo teacher with a pdg and an hbo-bachelor, wants economie in the vo",
                        answers("sector", "vo", "education", "hbo_bachelor", "subject", "economie",
                                "degree_field", "match", "qualification", "pdg"),
                        Set.of("deeltijd-tweedegraads", "tweede-bevoegdheid"),
                        "erkenning-buitenlands-diploma", "Erkenning is voor wie een lerarendiploma uit het "
                                + "buitenland heeft."),
                new Profile("office clerk with havo, wants to teach wiskunde while earning",
                        answers("sector", "vo", "education", "havo_vwo", "subject", "wiskunde", "qualification",
                                "none", "earn_while_learning", "work_and_learn"),
                        Set.of("deeltijd-tweedegraads", "onderwijsassistent"),
                        "zij-instroom-vo", "Zij-instroom vraagt een afgeronde hbo- of wo-opleiding."),
                new Profile("teaching assistant with mbo 4, wants the speciaal onderwijs, studies first",
                        answers("sector", "so", "education", "mbo4", "qualification", "none",
                                "earn_while_learning", "study_first"),
                        Set.of("deeltijd-pabo", "onderwijsassistent"),
                        "instructeur-mbo", "Instructeurs werken in het mbo."),
                new Profile("chemist with a wo-bachelor, studies first",
                        answers("sector", "vo", "education", "wo_bachelor", "subject", "scheikunde",
                                "degree_field", "match", "qualification", "none", "earn_while_learning",
                                "study_first"),
                        Set.of("deeltijd-tweedegraads", "educatieve-module", "educatieve-master"),
                        "educatieve-minor", "De educatieve minor volg je tijdens een wo-bachelor."),
                new Profile("economist with an hbo-bachelor, wants the mbo but to study first",
                        answers("sector", "mbo", "education", "hbo_bachelor", "subject", "economie",
                                "degree_field", "partly", "qualification", "none", "earn_while_learning",
                                "study_first"),
                        Set.of("deeltijd-tweedegraads"),
                        "pdg-mbo", "Het pdg haal je terwijl je al als docent bij een mbo-instelling werkt."),
                new Profile("care assistant with mbo 2, wants zorg en welzijn in the mbo: no route yet",
                        answers("sector", "mbo", "education", "lower", "subject", "zorg_en_welzijn",
                                "qualification", "none", "earn_while_learning", "work_and_learn"),
                        Set.of(),
                        "instructeur-mbo", "Deze route is voor wie mbo 4 heeft; met hbo of wo kun je docent worden "
                                + "via het pdg."));
    }

    private RestClient anyone() {
        return ApiClient.as(null, port);
    }

    private JsonNode json(ResponseEntity<String> answer, int status) {
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(status);
        return JSON.readTree(answer.getBody());
    }

    private ResponseEntity<String> answer(String session, String question, String value) {
        return anyone().put().uri("/api/route-finder/sessions/{id}/answers/{question}", session, question)
                .contentType(MediaType.APPLICATION_JSON).body("{\"value\":\"" + value + "\"}").retrieve()
                .toEntity(String.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void aProfileWalksTheQuestionsAndSeesEachRouteWithWhyItFitsOrWhatItMisses(Profile profile) {
        JsonNode session = json(anyone().post().uri("/api/route-finder/sessions").retrieve().toEntity(String.class),
                201);
        String id = session.get("id").asString();
        List<String> asked = new ArrayList<>();
        while (!session.get("complete").asBoolean()) {
            String question = session.get("next").get("id").asString();
            assertThat(profile.answers()).as("the route finder asks " + question).containsKey(question);
            asked.add(question);
            session = json(answer(id, question, profile.answers().get(question)), 200);
        }
        assertThat(asked).as("every answer of the profile was asked for, in order")
                .containsExactlyElementsOf(profile.answers().keySet());

        JsonNode routes = json(anyone().get().uri("/api/route-finder/sessions/{id}/routes", id).retrieve()
                .toEntity(String.class), 200);

        assertThat(routes.get("complete").asBoolean()).isTrue();
        Set<String> fitting = new TreeSet<>();
        for (JsonNode route : routes.get("fitting")) {
            fitting.add(route.get("route").get("id").asString());
            assertThat(route.get("why").size()).as("why %s fits", route.get("route").get("id")).isPositive();
            assertThat(route.get("route").get("sources").size()).isPositive();
            assertThat(route.get("route").get("steps").size()).isPositive();
        }
        assertThat(fitting).isEqualTo(new TreeSet<>(profile.fitting()));
        assertThat(routes.get("fitting").size() + routes.get("notFitting").size()).as("every route is shown or "
                + "refused").isEqualTo(ROUTES);
        List<String> missing = new ArrayList<>();
        for (JsonNode refused : routes.get("notFitting")) {
            assertThat(refused.get("missing").size()).as("what %s misses", refused.get("id")).isPositive();
            if (refused.get("id").asString().equals(profile.refused())) {
                refused.get("missing").forEach(reason -> missing.add(reason.asString()));
            }
        }
        assertThat(missing).as("why %s is refused", profile.refused()).contains(profile.because());
    }

    @Test
    void anAnswerTheQuestionsDoNotLeadToOrDoNotOfferIsAProblemAndChangesNothing() {
        String id = json(anyone().post().uri("/api/route-finder/sessions").retrieve().toEntity(String.class), 201)
                .get("id").asString();
        json(answer(id, "sector", "po"), 200);

        ResponseEntity<String> notAsked = answer(id, "subject", "wiskunde");
        ResponseEntity<String> unknownAnswer = answer(id, "education", "phd");
        ResponseEntity<String> unknownQuestion = answer(id, "favourite_colour", "blue");
        ResponseEntity<String> unknownSession = answer("no-such-session", "sector", "po");

        assertThat(notAsked.getStatusCode().value()).isEqualTo(409);
        assertThat(unknownAnswer.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownQuestion.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownSession.getStatusCode().value()).isEqualTo(404);
        assertThat(notAsked.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(unknownAnswer.getHeaders().getContentType()).hasToString("application/problem+json");
        JsonNode state = json(anyone().get().uri("/api/route-finder/sessions/{id}", id).retrieve()
                .toEntity(String.class), 200);
        assertThat(state.get("answers").properties()).hasSize(1);
        assertThat(state.get("next").get("id").asString()).isEqualTo("education");
    }

    @Test
    void changingAnEarlierAnswerDropsTheAnswersItNoLongerLeadsTo() {
        String id = json(anyone().post().uri("/api/route-finder/sessions").retrieve().toEntity(String.class), 201)
                .get("id").asString();
        json(answer(id, "sector", "vo"), 200);
        json(answer(id, "education", "wo_master"), 200);
        json(answer(id, "subject", "wiskunde"), 200);

        JsonNode changed = json(answer(id, "sector", "po"), 200);

        assertThat(changed.get("answers").has("subject")).isFalse();
        assertThat(changed.get("answers").get("education").asString()).isEqualTo("wo_master");
        assertThat(changed.get("next").get("id").asString()).isEqualTo("qualification");
    }

    @Test
    void theRulesArePublicAndUsageIsCountedWithoutAnythingAboutThePerson() {
        JsonNode rules = json(anyone().get().uri("/api/route-finder").retrieve().toEntity(String.class), 200);
        assertThat(rules.get("version").asString()).isNotBlank();
        assertThat(rules.get("routes").size()).isEqualTo(ROUTES);

        profiles().limit(3).forEach(this::aProfileWalksTheQuestionsAndSeesEachRouteWithWhyItFitsOrWhatItMisses);
        String id = json(anyone().post().uri("/api/route-finder/sessions").retrieve().toEntity(String.class), 201)
                .get("id").asString();

        JsonNode usage = json(ApiClient.as(TestTokens.instance().nationalViewer(), port).get()
                .uri("/api/route-finder/usage?months=1").retrieve().toEntity(String.class), 200);
        JsonNode month = usage.get("months").get(0);
        assertThat(month.get("sessionsStarted").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(month.get("sessionsCompleted").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(month.get("routesShown").get("zij-instroom-vo").asLong()).isPositive();
        String counted = mongo.findAll(Document.class, "route_usage").toString();
        assertThat(counted).doesNotContain(id).doesNotContain("wo_master");
        assertThat(anyone().get().uri("/api/route-finder/usage").retrieve().toBodilessEntity().getStatusCode()
                .value()).as("usage figures are for signed-in roles").isEqualTo(401);
    }
}
