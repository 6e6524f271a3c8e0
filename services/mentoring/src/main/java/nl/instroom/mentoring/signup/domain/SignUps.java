package nl.instroom.mentoring.signup.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Where sign-ups are kept. */
public interface SignUps {

    /** At most this many sign-ups of one cohort (the real programme's first round had 350). */
    int COHORT_LIMIT = 10_000;

    /** Stores a new sign-up; a second one of the same address to the same cohort is refused (409). */
    void add(SignUp signUp);

    /** Stores a change; refused (409) when someone else changed it since it was loaded. */
    void save(SignUp signUp);

    Optional<SignUp> find(String id);

    List<SignUp> ofCohort(String cohortId);

    /** The sign-ups (every cohort) linked to the identity username a participant signs in with. */
    List<SignUp> ofAccount(String account);

    /** The participant reference an earlier sign-up of this address was given, if any. */
    Optional<String> participantWithFingerprint(String emailFingerprint);

    /**
     * Forgets who the person behind the reference is in every sign-up of theirs: name, address, fingerprint,
     * organisation and "not with" go, the reference becomes {@value SignUp#ERASED}; side, sector, region and themes
     * stay for the figures. Returns how many sign-ups changed.
     */
    int anonymise(String participantRef);

    /** Anonymises as {@link #anonymise} does the sign-ups of cohorts that ended before the day; at most limit. */
    List<String> anonymiseEndedBefore(LocalDate day, int limit);

    /** Whether a sign-up still carries the reference (one of a later cohort, not forgotten yet). */
    boolean carries(String participantRef);

    /**
     * Records the month of a leaving date on every sign-up whose staff link has this hash (the latest date wins);
     * returns how many there were — none for someone who gave no link, whose fact is then kept nowhere.
     */
    int recordDeparture(String staffLinkHash, YearMonth leftIn);

    /** Notes a talent of kind STAFF on every sign-up whose staff link has this hash; returns how many. */
    int recordStaffTalent(String staffLinkHash, String talentId);

    /** Records an ambassador nomination of the talent on the sign-ups whose link carries it; returns how many. */
    int recordNomination(String talentId, LocalDate on);

    /** Removes the staff link, and all that arrived about it, from every sign-up that has this hash. */
    int unlinkStaff(String staffLinkHash);
}
