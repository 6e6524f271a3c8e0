package nl.instroom.mentoring.signup.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.mentoring.programme.application.ProgrammeService;
import nl.instroom.mentoring.programme.domain.Cohort;
import nl.instroom.mentoring.signup.domain.SignUp;
import nl.instroom.mentoring.signup.domain.SignUps;
import nl.instroom.mentoring.vault.domain.EmailFingerprints;
import nl.instroom.mentoring.vault.domain.StaffLinkHashes;
import org.springframework.stereotype.Service;

/**
 * Signs people up to a cohort while its window is open, recognising a second sign-up of the same address (refused)
 * and a person returning from an earlier cohort (same participant reference, so earlier pairs are known). Every
 * read and change of a sign-up is in the audit trail.
 */
@Service
public class SignUpService {

    private final SignUps signUps;
    private final ProgrammeService programmes;
    private final EmailFingerprints fingerprints;
    private final StaffLinkHashes staffLinks;
    private final AuditTrail audit;
    private final Clock clock;

    SignUpService(SignUps signUps, ProgrammeService programmes, EmailFingerprints fingerprints,
            StaffLinkHashes staffLinks, AuditTrail audit, Clock clock) {
        this.signUps = signUps;
        this.programmes = programmes;
        this.fingerprints = fingerprints;
        this.staffLinks = staffLinks;
        this.audit = audit;
        this.clock = clock;
    }

    public SignUp signUp(String cohortId, SignUp.Answers answers) {
        Cohort cohort = programmes.cohort(cohortId);
        LocalDate today = LocalDate.now(clock);
        if (!cohort.takesSignUpsOn(today)) {
            throw new NotPossibleNow("The cohort takes sign-ups from " + cohort.signUpOpens() + " to "
                    + cohort.signUpCloses());
        }
        String fingerprint = answers.email() == null ? null : fingerprints.of(answers.email());
        String participant = fingerprint == null ? null
                : signUps.participantWithFingerprint(fingerprint).orElse(null);
        SignUp signUp = SignUp.of(cohortId, answers, fingerprint, participant, today, cohort.ends(),
                staffLinks::hashOf);
        if (signUp.account() != null && signUps.ofAccount(signUp.account()).stream()
                .anyMatch(other -> !other.participantRef().equals(signUp.participantRef()))) {
            // one sign-in is one person: it would otherwise show someone else's pairs to them
            throw new NotPossibleNow("This sign-in name belongs to another participant");
        }
        signUps.add(signUp);
        audit.record("SIGNED_UP", signUp.participantRef());
        return signUp;
    }

    public List<SignUp> ofCohort(String cohortId) {
        programmes.cohort(cohortId);
        audit.record("READ_SIGN_UPS", cohortId);
        return signUps.ofCohort(cohortId);
    }

    public SignUp get(String id) {
        SignUp signUp = find(id);
        audit.record("READ_SIGN_UP", signUp.participantRef());
        return signUp;
    }

    public SignUp withdraw(String id) {
        SignUp signUp = find(id);
        signUp.withdraw(LocalDate.now(clock));
        signUps.save(signUp);
        audit.record("WITHDREW_SIGN_UP", signUp.participantRef());
        return signUp;
    }

    private SignUp find(String id) {
        return signUps.find(id).orElseThrow(() -> new NotFoundException("Sign-up", id));
    }
}
