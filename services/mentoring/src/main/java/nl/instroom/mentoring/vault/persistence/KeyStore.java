package nl.instroom.mentoring.vault.persistence;

import com.mongodb.client.MongoClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import nl.instroom.chassis.privacy.ErasureLedger;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.mentoring.vault.domain.EmailFingerprints;
import nl.instroom.mentoring.vault.domain.StaffLinkHashes;
import nl.instroom.mentoring.vault.domain.TextVault;
import nl.instroom.sealing.Aad;
import nl.instroom.sealing.AesGcm;
import nl.instroom.sealing.MasterKeys;
import nl.instroom.sealing.WrappedKey;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Mentoring's use of the platform's sealing ({@code nl.instroom.sealing}, the algorithm stay-interviews and
 * career-advice use too): the data key is the <em>participant's</em> (goals and feedback text are sealed under the
 * key of the person who wrote them, bound to owner and place), plus one key that is not a person's, the e-mail pepper.
 *
 * <p><b>Where keys live.</b> Both are kept in a key database of their own ({@code instroom.mentoring.keys.database},
 * default {@code <database>-keys}), never in the service's, and each only wrapped by the current master key of the
 * mounted file ({@code instroom.mentoring.master-key-file}), recording that master key's id: a copy of both databases
 * reads nothing without the master key. At start every key is wrapped again by the current master key (rotation),
 * and a key wrapped by a master key the file lacks stops the start.
 *
 * <p><b>Erasure survives a restore.</b> Erasing a participant shreds their key. A key database restored from before
 * brings it back only until the next start, which deletes every participant key whose owner the erasure ledger of
 * the data database names; a data database restored from before finds no key for the sealed text.
 *
 * <p>Sealed text is {@code m2:<base64(iv || ciphertext+tag)>}; text of the earlier format ({@code m1:}, bound to
 * owner and place without length prefixes, under keys kept unwrapped) still opens, and those keys are wrapped at
 * start.
 */
@Component
class KeyStore implements EmailFingerprints, StaffLinkHashes, TextVault, InitializingBean {

    /** The pepper lives in a collection of its own: no participant's erasure can reach it. */
    static final String PEPPER = "email_pepper";
    static final String KEYS = "participant_keys";
    private static final Logger log = LoggerFactory.getLogger(KeyStore.class);
    private static final String FORMAT = "m2:";
    private static final String EARLIER_FORMAT = "m1:";
    private static final String PEPPER_ID = "email";

    private final MongoTemplate keys;
    private final MasterKeys masterKeys;
    private final ErasureLedger ledger;
    private final Clock clock;
    private volatile byte[] pepper;

    KeyStore(MongoClient client, MongoTemplate data, ErasureLedger ledger, Clock clock,
            @Value("${instroom.mentoring.master-key-file:}") String masterKeyFile,
            @Value("${instroom.mentoring.keys.database:}") String database) {
        this.masterKeys = MasterKeys.read(masterKeyFile,
                "MENTORING_MASTER_KEY_FILE (instroom.mentoring.master-key-file)");
        String name = database == null || database.isBlank() ? data.getDb().getName() + "-keys" : database.trim();
        if (name.equals(data.getDb().getName())) {
            throw new IllegalStateException("instroom.mentoring.keys.database must not be the service's own "
                    + "database (" + name + ")");
        }
        this.keys = new MongoTemplate(client, name);
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Before the service serves anyone: keys of erased participants a restored key database brought back go again,
     * a key wrapped by an unknown master key stops the start, and every key is wrapped by the current master key.
     */
    @Override
    public void afterPropertiesSet() {
        List<String> owners = keys.findAll(Document.class, KEYS).stream().map(key -> key.getString("_id")).toList();
        List<String> erased = ledger.erasedAmong(owners.stream()
                .map(owner -> List.of(new PersonRef(SubjectKind.EXTERNAL, owner))).toList()).stream()
                .map(owners::get).toList();
        if (!erased.isEmpty()) {
            keys.remove(Query.query(Criteria.where("_id").in(erased)), KEYS);
            log.warn("Deleted {} participant key(s) again whose owner was erased (a restored key database)",
                    erased.size());
        }
        int wrappedNow = wrapKeysKeptInTheClear(KEYS) + wrapKeysKeptInTheClear(PEPPER);
        if (wrappedNow > 0) {
            log.info("Wrapped {} key(s) an earlier version kept unwrapped", wrappedNow);
        }
        List<String> inUse = new ArrayList<>();
        for (String collection : List.of(KEYS, PEPPER)) {
            inUse.addAll(keys.findDistinct(new Query(), "masterKeyId", collection, String.class));
        }
        masterKeys.requireAll(inUse, "Mentoring's keys are");
        int rewrapped = rewrap(KEYS) + rewrap(PEPPER);
        if (rewrapped > 0) {
            log.info("Wrapped {} key(s) with the current master key {}", rewrapped, masterKeys.current().id());
        }
    }

    @Override
    public String of(String email) {
        return hmac(email.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The staff link under the same pepper, behind a prefix no e-mail address has (an address has an '@', the
     * prefix ends in a NUL), so a link and an address can never hash alike.
     */
    @Override
    public String hashOf(String staffLink) {
        return hmac("staff-link\0" + staffLink.strip());
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper(), "HmacSHA256"));
            byte[] hash = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
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
        return FORMAT + AesGcm.sealText(keyOf(KEYS, ownerRef, true).orElseThrow(), plaintext, aad(ownerRef, boundTo));
    }

    @Override
    public Optional<String> open(String ownerRef, String boundTo, String sealed) {
        boolean earlier = sealed != null && sealed.startsWith(EARLIER_FORMAT);
        if (sealed == null || !sealed.startsWith(FORMAT) && !earlier) {
            return Optional.empty();
        }
        // The earlier format was bound to "owner|place" (not length-prefixed); it still opens until sealed again.
        byte[] aad = earlier ? (ownerRef + "|" + boundTo).getBytes(StandardCharsets.UTF_8) : aad(ownerRef, boundTo);
        return keyOf(KEYS, ownerRef, false).flatMap(key -> {
            Optional<String> text = AesGcm.openText(key, sealed.substring(FORMAT.length()), aad);
            if (text.isEmpty()) {
                log.warn("A sealed value did not open where it is stored");
            }
            return text;
        });
    }

    @Override
    public int shred(String ownerRef) {
        return (int) keys.remove(Query.query(Criteria.where("_id").is(ownerRef)), KEYS).getDeletedCount();
    }

    private byte[] pepper() {
        byte[] known = pepper;
        if (known == null) {
            known = keyOf(PEPPER, PEPPER_ID, true).orElseThrow().getEncoded();
            pepper = known;
        }
        return known;
    }

    /** The key of this id, made on first use when asked to; two instances making it at once keep the first. */
    private Optional<SecretKey> keyOf(String collection, String id, boolean create) {
        Document found = keys.findById(id, Document.class, collection);
        if (found == null && create) {
            SecretKey key = AesGcm.newKey();
            WrappedKey wrapped = masterKeys.wrap(key, scope(collection, id));
            try {
                keys.insert(new Document("_id", id).append("wrapped", wrapped.wrapped())
                        .append("masterKeyId", wrapped.masterKeyId()).append("createdAt", Date.from(clock.instant())),
                        collection);
                return Optional.of(key);
            } catch (DuplicateKeyException madeMeanwhile) {
                found = keys.findById(id, Document.class, collection);
            }
        }
        // A key that does not open fails loudly (the library says why) rather than pass for a shredded one.
        return Optional.ofNullable(found).map(stored -> masterKeys.unwrap(wrapped(stored), scope(collection, id)));
    }

    /** Wraps every key of the collection that a previous master key wraps with the current one; returns how many. */
    private int rewrap(String collection) {
        int rewrapped = 0;
        for (Document stored : keys.find(Query.query(Criteria.where("masterKeyId").ne(masterKeys.current().id())),
                Document.class, collection)) {
            String id = stored.getString("_id");
            WrappedKey now = masterKeys.rewrap(wrapped(stored), scope(collection, id)).orElseThrow();
            // Only if no other instance moved it meanwhile (it would have used the same current key).
            rewrapped += (int) keys.updateFirst(Query.query(Criteria.where("_id").is(id).and("masterKeyId")
                    .is(stored.getString("masterKeyId"))), new Update().set("wrapped", now.wrapped())
                    .set("masterKeyId", now.masterKeyId()), collection).getModifiedCount();
        }
        return rewrapped;
    }

    /**
     * Earlier versions kept the keys unwrapped ({@code key}: base64 of the key). Each is wrapped in place by the
     * current master key, once; the clear copy goes in the same write.
     */
    private int wrapKeysKeptInTheClear(String collection) {
        int wrappedNow = 0;
        for (Document stored : keys.find(Query.query(Criteria.where("key").exists(true)), Document.class,
                collection)) {
            String id = stored.getString("_id");
            WrappedKey wrapped = masterKeys.wrap(AesGcm.key(Base64.getDecoder().decode(stored.getString("key"))),
                    scope(collection, id));
            wrappedNow += (int) keys.updateFirst(Query.query(Criteria.where("_id").is(id).and("key").exists(true)),
                    new Update().set("wrapped", wrapped.wrapped()).set("masterKeyId", wrapped.masterKeyId())
                            .unset("key"), collection).getModifiedCount();
        }
        return wrappedNow;
    }

    private static WrappedKey wrapped(Document stored) {
        return new WrappedKey(stored.getString("masterKeyId"), stored.getString("wrapped"));
    }

    /** What a key is bound to besides its master key's id: whose it is (a participant's, or the pepper). */
    private static String[] scope(String collection, String id) {
        return new String[] {PEPPER.equals(collection) ? "email-pepper-v1" : "participant-key-v1", id};
    }

    private static byte[] aad(String ownerRef, String boundTo) {
        return Aad.of("mentoring-value-v2", ownerRef, boundTo);
    }
}
