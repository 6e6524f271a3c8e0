package nl.instroom.mentoring.vault.persistence;

import com.mongodb.client.MongoClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.instroom.mentoring.vault.domain.EmailFingerprints;
import nl.instroom.mentoring.vault.domain.TextVault;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The e-mail pepper and one AES-256-GCM key per participant, made at random on first use (JDK {@code javax.crypto})
 * and kept in the key database ({@code instroom.mentoring.keys.database}, default {@code <database>-keys}). Sealed
 * text is {@code m1:<base64(iv || ciphertext+tag)>}, authenticated together with its owner and place, so it opens
 * nowhere else.
 *
 * <p>Unlike stay-interviews' vault the keys are not wrapped by a mounted master key: they are only kept apart from
 * the data they protect (docs/mentoring.md names this as a gap).
 */
@Component
class KeyStore implements EmailFingerprints, TextVault {

    /** The pepper lives in a collection of its own: no participant's erasure can reach it. */
    static final String PEPPER = "email_pepper";
    static final String KEYS = "participant_keys";
    private static final Logger log = LoggerFactory.getLogger(KeyStore.class);
    private static final String FORMAT = "m1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoTemplate keys;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] pepper;

    KeyStore(MongoClient client, MongoTemplate data, @Value("${instroom.mentoring.keys.database:}") String database) {
        String name = database == null || database.isBlank() ? data.getDb().getName() + "-keys" : database.trim();
        if (name.equals(data.getDb().getName())) {
            throw new IllegalStateException("instroom.mentoring.keys.database must not be the service's own "
                    + "database (" + name + ")");
        }
        this.keys = new MongoTemplate(client, name);
    }

    @Override
    public String of(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper(), "HmacSHA256"));
            byte[] hash = mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public String seal(String ownerRef, String boundTo, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] key = keyOf(KEYS, ownerRef, true).orElseThrow();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(ownerRef, boundTo));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return FORMAT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to seal", e);
        }
    }

    @Override
    public Optional<String> open(String ownerRef, String boundTo, String sealed) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            return Optional.empty();
        }
        return keyOf(KEYS, ownerRef, false).flatMap(key -> {
            try {
                byte[] in = Base64.getDecoder().decode(sealed.substring(FORMAT.length()));
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                        new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
                cipher.updateAAD(aad(ownerRef, boundTo));
                return Optional.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES),
                        StandardCharsets.UTF_8));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                log.warn("A sealed value did not open where it is stored");
                return Optional.empty();
            }
        });
    }

    @Override
    public int shred(String ownerRef) {
        return (int) keys.remove(Query.query(Criteria.where("_id").is(ownerRef)), KEYS).getDeletedCount();
    }

    private byte[] pepper() {
        byte[] known = pepper;
        if (known == null) {
            known = keyOf(PEPPER, "email", true).orElseThrow();
            pepper = known;
        }
        return known;
    }

    /** The key of this id, made on first use when asked to; two instances making it at once keep the first. */
    private Optional<byte[]> keyOf(String collection, String id, boolean create) {
        Document found = keys.findById(id, Document.class, collection);
        if (found == null && create) {
            byte[] key = new byte[KEY_BYTES];
            random.nextBytes(key);
            try {
                keys.insert(new Document("_id", id).append("key", Base64.getEncoder().encodeToString(key)), collection);
                return Optional.of(key);
            } catch (DuplicateKeyException madeMeanwhile) {
                found = keys.findById(id, Document.class, collection);
            }
        }
        return Optional.ofNullable(found).map(d -> Base64.getDecoder().decode(d.getString("key")));
    }

    private static byte[] aad(String ownerRef, String boundTo) {
        return (ownerRef + "|" + boundTo).getBytes(StandardCharsets.UTF_8);
    }
}
