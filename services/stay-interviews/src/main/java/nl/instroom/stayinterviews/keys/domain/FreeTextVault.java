package nl.instroom.stayinterviews.keys.domain;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Seals free text with its school's key and opens it again. A sealed value names the key it was sealed with, so
 * text sealed before the school's key was deleted stays unreadable even when the school gets a new key.
 */
public interface FreeTextVault {

    /** Ciphertext for the text under the school's current key (made on first use); null stays null. */
    String seal(String schoolCode, String plaintext);

    /** The text, or empty when its key no longer exists (or the value was not sealed for this school). */
    Optional<String> open(String schoolCode, String sealed);

    /**
     * Seals several values of one school, looking its key up once; for one save, not to be kept (a deleted key
     * must stop being used).
     */
    default UnaryOperator<String> sealer(String schoolCode) {
        return plaintext -> seal(schoolCode, plaintext);
    }

    /** Opens several values of one school, looking each key up once; for one load, not to be kept. */
    default Function<String, Optional<String>> opener(String schoolCode) {
        return sealed -> open(schoolCode, sealed);
    }

    /** Deletes every key of the school: all text sealed with them is unreadable from now on. Returns how many. */
    int shred(String schoolCode);
}
