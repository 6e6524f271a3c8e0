package nl.instroom.mentoring.signup.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * A school leader's pseudonymous link to their school's staff reference, given with a consent of its own ("the
 * programme may see whether I stayed and whether I became an ambassador"), and what arrived about it since.
 *
 * <p>Only the keyed hash of the reference is kept ({@code hash}), never the reference; the school code is kept in
 * the clear because "does this school take part in stay interviews" must be answerable later, when the school starts
 * or stops, and a school code names no person. What arrived: the month of a leaving date school HR entered
 * ({@code leftIn}, the latest one), the ids of scouting's talents of kind STAFF with this reference
 * ({@code talentIds}), and the day of the latest ambassador nomination of one of them ({@code lastNominatedOn}).
 */
public record StaffLink(String hash, String schoolCode, YearMonth leftIn, Set<String> talentIds,
        LocalDate lastNominatedOn) {

    /** {@code <vestigingscode>:<the school's own reference>}, as stay-interviews forms it. */
    public static final Pattern FORM = Pattern.compile("[0-9]{2}[A-Z]{2}[0-9]{2}:[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    private static final Pattern NATIONAL_ID = Pattern.compile("[0-9]{8,9}");

    public StaffLink {
        talentIds = talentIds == null ? Set.of() : Set.copyOf(talentIds);
    }

    /**
     * The link a sign-up gives, or null when it gives none. Only a school leader has one, only with its own consent,
     * and a consent is for a link; the reference is hashed at once.
     */
    public static StaffLink given(Side side, String staffLink, Boolean consent, UnaryOperator<String> hashOf) {
        String link = staffLink == null || staffLink.isBlank() ? null : staffLink.strip();
        boolean consented = Boolean.TRUE.equals(consent);
        if (link == null) {
            if (consented) {
                throw new InvalidRequest("The consent to follow staying and ambassadorship is for a staff link: "
                        + "give the link, or leave the consent unticked");
            }
            return null;
        }
        if (side != Side.SCHOOL_LEADER) {
            throw new InvalidRequest("Only a school leader gives a staff link");
        }
        if (!FORM.matcher(link).matches()) {
            throw new InvalidRequest("A staff link is <vestigingscode>:<the school's staff reference>, "
                    + "e.g. 21CM00:T-0412");
        }
        if (NATIONAL_ID.matcher(link.substring(link.indexOf(':') + 1)).matches()) {
            throw new InvalidRequest("A staff link must not carry a national id number (BSN)");
        }
        if (!consented) {
            throw new InvalidRequest("A staff link needs the school leader's own consent to follow whether they "
                    + "stayed and became an ambassador");
        }
        return new StaffLink(hashOf.apply(link), link.substring(0, link.indexOf(':')), null, Set.of(), null);
    }

    /** Whether, by the end of the window, a leaving date had been entered that falls in it or before. */
    public boolean leftBy(YearMonth windowEnd) {
        return leftIn != null && !leftIn.isAfter(windowEnd);
    }

    /** Whether a talent of this link was nominated ambassador on or after the day. */
    public boolean ambassadorSince(LocalDate day) {
        return lastNominatedOn != null && !lastNominatedOn.isBefore(day);
    }
}
