package nl.instroom.chassis.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes a service a resource server. Public: health probes, the API descriptions and the endpoints a service opens
 * to anyone ({@link EndpointRule#anyone}; a token sent along must still be valid). Everything else: a valid
 * token whose roles carry the scope they need ({@link CurrentUser#missingScope()}; 401 otherwise) and a role its
 * rule allows; no rule, no access.
 */
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerConfiguration {

    static final String[] PUBLIC = {"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
        "/asyncapi.yaml", "/schemas/**", "/error"};

    @Bean
    SecurityFilterChain resourceServer(HttpSecurity http, List<AccessRules> accessRules) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(PUBLIC).permitAll();
                    requests.requestMatchers("/actuator/prometheus").hasAnyRole(Role.ADMIN.name(),
                            Role.INTEGRATION.name());
                    for (EndpointRule rule : accessRules.stream().flatMap(rules -> rules.rules().stream()).toList()) {
                        if (rule.anonymous()) {
                            requests.requestMatchers(rule.method(), rule.pattern()).permitAll();
                        } else {
                            requests.requestMatchers(rule.method(), rule.pattern())
                                    .hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
                        }
                    }
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
                        .authenticationEntryPoint((request, response, e) -> {
                            if (e instanceof ScopeMissing) {
                                ProblemAuthenticationResponses.scopeMissing(response);
                            } else {
                                ProblemAuthenticationResponses.unauthorized(response);
                            }
                        })
                        .accessDeniedHandler((request, response, e) ->
                                ProblemAuthenticationResponses.forbidden(response)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) ->
                                ProblemAuthenticationResponses.unauthorized(response))
                        .accessDeniedHandler((request, response, e) ->
                                ProblemAuthenticationResponses.forbidden(response)))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(Customizer.withDefaults());
        return http.build();
    }

    /** Signature, issuer, audience and expiry; a token that passed is remembered for a short while (VerifiedTokens). */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(properties.audience()));
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, Clock.systemUTC());
    }

    /** A signed, valid token whose role lacks its region or school: refused like any token we cannot use. */
    static final class ScopeMissing extends InvalidBearerTokenException {

        ScopeMissing(String what) {
            super("The token's " + what);
        }
    }

    private static JwtAuthenticationConverter rolesFromToken() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            CurrentUser user = CurrentUser.of(jwt);
            // A role without the scope it needs would otherwise reach use cases that must guess what it covers.
            user.missingScope().ifPresent(missing -> {
                throw new ScopeMissing(missing);
            });
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
            return authorities;
        });
        return converter;
    }
}
