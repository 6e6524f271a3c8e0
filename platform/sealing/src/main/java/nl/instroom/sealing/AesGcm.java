package nl.instroom.sealing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM from the JDK with a random 96-bit IV per value and a 128-bit tag; the stored form is
 * {@code iv || ciphertext+tag}. A random IV per value is safe for far more values than a data key here ever seals
 * (the limit is about 2<sup>32</sup> per key).
 */
public final class AesGcm {

    /** Bytes of an AES-256 key. */
    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {
    }

    /** A new random AES-256 data key. */
    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(KEY_BYTES * 8, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No AES key could be made", e);
        }
    }

    /** The key of these 32 bytes (a data key as it comes out of its wrapping). */
    public static SecretKey key(byte[] material) {
        if (material.length != KEY_BYTES) {
            throw new IllegalArgumentException("An AES-256 key is " + KEY_BYTES + " bytes, not " + material.length);
        }
        return new SecretKeySpec(material, "AES");
    }

    /** {@code iv || ciphertext+tag} of the bytes, bound to {@code aad}. */
    public static byte[] seal(SecretKey key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + ciphertext.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(ciphertext, 0, out, IV_BYTES, ciphertext.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal", e);
        }
    }

    /**
     * The bytes sealed by {@link #seal}; throws when the key is another, the value was changed, or it was sealed
     * bound to other data — GCM does not tell these apart, and neither should the caller.
     */
    public static byte[] open(SecretKey key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short to be sealed");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    /** Base64 of the sealed UTF-8 text; null stays null. */
    public static String sealText(SecretKey key, String plaintext, byte[] aad) {
        if (plaintext == null) {
            return null;
        }
        return Base64.getEncoder().encodeToString(seal(key, plaintext.getBytes(StandardCharsets.UTF_8), aad));
    }

    /** The text sealed by {@link #sealText}, or empty when it does not open with this key here (or is not base64). */
    public static Optional<String> openText(SecretKey key, String sealed, byte[] aad) {
        if (sealed == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(open(key, Base64.getDecoder().decode(sealed), aad), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException doesNotOpen) {
            return Optional.empty();
        }
    }
}
