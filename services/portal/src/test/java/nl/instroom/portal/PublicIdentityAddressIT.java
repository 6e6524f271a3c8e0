package nl.instroom.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * In docker-compose and Kubernetes the portal reaches the identity server by an internal name, while the browser
 * must be sent to its public address: signing in and out go to the public one.
 */
@SpringBootTest(properties = {"instroom.portal.identity-url=http://identity:9000",
        "instroom.portal.identity-browser-url=https://login.instroom.example"})
@AutoConfigureMockMvc
class PublicIdentityAddressIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theBrowserSignsInAndOutAtTheIdentityServersPublicAddress() throws Exception {
        String signIn = mvc.perform(get("/oauth2/authorization/instroom")).andReturn().getResponse()
                .getRedirectedUrl();
        String signOut = mvc.perform(post("/logout").with(csrf()).with(oidcLogin()
                        .idToken(token -> token.tokenValue("id-token").subject("hr-1"))))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(signIn).startsWith("https://login.instroom.example/oauth2/authorize?");
        assertThat(signOut).startsWith("https://login.instroom.example/connect/logout?id_token_hint=id-token");
    }
}
