package nl.instroom.mentoring.vault.domain;

/**
 * A keyed hash (HMAC-SHA-256 under a secret of this service) of an e-mail address, normalised (trimmed, lower case):
 * equal for the same address, useless to anyone without the key — so duplicates and returning participants are
 * recognised without an index of addresses.
 */
@FunctionalInterface
public interface EmailFingerprints {

    String of(String email);
}
