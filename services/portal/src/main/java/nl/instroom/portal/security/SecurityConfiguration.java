package nl.instroom.portal.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.web.SecurityFilterChain;

@Configuration
class SecurityConfiguration {

    static final String REGISTRATION = "instroom";

    @Bean
    SecurityFilterChain portal(HttpSecurity http,
            @Value("${instroom.portal.identity-browser-url}") String identityBrowserUrl) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/favicon.svg", "/actuator/health/**", "/actuator/health",
                                "/error", "/signed-out", "/accessibility").permitAll()
                        // the Onderwijsloket's route finder and asking for a conversation: for anyone, no sign-in
                        .requestMatchers("/route-finder", "/route-finder/**", "/advice-request",
                                "/advice-request/**").permitAll()
                        .requestMatchers("/advisor/**").hasRole(PortalUser.ADVISOR)
                        .requestMatchers("/programme", "/programme/**").hasRole(PortalUser.PROGRAMME_COORDINATOR)
                        .requestMatchers("/mentoring", "/mentoring/**").hasRole(PortalUser.MENTORING_PARTICIPANT)
                        .requestMatchers("/coordinator/**").hasRole(PortalUser.COORDINATOR)
                        .requestMatchers("/hr/**").hasRole(PortalUser.SCHOOL_HR)
                        .requestMatchers("/scout/**").hasRole(PortalUser.TALENT_SCOUT)
                        .requestMatchers("/admin/**").hasRole(PortalUser.ADMIN)
                        .requestMatchers("/national", "/national/**").hasAnyRole(PortalUser.NATIONAL_VIEWER,
                                PortalUser.COORDINATOR, PortalUser.ADMIN)
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .loginPage("/oauth2/authorization/" + REGISTRATION)
                        .defaultSuccessUrl("/", true)
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(rolesFromClaims())))
                .logout(logout -> logout.logoutSuccessHandler(new IdentitySignOut(identityBrowserUrl)))
                .exceptionHandling(errors -> errors.accessDeniedPage("/forbidden"));
        return http.build();
    }

    /** The identity server puts a person's roles in the {@code roles} claim of the ID token. */
    static GrantedAuthoritiesMapper rolesFromClaims() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                Object roles = null;
                if (authority instanceof OidcUserAuthority oidc) {
                    roles = oidc.getIdToken().getClaims().get("roles");
                } else if (authority instanceof OAuth2UserAuthority user) {
                    roles = user.getAttributes().get("roles");
                }
                if (roles instanceof Collection<?> names) {
                    names.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                } else if (roles instanceof String role) {
                    mapped.add(new SimpleGrantedAuthority("ROLE_" + role));
                }
            }
            return List.copyOf(mapped);
        };
    }
}
