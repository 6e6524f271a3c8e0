package nl.instroom.chassis.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request, as its token says: a pseudonymous subject, roles, and the scope those roles
 * apply to (a region for coordinators, scouts and integrations; a school for school HR).
 */
public record CurrentUser(String subject, List<Role> roles, String region, String school) {

    public static final String ROLES = "roles";
    public static final String REGION = "region";
    public static final String SCHOOL = "school";

    /** The caller of this request; fails when there is none, which the security filter makes impossible. */
    public static CurrentUser get() {
        return find().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
    }

    public static Optional<CurrentUser> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(of(token.getToken()));
        }
        return Optional.empty();
    }

    public static CurrentUser of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES);
        return new CurrentUser(jwt.getSubject(), roles == null ? List.of() : roles.stream()
                .filter(role -> List.of(Role.values()).stream().anyMatch(r -> r.name().equals(role)))
                .map(Role::valueOf).toList(), jwt.getClaimAsString(REGION), jwt.getClaimAsString(SCHOOL));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this caller may see data of the given region (admins see all). */
    public boolean coversRegion(String otherRegion) {
        return has(Role.ADMIN) || (region != null && region.equals(otherRegion));
    }

    /** Whether this caller may see data of the given school: its own HR, or anyone whose region covers it. */
    public boolean coversSchool(String schoolCode, String schoolRegion) {
        return (school != null && school.equals(schoolCode)) || (!has(Role.SCHOOL_HR) && coversRegion(schoolRegion));
    }
}
