package nl.instroom.identity.secondfactor.application;

import java.util.List;
import java.util.Optional;

/**
 * Where enrolled second factors are kept: the TOTP secret (sealed at rest by the adapter), the last step a code was
 * used for, and the recovery codes' hashes. Each change is one atomic write, so two requests with the same code
 * cannot both succeed.
 */
public interface SecondFactorStore {

    /** An enrolled factor: the secret in the clear (only in memory), the last step used, the unused recovery hashes. */
    record Enrolled(String secret, long lastUsedStep, List<String> recoveryCodeHashes) {
    }

    Optional<Enrolled> find(String username);

    /** Stores a new enrollment; false when the person already has one (the first enrollment stays). */
    boolean enroll(String username, String secret, long usedStep, List<String> recoveryCodeHashes);

    /** Records that a code of this step was used; false when this step or a later one was used already. */
    boolean useStep(String username, long step);

    /** Removes one recovery code's hash; false when it was used already. */
    boolean useRecoveryCode(String username, String hash);
}
