package nl.instroom.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import nl.instroom.identity.secondfactor.application.SecondFactorSignIn;
import nl.instroom.identity.secondfactor.application.SecondFactors;
import nl.instroom.identity.secondfactor.domain.SecondFactorRule;
import nl.instroom.identity.secondfactor.web.SecondFactorFilter;
import nl.instroom.identity.signin.application.SignInEvents;
import nl.instroom.identity.signin.application.ThrottledPasswordSignIn;
import nl.instroom.identity.signin.domain.SignInThrottle;
import nl.instroom.identity.signin.domain.ThrottlePolicy;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.AuthorizationManagerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The authorization server: its endpoints (authorize, token, JWKS, OpenID discovery, userinfo), the sign-in pages
 * for people (password, then the second factor), the two clients, the signing keys, and what a token says about its
 * holder.
 */
@Configuration
class AuthorizationServerConfiguration {

    static final String PORTAL_CLIENT = "instroom-portal";
    static final String INTEGRATION_CLIENT = "instroom-integration";

    private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);

    /**
     * The authorization server's endpoints. Its authorization endpoint is where a sign-in becomes a code and then a
     * token: it asks, through Spring Security's multi-factor support, for the password and — for every role that
     * sees personal data — the second factor too. A person without a sign-in goes to the password form; one past
     * the password goes to the second-factor page (Spring's missing-factor handling), and comes back here after.
     */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(authorizationServer -> {
            http.securityMatcher(authorizationServer.getEndpointsMatcher());
            authorizationServer.oidc(Customizer.withDefaults());
        });
        AuthorizationManagerFactory<RequestAuthorizationContext> bothFactors = AuthorizationManagerFactories
                .<RequestAuthorizationContext>multiFactor()
                .requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, SecondFactorRule.AUTHORITY)
                .when(AuthorizationServerConfiguration::needsSecondFactor)
                .build();
        http.authorizeHttpRequests(requests -> requests.anyRequest().access(bothFactors.authenticated()))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new MediaTypeRequestMatcher(MediaType.TEXT_HTML))
                        .defaultDeniedHandlerForMissingAuthority(
                                new LoginUrlAuthenticationEntryPoint("/login/second-factor"),
                                SecondFactorRule.AUTHORITY));
        return http.build();
    }

    /**
     * The sign-in pages for people: the password form (throttled) and the second factor, its enrollment and its
     * recovery codes. Only their own paths: the admin API and actuator are the chassis' resource server, reached
     * with bearer tokens like every other service.
     */
    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords,
            SignInThrottle throttle, SignInEvents events, SecondFactors secondFactors) throws Exception {
        AuthenticationManager secondFactor = new ProviderManager(
                new SecondFactorSignIn(secondFactors, throttle, events));
        http.securityMatcher("/login", "/login/**", "/logout", "/")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .authenticationManager(new ProviderManager(
                        new ThrottledPasswordSignIn(users, passwords, throttle, events)))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .addFilterAfter(new SecondFactorFilter(secondFactor), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    /** Sign-in attempts per account and per address; one pod by design, so in memory (see the class). */
    @Bean
    SignInThrottle signInThrottle(Clock clock) {
        return new SignInThrottle(ThrottlePolicy.PER_ACCOUNT, ThrottlePolicy.PER_ADDRESS, clock, 100_000);
    }

    @Bean
    ThrottleSweep throttleSweep(SignInThrottle throttle) {
        return new ThrottleSweep(throttle);
    }

    /** Forgets what the throttle no longer needs, so its memory follows recent failures only. */
    static class ThrottleSweep {

        private final SignInThrottle throttle;

        ThrottleSweep(SignInThrottle throttle) {
            this.throttle = throttle;
        }

        @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
        void sweep() {
            throttle.sweep();
        }
    }

    private static boolean needsSecondFactor(Authentication authentication) {
        return authentication.getPrincipal() instanceof InstroomUser user && user.needsSecondFactor();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(IdentityProperties properties) {
        List<InstroomUser> users = UsersFile.read(properties.usersFile());
        log.info("{} people may sign in", users.size());
        return username -> users.stream().filter(user -> user.getUsername().equals(username)).findFirst()
                .map(user -> new InstroomUser(user.getUsername(), user.getPassword(), user.role(), user.scope()))
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }

    @Bean
    RegisteredClientRepository clients(IdentityProperties properties, PasswordEncoder passwords) {
        List<RegisteredClient> clients = new ArrayList<>();
        TokenSettings tokens = TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build();
        RegisteredClient.Builder portal = RegisteredClient.withId(UUID.nameUUIDFromBytes(PORTAL_CLIENT.getBytes())
                        .toString())
                .clientId(PORTAL_CLIENT)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(tokens);
        properties.portalRedirectUris().forEach(portal::redirectUri);
        // Signing out of the portal ends the sign-in here too, and comes back to the portal's "signed out" page at
        // the same address the code went to.
        properties.portalRedirectUris().forEach(uri -> portal.postLogoutRedirectUri(signedOutPage(uri)));
        clients.add(portal.build());
        if (properties.integrationClientSecret() != null && !properties.integrationClientSecret().isBlank()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(INTEGRATION_CLIENT.getBytes()).toString())
                    .clientId(INTEGRATION_CLIENT)
                    .clientSecret(passwords.encode(properties.integrationClientSecret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .scope("api")
                    .tokenSettings(tokens)
                    .build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    static String signedOutPage(String redirectUri) {
        URI portal = URI.create(redirectUri);
        return portal.getScheme() + "://" + portal.getRawAuthority() + "/signed-out";
    }

    /**
     * Every access token names the audience and its holder's role and scope: a person's from their account, an
     * integration's from the settings. The ID token for the portal says the same, for display.
     */
    /** Authorizations in progress, safe for sign-ins that arrive together ({@link SerializedAuthorizations}). */
    @Bean
    OAuth2AuthorizationService authorizations() {
        return new SerializedAuthorizations();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> roleAndScopeClaims(IdentityProperties properties) {
        return context -> {
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            if (accessToken) {
                context.getClaims().audience(List.of(properties.audience()));
            }
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                context.getClaims().claim("roles", List.of("INTEGRATION"))
                        .claim("region", properties.integrationRegion());
                return;
            }
            if (context.getPrincipal() instanceof UsernamePasswordAuthenticationToken authentication
                    && authentication.getPrincipal() instanceof InstroomUser user) {
                // The authorization endpoint already asked for the second factor; no token without it, whatever
                // path a sign-in took to get here.
                if (user.needsSecondFactor() && authentication.getAuthorities().stream()
                        .noneMatch(authority -> SecondFactorRule.AUTHORITY.equals(authority.getAuthority()))) {
                    throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED,
                            "The sign-in lacks its second factor", null));
                }
                context.getClaims().claim("roles", List.of(user.role()));
                if (user.scope() != null && !user.scope().isBlank()) {
                    context.getClaims().claim(user.scopedToSchool() ? "school" : "region", user.scope());
                }
            }
        };
    }

    @Bean
    SigningKeys signingKeys(IdentityProperties properties) {
        if (properties.signingKeysFile() != null) {
            return SigningKeys.fromFile(properties.signingKeysFile());
        }
        log.warn("No instroom.identity.signing-keys-file: signing keys are made in memory. Fine for one local "
                + "identity server; with more than one, or across restarts, tokens stop verifying.");
        return SigningKeys.inMemory(Clock.systemUTC());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
        return keys.published();
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(keys.signing());
    }

    /** Verifies tokens against this server's own keys, with the checks every service makes. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties) {
        JwtDecoder decoder = OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
        if (decoder instanceof NimbusJwtDecoder nimbus) {
            nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(properties.issuer()),
                    new JwtClaimValidator<List<String>>("aud", aud -> aud != null
                            && aud.contains(properties.audience()))));
        }
        return decoder;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    KeyRotation keyRotation(SigningKeys keys) {
        return new KeyRotation(keys);
    }

    /** Rotates the signing key on the configured schedule. */
    static class KeyRotation {

        private final SigningKeys keys;

        KeyRotation(SigningKeys keys) {
            this.keys = keys;
        }

        @Scheduled(fixedRateString = "${instroom.identity.key-rotation:24h}",
                initialDelayString = "${instroom.identity.key-rotation:24h}")
        void rotate() {
            // keys from a file are rotated there (docs/operations.md), so every pod signs with the same key
            if (keys.rotatesItself()) {
                keys.rotate();
                log.info("Signing key rotated");
            }
        }
    }
}
