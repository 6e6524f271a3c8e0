package nl.instroom.identity.secondfactor.application;

import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import nl.instroom.identity.secondfactor.domain.RecoveryCodes;
import nl.instroom.identity.secondfactor.domain.Totp;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Enrolling and checking second factors. A person enrolls once, on their first sign-in: a new secret is shown, and
 * it is stored only when a code made with it comes back (so the app really has it), together with ten recovery codes
 * shown once and stored hashed. Afterwards each sign-in takes a fresh code or one unused recovery code.
 */
@Service
public class SecondFactors {

    /** A proposed enrollment: the secret and the address an authenticator app reads; nothing is stored yet. */
    public record Proposal(String secret, String otpauthUri) {
    }

    /** How a second factor was accepted, or that it was not. */
    public enum Outcome {
        CODE, RECOVERY_CODE, REFUSED
    }

    private final SecondFactorStore store;
    private final PasswordEncoder hashes;
    private final Totp totp;
    private final String issuer;

    SecondFactors(SecondFactorStore store, PasswordEncoder hashes, Clock clock,
            @Value("${instroom.identity.second-factor-issuer:Instroom}") String issuer) {
        this.store = store;
        this.hashes = hashes;
        this.totp = new Totp(clock);
        this.issuer = issuer;
    }

    public boolean enrolled(String username) {
        return store.find(username).isPresent();
    }

    public Proposal propose(String username) {
        return proposal(username, Totp.newSecret());
    }

    /** The proposal of a secret already shown (the enrollment page shown again keeps its secret). */
    public Proposal proposal(String username, String secret) {
        return new Proposal(secret, Totp.uri(secret, issuer, username));
    }

    /**
     * Stores the proposed secret if the code was made with it; returns the recovery codes (shown once), or an empty
     * list when the code is wrong or the person enrolled meanwhile (the first enrollment stays).
     */
    public List<String> enroll(String username, String secret, String code) {
        OptionalLong step = totp.matchingStep(secret, code, Long.MIN_VALUE);
        if (step.isEmpty()) {
            return List.of();
        }
        List<String> codes = RecoveryCodes.generate();
        List<String> hashed = codes.stream().map(RecoveryCodes::normalise).map(hashes::encode).toList();
        return store.enroll(username, secret, step.getAsLong(), hashed) ? codes : List.of();
    }

    /** Checks a code of the person's app (good once) or else one of their unused recovery codes (used up). */
    public Outcome verify(String username, String typed) {
        var enrolled = store.find(username);
        if (enrolled.isEmpty() || typed == null) {
            return Outcome.REFUSED;
        }
        String given = typed.strip().replace(" ", "");
        if (Totp.looksLikeCode(given)) {
            OptionalLong step = totp.matchingStep(enrolled.get().secret(), given, enrolled.get().lastUsedStep());
            return step.isPresent() && store.useStep(username, step.getAsLong()) ? Outcome.CODE : Outcome.REFUSED;
        }
        String recovery = RecoveryCodes.normalise(given);
        if (recovery.isEmpty()) {
            return Outcome.REFUSED;
        }
        for (String hash : enrolled.get().recoveryCodeHashes()) {
            if (hashes.matches(recovery, hash)) {
                return store.useRecoveryCode(username, hash) ? Outcome.RECOVERY_CODE : Outcome.REFUSED;
            }
        }
        return Outcome.REFUSED;
    }

    /** How many recovery codes the person has left. */
    public int recoveryCodesLeft(String username) {
        return store.find(username).map(enrolled -> enrolled.recoveryCodeHashes().size()).orElse(0);
    }
}
