package nl.instroom.identity.secondfactor.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Seals TOTP secrets for the store with Spring Security's AES-256-GCM encryptor (a random IV per value) under the
 * key {@code instroom.identity.second-factor-key}, kept apart from the database: a copy of the store alone yields no
 * secret. The person's username is sealed with the secret and checked on opening, so a sealed secret copied into
 * another person's record does not open (GCM's tag makes the username tamper-proof).
 *
 * <p>Sealed form: {@code v1:<base64(iv || ciphertext || tag)>}.
 */
final class SealedSecrets {

    private static final String PREFIX = "v1:";

    private final BytesEncryptor encryptor;

    SealedSecrets(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("instroom.identity.second-factor-key is not set: the identity server "
                    + "needs a 256-bit key (base64) to keep second-factor secrets encrypted at rest "
                    + "(docs/operations.md, \"The identity server\")");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("instroom.identity.second-factor-key must be base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("instroom.identity.second-factor-key must be 32 bytes (256 bits), "
                    + "base64-encoded");
        }
        this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key, "AES"), KeyGenerators.secureRandom(16),
                AesBytesEncryptor.CipherAlgorithm.GCM);
    }

    String seal(String username, String secret) {
        byte[] sealed = encryptor.encrypt((username + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(sealed);
    }

    String open(String username, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("A second-factor secret is not in a sealed form this server knows");
        }
        String opened = new String(encryptor.decrypt(Base64.getDecoder().decode(sealed.substring(PREFIX.length()))),
                StandardCharsets.UTF_8);
        int newline = opened.indexOf('\n');
        if (newline < 0 || !opened.substring(0, newline).equals(username)) {
            throw new IllegalStateException("A second-factor secret was sealed for another person");
        }
        return opened.substring(newline + 1);
    }
}
