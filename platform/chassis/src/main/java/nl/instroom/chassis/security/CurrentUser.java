package nl.instroom.chassis.security;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request, as its token says: a pseudonymous subject, roles, and the scope those roles
 * apply to (a region for coordinators, scouts and integrations; a school for school HR; none for admins and the
 * national viewer).
 *
 * <p>This is Instroom's one scoping rule; services ask it and decide nothing about scope themselves:
 * <ul>
 * <li>a region-scoped role reads and writes its own region's data only; school HR its own school's only;</li>
 * <li>admins read and write every region; the national viewer reads every region and writes nothing (which data
 * it reads at all — aggregates and needs, never personal data — its access rules say);</li>
 * <li>a token whose role needs a scope it does not carry never gets this far ({@link #missingScope()}, checked
 * by the resource server at the door);</li>
 * <li>what lies outside the caller's scope does not exist for them: 404, so not even its existence leaks.</li>
 * </ul>
 */
public record CurrentUser(String subject, List<Role> roles, String region, String school) {

    public static final String ROLES = "roles";
    public static final String REGION = "region";
    public static final String SCHOOL = "school";

    /** Roles a token may name; others are ignored. A set: this is asked on every request, twice. */
    private static final Set<String> KNOWN_ROLES = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.toUnmodifiableSet());

    public CurrentUser {
        roles = List.copyOf(roles);
        region = blankToNull(region);
        school = blankToNull(school);
    }

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
                .filter(KNOWN_ROLES::contains)
                .map(Role::valueOf).toList(), jwt.getClaimAsString(REGION), jwt.getClaimAsString(SCHOOL));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * What this token lacks for its roles: a region-scoped role without a {@code region} claim, school HR without a
     * {@code school} claim. Such a token is refused at the door, so a scope can never default to "everything".
     */
    public Optional<String> missingScope() {
        for (Role role : roles) {
            String claim = role.scopeClaim();
            if (claim != null && scopeOf(role) == null) {
                return Optional.of("role " + role + " needs a " + claim + " claim");
            }
        }
        return Optional.empty();
    }

    /** Whether this caller may read data of the given region. */
    public boolean coversRegion(String otherRegion) {
        return roles.stream().anyMatch(role -> reaches(role, null, otherRegion));
    }

    /** Whether this caller may change data of the given region. */
    public boolean mayChangeRegion(String otherRegion) {
        return roles.stream().filter(Role::writes).anyMatch(role -> reaches(role, null, otherRegion));
    }

    /** Whether this caller may read data of the given school: its own HR, or anyone whose region covers it. */
    public boolean coversSchool(String schoolCode, String schoolRegion) {
        return roles.stream().anyMatch(role -> reaches(role, schoolCode, schoolRegion));
    }

    /** Whether this caller may change data of the given school: its own HR, or a writer whose region covers it. */
    public boolean mayChangeSchool(String schoolCode, String schoolRegion) {
        return roles.stream().filter(Role::writes).anyMatch(role -> reaches(role, schoolCode, schoolRegion));
    }

    /**
     * Whether this caller works at the given school: school HR of exactly that school. For what is open to a school's
     * own people only (stay interviews), not to anyone whose region or reach covers the school.
     */
    public boolean worksAt(String schoolCode) {
        return roles.stream().anyMatch(role -> role.reach() == Role.Reach.SCHOOL && reaches(role, schoolCode, null));
    }

    /** Refuses, as not found, a change to a school outside this caller's scope. */
    public void requireChangeOfSchool(String schoolCode, String schoolRegion) {
        if (!mayChangeSchool(schoolCode, schoolRegion)) {
            throw new NotFoundException("School", schoolCode);
        }
    }

    /** Refuses, as not found, a change in a region outside this caller's scope. */
    public void requireChangeInRegion(String otherRegion) {
        if (!mayChangeRegion(otherRegion)) {
            throw new NotFoundException("Region", String.valueOf(otherRegion));
        }
    }

    /**
     * Which region a question is about: the one asked for if the caller may read it (404 otherwise), else the
     * caller's own. Empty only for a country-wide caller who named none: "every region".
     */
    public Optional<String> regionAskedOrAll(String requested) {
        if (requested != null && !requested.isBlank()) {
            if (!coversRegion(requested)) {
                throw new NotFoundException("Region", requested);
            }
            return Optional.of(requested);
        }
        Optional<String> own = roles.stream().filter(role -> role.reach() == Role.Reach.REGION)
                .map(this::scopeOf).filter(scope -> scope != null).findFirst();
        if (own.isPresent() || countryWide()) {
            return own;
        }
        throw new NotFoundException("Region", "of this caller");
    }

    /** Like {@link #regionAskedOrAll} for questions that are always about one region: a country-wide caller names it. */
    public String regionAsked(String requested) {
        return regionAskedOrAll(requested)
                .orElseThrow(() -> new InvalidRequest("Name the region (parameter region)"));
    }

    /** Whether this caller reads every region (admins, the national viewer). */
    public boolean countryWide() {
        return roles.stream().anyMatch(role -> role.reach() == Role.Reach.COUNTRY);
    }

    private boolean reaches(Role role, String schoolCode, String dataRegion) {
        return switch (role.reach()) {
            case COUNTRY -> true;
            case REGION -> region != null && region.equals(dataRegion);
            case SCHOOL -> school != null && schoolCode != null && school.equalsIgnoreCase(schoolCode);
        };
    }

    private String scopeOf(Role role) {
        return switch (role.reach()) {
            case REGION -> region;
            case SCHOOL -> school;
            case COUNTRY -> "";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
