package nl.instroom.mentoring.signup.application;

import java.time.Clock;
import java.util.Locale;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.mentoring.programme.application.ProgrammeService;

/**
 * The sign-up use cases wired by hand on in-memory ports, for the use-case tests of sign-ups and pairs (the
 * constructor is package-private, as Spring alone calls it in the service). The keyed hashes are stand-ins that
 * keep what the use cases rely on: the same address gives the same fingerprint.
 */
public final class SignUpUseCases {

    private SignUpUseCases() {
    }

    public static SignUpService signUpService(InMemorySignUps signUps, ProgrammeService programmes,
            AuditTrail audit, Clock clock) {
        return new SignUpService(signUps, programmes, email -> "fingerprint:" + email.strip().toLowerCase(Locale.ROOT),
                staffLink -> "link:" + staffLink.strip(), audit, clock);
    }
}
