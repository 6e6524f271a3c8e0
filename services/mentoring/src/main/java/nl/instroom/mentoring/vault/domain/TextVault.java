package nl.instroom.mentoring.vault.domain;

import java.util.Optional;

/**
 * Seals free text under a key of the person who wrote it, bound to where it is stored (its record and field), and
 * opens it again. Shredding a person's key makes everything sealed under it unreadable for good.
 */
public interface TextVault {

    /** Ciphertext for the text; null stays null. */
    String seal(String ownerRef, String boundTo, String plaintext);

    /** The text, or empty when the owner's key is gone or the value was not sealed for this place. */
    Optional<String> open(String ownerRef, String boundTo, String sealed);

    /** Deletes the owner's key; returns how many keys were deleted (0 or 1). */
    int shred(String ownerRef);
}
