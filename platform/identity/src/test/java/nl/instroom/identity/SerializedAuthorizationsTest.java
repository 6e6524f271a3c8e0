package nl.instroom.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** People signing in at the same moment each get their own code back, and nobody a server error. */
class SerializedAuthorizationsTest {

    private static final RegisteredClient PORTAL = RegisteredClient.withId("portal").clientId("portal")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("https://portal.example/login/oauth2/code/instroom").build();
    private static final OAuth2TokenType CODE = new OAuth2TokenType(OAuth2ParameterNames.CODE);

    @Test
    void signInsArrivingTogetherEachFindTheirOwnCode() throws Exception {
        SerializedAuthorizations authorizations = new SerializedAuthorizations();
        int people = 8;
        int signInsEach = 500;
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<Integer>> found = new ArrayList<>();
            for (int person = 0; person < people; person++) {
                String name = "person-" + person;
                Callable<Integer> signIns = () -> {
                    int own = 0;
                    for (int i = 0; i < signInsEach; i++) {
                        String code = UUID.randomUUID().toString();
                        OAuth2Authorization issued = aCodeIssuedTo(name, code);
                        authorizations.save(issued);
                        OAuth2Authorization back = authorizations.findByToken(code, CODE);
                        if (back != null && name.equals(back.getPrincipalName())) {
                            own++;
                        }
                        // The code is exchanged once: the server then forgets it, as here.
                        authorizations.remove(issued);
                    }
                    return own;
                };
                found.add(pool.submit(signIns));
            }
            for (Future<Integer> each : found) {
                // A ConcurrentModificationException inside the store surfaces here as an ExecutionException.
                assertThat(each.get()).isEqualTo(signInsEach);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static OAuth2Authorization aCodeIssuedTo(String person, String code) {
        Instant now = Instant.now();
        return OAuth2Authorization.withRegisteredClient(PORTAL).id(UUID.randomUUID().toString())
                .principalName(person).authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .token(new OAuth2AuthorizationCode(code, now, now.plusSeconds(300))).build();
    }
}
