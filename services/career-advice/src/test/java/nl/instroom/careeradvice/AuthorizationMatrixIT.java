package nl.instroom.careeradvice;

import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.security.AuthorizationMatrixContract;

/**
 * The matrix of career-advice. Its data is the national desk's, not a region's or a school's: no region- or
 * school-scoped role may call any of its endpoints but the public ones and one — the coordinator's introductions
 * ({@code GET /api/introductions}). The seeded case (a person in Flevoland's Almere who booked a conversation) must
 * never reach anyone but advisers and admins, which the case tests check; it is referred to Flevoland (AM11) and its
 * person agreed to be introduced there, so the contract's scope check asks the introductions as a coordinator of
 * the test tokens' region, plainly and naming AM11: neither her first name nor her contact address may reach them.
 * The contract generates its rows from the handler mappings, so the desk's figures and the introduction endpoints are
 * in the matrix with every other endpoint: every role, no token, and fuzzed input.
 */
class AuthorizationMatrixIT extends AuthorizationMatrixContract {

    static final String NAME = "Fatima el Amrani";
    static final String EMAIL = "fatima.matrix@example.org";
    static final String QUESTION = "Kan ik met mijn master scheikunde les gaan geven in Almere?";
    static final String SHARED_EMAIL = "fatima.kennismaking@example.org";

    @Override
    protected AnotherScope anotherScope() {
        AdviceFixtures fixtures = new AdviceFixtures(port);
        String caseId = fixtures.ask(NAME, EMAIL, QUESTION, fixtures.slot(fixtures.advisor()));
        // Referred to Flevoland and introduced there: only Flevoland's coordinator may read what she shared.
        AdviceFixtures.json(AdviceFixtures.post(fixtures.advisor(), "/api/cases/" + caseId + "/referrals",
                "{\"region\":\"AM11\"}"), 201);
        AdviceFixtures.json(fixtures.advisor().put().uri("/api/cases/{id}/introduction", caseId)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body("""
                        {"agreed":true,"agreedOn":"%s","region":"AM11","firstName":"Fatima","contactEmail":"%s"}"""
                        .formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC), SHARED_EMAIL)).retrieve()
                .toEntity(String.class), 200);
        return new AnotherScope("AM11", "51FL00", Set.of(NAME, EMAIL, QUESTION, caseId, "Fatima", SHARED_EMAIL),
                Map.of("{id}", caseId),
                Map.of("POST /api/cases/{id}/contacts", Body.json("{\"kind\":\"PHONE\",\"on\":\"2026-10-01\","
                        + "\"minutes\":20,\"summary\":\"x\"}"),
                        "POST /api/cases/{id}/phase", Body.json("{\"phase\":\"ORIENTING\"}")),
                () -> fixtures.admin().get().uri("/api/cases/{id}", caseId).retrieve().body(String.class));
    }
}
