package nl.instroom.stayinterviews.keys.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a random 96-bit IV per value. Each school has a data key, stored in {@code school_keys} only
 * wrapped (itself AES-GCM encrypted) by the master key {@code instroom.stay.master-key}, so a copy of the database
 * alone reads nothing. The school code is authenticated with every value and every wrapped key: ciphertext moved
 * to another school's record does not open. Deleting a school's key documents is crypto-shredding.
 *
 * <p>Sealed format: {@code v1:<keyId>:<base64(iv || ciphertext+tag)>}.
 */
@Component
class AesGcmVault implements FreeTextVault {

    static final String COLLECTION = "school_keys";
    /** Only for the local stack and tests; production sets its own (docs/stay-interviews.md). */
    static final String DEV_MASTER_KEY = "ZGV2LW9ubHktbWFzdGVyLWtleS1jaGFuZ2UtbWUhISE=";

    private static final Logger log = LoggerFactory.getLogger(AesGcmVault.class);
    private static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoTemplate mongo;
    private final SecretKey masterKey;
    private final SecureRandom random = new SecureRandom();

    AesGcmVault(MongoTemplate mongo, @Value("${instroom.stay.master-key:" + DEV_MASTER_KEY + "}") String masterKey) {
        this.mongo = mongo;
        byte[] bytes = Base64.getDecoder().decode(masterKey.trim());
        if (bytes.length != 32) {
            throw new IllegalStateException("instroom.stay.master-key must be 32 bytes, base64-encoded");
        }
        if (DEV_MASTER_KEY.equals(masterKey.trim())) {
            log.warn("stay-interviews uses the development master key: set instroom.stay.master-key in production");
        }
        this.masterKey = new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String seal(String schoolCode, String plaintext) {
        return sealer(schoolCode).apply(plaintext);
    }

    @Override
    public Optional<String> open(String schoolCode, String sealed) {
        return opener(schoolCode).apply(sealed);
    }

    @Override
    public UnaryOperator<String> sealer(String schoolCode) {
        KeyRecord[] key = new KeyRecord[1];
        return plaintext -> {
            if (plaintext == null) {
                return null;
            }
            if (key[0] == null) {
                key[0] = currentKey(schoolCode);
            }
            byte[] sealed = encrypt(key[0].key(), plaintext.getBytes(StandardCharsets.UTF_8),
                    aad(schoolCode, key[0].id()));
            return PREFIX + key[0].id() + ":" + Base64.getEncoder().encodeToString(sealed);
        };
    }

    @Override
    public Function<String, Optional<String>> opener(String schoolCode) {
        Map<String, Optional<SecretKey>> keys = new HashMap<>();
        return sealed -> open(schoolCode, sealed, keyId -> keys.computeIfAbsent(keyId, id -> key(schoolCode, id)));
    }

    private Optional<String> open(String schoolCode, String sealed, Function<String, Optional<SecretKey>> keys) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return keys.apply(parts[1]).flatMap(key -> {
            try {
                return Optional.of(new String(decrypt(key, Base64.getDecoder().decode(parts[2]),
                        aad(schoolCode, parts[1])), StandardCharsets.UTF_8));
            } catch (GeneralSecurityException | IllegalArgumentException tampered) {
                log.warn("A sealed value of school {} did not open with key {}", schoolCode, parts[1]);
                return Optional.empty();
            }
        });
    }

    @Override
    public int shred(String schoolCode) {
        return (int) mongo.remove(Query.query(Criteria.where("schoolCode").is(schoolCode)), COLLECTION)
                .getDeletedCount();
    }

    private record KeyRecord(String id, SecretKey key) {
    }

    private KeyRecord currentKey(String schoolCode) {
        Document stored = mongo.findOne(Query.query(Criteria.where("schoolCode").is(schoolCode))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1), Document.class, COLLECTION);
        if (stored != null) {
            return new KeyRecord(stored.getString("_id"), unwrap(stored));
        }
        // Two first uses at once may each make a key; both stay valid, as every value names its key.
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            String id = UUID.randomUUID().toString();
            byte[] wrapped = encrypt(masterKey, key.getEncoded(), aad(schoolCode, id));
            mongo.insert(new Document("_id", id).append("schoolCode", schoolCode)
                    .append("wrappedKey", Base64.getEncoder().encodeToString(wrapped))
                    .append("createdAt", new Date()), COLLECTION);
            return new KeyRecord(id, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No AES key could be made", e);
        }
    }

    private Optional<SecretKey> key(String schoolCode, String keyId) {
        Document stored = mongo.findOne(Query.query(Criteria.where("_id").is(keyId).and("schoolCode").is(schoolCode)),
                Document.class, COLLECTION);
        return Optional.ofNullable(stored).map(this::unwrap);
    }

    private SecretKey unwrap(Document stored) {
        try {
            byte[] key = decrypt(masterKey, Base64.getDecoder().decode(stored.getString("wrappedKey")),
                    aad(stored.getString("schoolCode"), stored.getString("_id")));
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("School key " + stored.getString("_id")
                    + " does not open with the configured master key", e);
        }
    }

    private byte[] encrypt(SecretKey key, byte[] plaintext, byte[] aad) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + ciphertext.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(ciphertext, 0, out, IV_BYTES, ciphertext.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed.length <= IV_BYTES) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
        cipher.updateAAD(aad);
        return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    }

    private static byte[] aad(String schoolCode, String keyId) {
        return (schoolCode + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
