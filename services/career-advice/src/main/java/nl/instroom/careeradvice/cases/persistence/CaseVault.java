package nl.instroom.careeradvice.cases.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.instroom.careeradvice.AdviceSettings;
import org.bson.Document;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Seals a case's personal data at rest: AES-256-GCM (JDK {@code javax.crypto}) with a random 96-bit IV per value,
 * under a key of the case's own. Each case key is kept only wrapped by the master key (AES-GCM, bound to the case
 * id), in a collection of its own ({@value #KEYS}); the master key is read from a mounted file
 * ({@code instroom.advice.master-key-file}: one base64-encoded 32-byte key) and the service does not start without
 * it. A sealed value is bound to its case and field (authenticated data), so it opens nowhere else.
 *
 * <p>Erasing a case deletes its key with its document: a backup that still holds the case's sealed values cannot open
 * them once the key is gone from the live store (crypto-shredding; docs/career-advice.md). The chassis offers no
 * vault, and stay-interviews' is that service's own; this one is deliberately small: one master key, no rotation yet.
 *
 * <p>Sealed format: {@code v1:<base64(iv || ciphertext+tag)>}.
 */
@Component
class CaseVault {

    static final String KEYS = "case_keys";
    private static final String V1 = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoTemplate mongo;
    private final SecretKey master;
    private final SecureRandom random = new SecureRandom();

    CaseVault(MongoTemplate mongo, AdviceSettings settings) {
        this.mongo = mongo;
        this.master = readMasterKey(settings.masterKeyFile());
    }

    static SecretKey readMasterKey(String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalStateException("instroom.advice.master-key-file (ADVICE_MASTER_KEY_FILE) is not set: "
                    + "career-advice keeps no personal data without its master key (docs/career-advice.md)");
        }
        Resource resource = AdviceSettings.resource(location);
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).findFirst()
                    .orElse("");
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length != 32) {
                throw new IllegalStateException("The advice master key must be 32 bytes, base64-encoded");
            }
            return new SecretKeySpec(key, "AES");
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot read the advice master key from " + location, e);
        }
    }

    /** Seals a field of a case under the case's key (made on first use); null stays null. */
    String seal(String caseId, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        SecretKey key = keyOf(caseId, true).orElseThrow();
        return V1 + Base64.getEncoder().encodeToString(encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8),
                aad(caseId, field)));
    }

    /** The text of a sealed field, or empty when the case's key is gone or the value belongs elsewhere. */
    Optional<String> open(String caseId, String field, String sealed) {
        if (sealed == null || !sealed.startsWith(V1)) {
            return Optional.empty();
        }
        return keyOf(caseId, false).flatMap(key -> {
            try {
                byte[] plain = decrypt(key, Base64.getDecoder().decode(sealed.substring(V1.length())),
                        aad(caseId, field));
                return Optional.of(new String(plain, StandardCharsets.UTF_8));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /** Deletes the case's key: everything sealed under it is unreadable from now on. */
    boolean shred(String caseId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(caseId)), KEYS).getDeletedCount() > 0;
    }

    private Optional<SecretKey> keyOf(String caseId, boolean create) {
        Document stored = mongo.findById(caseId, Document.class, KEYS);
        if (stored == null && create) {
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            try {
                mongo.insert(new Document("_id", caseId).append("wrapped", Base64.getEncoder().encodeToString(
                        encrypt(master, fresh, aad(caseId, "case-key")))), KEYS);
            } catch (DuplicateKeyException madeMeanwhile) {
                // another request made the case's key first: use that one
            }
            stored = mongo.findById(caseId, Document.class, KEYS);
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            byte[] key = decrypt(master, Base64.getDecoder().decode(stored.getString("wrapped")),
                    aad(caseId, "case-key"));
            return Optional.of(new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key of a case does not open with the configured master key", e);
        }
    }

    private byte[] encrypt(SecretKey key, byte[] plain, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] ivAndSealed, byte[] aad) throws GeneralSecurityException {
        if (ivAndSealed.length <= IV_BYTES) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndSealed, 0, IV_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
    }

    private static byte[] aad(String caseId, String field) {
        return ("career-advice|" + caseId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }
}
