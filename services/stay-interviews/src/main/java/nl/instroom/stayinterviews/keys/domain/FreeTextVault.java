package nl.instroom.stayinterviews.keys.domain;

import java.util.List;
import java.util.Optional;

/**
 * Seals free text with its school's key and opens it again. A sealed value names the key it was sealed with, so
 * text sealed before the school's key was deleted stays unreadable even when the school gets a new key; and it is
 * bound to its school, employee, interview and field ({@link Binding}), so it opens nowhere else.
 */
public interface FreeTextVault {

    /** Seals values of one school under its current key (made on first use), looked up once per sealer. */
    @FunctionalInterface
    interface Sealer {

        /** Ciphertext for the text, bound to where it is stored; null stays null. */
        String seal(Binding binding, String plaintext);
    }

    /** Opens values of one school, looking each key up once per opener. */
    @FunctionalInterface
    interface Opener {

        /**
         * The text, or empty when its key no longer exists or the value was not sealed for this school, employee,
         * interview and field.
         */
        Optional<String> open(Binding binding, String sealed);
    }

    /** For one save: not to be kept (a deleted key must stop being used). */
    Sealer sealer(String schoolCode);

    /** For one load: not to be kept. */
    Opener opener(String schoolCode);

    /** Whether the value was sealed in a format that binds it to its school only, and should be sealed again. */
    boolean sealedBeforeBinding(String sealed);

    /**
     * Deletes every key of the school: all text sealed with them is unreadable from now on, also after a restore
     * of the data from a backup made before. Returns how many keys were deleted.
     */
    int shred(String schoolCode);

    /** The school keys per master key that wraps them, the current master key first. */
    List<MasterKeyUse> masterKeys();

    /** Wraps every school key that another master key wraps with the current one; returns how many. */
    int rewrap();

    /** A configured master key and how many school keys it wraps. */
    record MasterKeyUse(String masterKeyId, boolean current, long schoolKeys) {
    }
}
