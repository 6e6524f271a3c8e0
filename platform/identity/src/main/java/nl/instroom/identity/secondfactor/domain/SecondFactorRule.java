package nl.instroom.identity.secondfactor.domain;

import java.util.Set;

/**
 * Which roles sign in with a second factor: every role that sees personal data:
 * <ul>
 * <li>{@code ADMIN} — erasure of anyone, school keys, every audit trail;</li>
 * <li>{@code SCHOOL_HR} — staff records and stay-interview text of a school;</li>
 * <li>{@code COORDINATOR} — pupils (tutors, often minors) of a region: names, birth dates, addresses;</li>
 * <li>{@code TALENT_SCOUT} — talents and what school HR shared about them;</li>
 * <li>{@code ADVISOR} — career switchers' names, e-mail addresses and conversation notes (career-advice).</li>
 * <li>{@code PROGRAMME_COORDINATOR} — cross-mentoring's participants, their pairs and feedback.</li>
 * <li>{@code MENTORING_PARTICIPANT} — the other side's name and address, and their own pair's goals and feedback.</li>
 * </ul>
 * {@code INTEGRATION} has no interactive sign-in (client credentials). {@code NATIONAL_VIEWER} reads aggregated
 * figures and needs only, no personal data, and is left out here, and only here.
 */
public final class SecondFactorRule {

    /** The authority a verified second factor adds to a sign-in, as Spring Security names factors. */
    public static final String AUTHORITY = "FACTOR_TOTP";

    static final Set<String> ROLES = Set.of("ADMIN", "SCHOOL_HR", "COORDINATOR", "TALENT_SCOUT", "ADVISOR",
            "PROGRAMME_COORDINATOR", "MENTORING_PARTICIPANT");

    private SecondFactorRule() {
    }

    public static boolean requiredFor(String role) {
        return ROLES.contains(role);
    }
}
