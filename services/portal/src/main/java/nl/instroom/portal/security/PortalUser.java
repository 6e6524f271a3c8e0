package nl.instroom.portal.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The signed-in person as the pages need them: a name to greet, roles for navigation and the region or school
 * their token is scoped to.
 */
public record PortalUser(String name, Set<String> roles, String region, String school) {

    public static final String COORDINATOR = "COORDINATOR";
    public static final String SCHOOL_HR = "SCHOOL_HR";
    public static final String TALENT_SCOUT = "TALENT_SCOUT";
    public static final String ADMIN = "ADMIN";
    /** Reads the national picture (and any region's aggregates), changes nothing. */
    public static final String NATIONAL_VIEWER = "NATIONAL_VIEWER";
    /** An adviser of the Onderwijsloket: cases and agenda in career-advice. */
    public static final String ADVISOR = "ADVISOR";
    /** Runs the cross-mentoring programme: cohorts, sign-ups, matching, pairs and figures in mentoring. */
    public static final String PROGRAMME_COORDINATOR = "PROGRAMME_COORDINATOR";
    /** A school leader or executive in cross-mentoring: only their own pairs. */
    public static final String MENTORING_PARTICIPANT = "MENTORING_PARTICIPANT";

    public static PortalUser of(Authentication authentication) {
        Set<String> roles = roles(authentication.getAuthorities());
        Map<String, Object> claims = authentication.getPrincipal() instanceof OAuth2User user
                ? user.getAttributes() : Map.of();
        Object preferred = claims.get("preferred_username");
        String name = preferred != null ? preferred.toString() : authentication.getName();
        return new PortalUser(name, roles, text(claims.get("region")), text(claims.get("school")));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Whether the person may see the national picture: the national role, admins and every coordinator. */
    public boolean seesNationalPicture() {
        return has(NATIONAL_VIEWER) || has(COORDINATOR) || has(ADMIN);
    }

    /** Where a person lands after signing in: the first page of their role. */
    public String startPage() {
        if (has(COORDINATOR)) {
            return "/coordinator/map";
        }
        if (has(SCHOOL_HR)) {
            return "/hr/staff";
        }
        if (has(TALENT_SCOUT)) {
            return "/scout/suggestions";
        }
        if (has(ADMIN)) {
            return "/admin/erasure";
        }
        if (has(NATIONAL_VIEWER)) {
            return "/national";
        }
        if (has(ADVISOR)) {
            return "/advisor/cases";
        }
        if (has(PROGRAMME_COORDINATOR)) {
            return "/programme";
        }
        if (has(MENTORING_PARTICIPANT)) {
            return "/mentoring";
        }
        return "/no-role";
    }

    static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        Set<String> roles = new LinkedHashSet<>();
        for (GrantedAuthority authority : authorities) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        }
        return roles;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
