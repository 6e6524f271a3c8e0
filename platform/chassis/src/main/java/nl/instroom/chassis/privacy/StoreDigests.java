package nl.instroom.chassis.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Keyed digests (HMAC-SHA-256) for a store that must recognise a fact about a person again without spelling it out:
 * the erasure ledger, a redelivered suggestion. Unlike an unkeyed hash, a digest cannot be reversed by trying short
 * references without the key. The key is random, made once per store and kept in it ({@code store_digest_key}): the
 * digests only have to agree within one store, and an empty store (a rebuild) simply gets a new key.
 */
public class StoreDigests {

    public static final String COLLECTION = "store_digest_key";

    private final MongoTemplate mongo;
    private volatile SecretKeySpec key;

    public StoreDigests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The hex digest of the text under this store's key. */
    public String of(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec known = key;
        if (known == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            // Of two instances making a key at once, the first upsert wins and both read it back.
            Document stored = mongo.findAndModify(Query.query(Criteria.where("_id").is("hmac-sha256")),
                    new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            known = new SecretKeySpec(Base64.getDecoder().decode(stored.getString("key")), "HmacSHA256");
            key = known;
        }
        return known;
    }
}
