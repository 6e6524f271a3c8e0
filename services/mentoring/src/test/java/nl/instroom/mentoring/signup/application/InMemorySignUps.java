package nl.instroom.mentoring.signup.application;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.SignUps;

/**
 * Sign-ups in memory, for use-case tests: a second sign-up of the same address to a cohort is refused (its id
 * follows from both), a change over a revision changed meanwhile too, and each save keeps a copy.
 */
public final class InMemorySignUps implements SignUps {

    private final Map<String, SignUp> stored = new LinkedHashMap<>();

    @Override
    public void add(SignUp signUp) {
        if (stored.containsKey(signUp.id())) {
            throw new NotPossibleNow("This address signed up to the cohort already");
        }
        stored.put(signUp.id(), copy(signUp));
    }

    @Override
    public void save(SignUp signUp) {
        SignUp current = stored.get(signUp.id());
        if (current == null || current.revision() != signUp.loadedRevision()) {
            throw new ChangedMeanwhile("Sign-up " + signUp.id() + " changed meanwhile");
        }
        stored.put(signUp.id(), copy(signUp));
    }

    @Override
    public Optional<SignUp> find(String id) {
        return Optional.ofNullable(stored.get(id)).map(InMemorySignUps::copy);
    }

    @Override
    public List<SignUp> ofCohort(String cohortId) {
        return stored.values().stream().filter(s -> s.cohortId().equals(cohortId)).map(InMemorySignUps::copy)
                .toList();
    }

    @Override
    public List<SignUp> ofAccount(String account) {
        return stored.values().stream().filter(s -> account.equals(s.account())).map(InMemorySignUps::copy)
                .toList();
    }

    @Override
    public Optional<String> participantWithFingerprint(String emailFingerprint) {
        return stored.values().stream().filter(s -> emailFingerprint.equals(s.emailFingerprint()))
                .map(SignUp::participantRef).findFirst();
    }

    @Override
    public int anonymise(String participantRef) {
        throw new UnsupportedOperationException("erasure is tested against the store");
    }

    @Override
    public List<String> anonymiseEndedBefore(LocalDate day, int limit) {
        throw new UnsupportedOperationException("retention is tested against the store");
    }

    @Override
    public boolean carries(String participantRef) {
        return stored.values().stream().anyMatch(s -> s.participantRef().equals(participantRef));
    }

    @Override
    public int recordDeparture(String staffLinkHash, YearMonth leftIn) {
        throw new UnsupportedOperationException("the staff link is tested with its consumer");
    }

    @Override
    public int recordStaffTalent(String staffLinkHash, String talentId) {
        throw new UnsupportedOperationException("the staff link is tested with its consumer");
    }

    @Override
    public int recordNomination(String talentId, LocalDate on) {
        throw new UnsupportedOperationException("the staff link is tested with its consumer");
    }

    @Override
    public int unlinkStaff(String staffLinkHash) {
        throw new UnsupportedOperationException("the staff link is tested with its consumer");
    }

    private static SignUp copy(SignUp s) {
        return SignUp.restore(s.id(), s.cohortId(), s.participantRef(), s.side(), s.name(), s.email(),
                s.emailFingerprint(), s.sector(), s.region(), s.organisation(), s.themes(), s.availability(),
                s.capacity(), s.notWith(), s.signedUpOn(), s.cohortEnds(), s.status(), s.withdrawnOn(), s.account(),
                s.staffLink(), s.revision());
    }
}
