package nl.instroom.careeradvice;

import java.util.Map;
import java.util.Set;
import nl.instroom.chassis.security.AuthorizationMatrixContract;

/**
 * The matrix of career-advice. Its data is the national desk's, not a region's or a school's: no region- or
 * school-scoped role may call any of its endpoints but the public ones, so the contract's scope check has nothing
 * to ask them; the seeded case (a person in Flevoland's Almere who booked a conversation) must still never reach
 * anyone but advisers and admins, which the case tests check. The contract generates its rows from the handler
 * mappings, so the desk's figures ({@code GET /api/figures}, {@code GET /api/figures/yearly-report}: advisers, admins
 * and the national viewer) are in the matrix with every other endpoint: every role, no token, and fuzzed input.
 */
class AuthorizationMatrixIT extends AuthorizationMatrixContract {

    static final String NAME = "Fatima el Amrani";
    static final String EMAIL = "fatima.matrix@example.org";
    static final String QUESTION = "Kan ik met mijn master scheikunde les gaan geven in Almere?";

    @Override
    protected AnotherScope anotherScope() {
        AdviceFixtures fixtures = new AdviceFixtures(port);
        String caseId = fixtures.ask(NAME, EMAIL, QUESTION, fixtures.slot(fixtures.advisor()));
        return new AnotherScope("AM11", "51FL00", Set.of(NAME, EMAIL, QUESTION, caseId),
                Map.of("{id}", caseId),
                Map.of("POST /api/cases/{id}/contacts", Body.json("{\"kind\":\"PHONE\",\"on\":\"2026-10-01\","
                        + "\"minutes\":20,\"summary\":\"x\"}"),
                        "POST /api/cases/{id}/phase", Body.json("{\"phase\":\"ORIENTING\"}")),
                () -> fixtures.admin().get().uri("/api/cases/{id}", caseId).retrieve().body(String.class));
    }
}
