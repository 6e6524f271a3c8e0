package nl.instroom.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Signing out of the portal also ends the sign-in at the identity server (OpenID Connect RP-initiated logout).
 * Without it "sign in again" would not ask for a password, and the next person at a shared school laptop would
 * carry on as the one before. The identity server sends the browser back to {@code /signed-out}.
 */
final class IdentitySignOut extends SimpleUrlLogoutSuccessHandler {

    static final String SIGNED_OUT = "/signed-out";

    private final String endSessionEndpoint;

    IdentitySignOut(String identityUrl) {
        this.endSessionEndpoint = identityUrl.replaceAll("/+$", "") + "/connect/logout";
        setDefaultTargetUrl(SIGNED_OUT);
    }

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser)) {
            return super.determineTargetUrl(request, response, authentication);
        }
        OidcUser user = (OidcUser) authentication.getPrincipal();
        String signedOut = UriComponentsBuilder.fromUriString(request.getRequestURL().toString())
                .replacePath(request.getContextPath() + SIGNED_OUT).replaceQuery(null).build().toUriString();
        return UriComponentsBuilder.fromUriString(endSessionEndpoint)
                .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                .queryParam("post_logout_redirect_uri", signedOut)
                .encode().build().toUriString();
    }
}
