package nl.instroom.stayinterviews.keys.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.crypto.SecretKey;
import nl.instroom.sealing.Aad;
import nl.instroom.sealing.AesGcm;
import nl.instroom.sealing.MasterKeys;
import nl.instroom.sealing.MasterKeys.MasterKey;
import nl.instroom.sealing.WrappedKey;
import nl.instroom.stayinterviews.keys.domain.Binding;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stay-interviews' use of the platform's sealing ({@code nl.instroom.sealing}: AES-256-GCM, a random 96-bit IV per
 * value, data keys wrapped by master keys from a mounted file): the data key is the <em>school's</em>, and this class
 * keeps the wrapped school keys, the ledger of deleted ones and the rotation of their master keys.
 *
 * <p><b>Where keys live.</b> School keys are kept in a <em>key store</em> — a database of their own
 * ({@code instroom.stay.keys.database}, by default the service's database name with {@code -keys}, optionally on
 * another deployment, {@code instroom.stay.keys.uri}) — never in the database of the text they protect, and each is
 * stored only wrapped (AES-GCM) by a master key read from a mounted file ({@link MasterKeys}). The two databases are
 * backed up and restored apart (docs/operations.md), so restoring the text brings back no deleted key.
 *
 * <p><b>Deleting a key</b> (crypto-shredding) writes its id to a ledger in <em>both</em> databases
 * ({@code shredded_keys}) before the key goes. At every start the two ledgers are merged and every key either names
 * is deleted again: a key store restored from a backup made before the deletion loses the key once more (the text
 * database remembers it), and a text database restored from before the deletion finds no key (the key store never
 * had it back). Only restoring both from before a deletion would bring text back, which the procedure forbids.
 *
 * <p><b>Binding.</b> A value is authenticated together with its school, key id, employee, interview and field
 * ({@link Binding}), so it opens only where it was stored. A school key is authenticated together with its school,
 * its id and the id of the master key that wraps it; every stored school key records that id, so master keys can be
 * rotated: the current key (first in the file) wraps, previous ones only unwrap, and at start (or on an admin's
 * request) every school key wrapped by a previous master key is wrapped again by the current one.
 *
 * <p>Sealed format: {@code v2:<keyId>:<base64(iv || ciphertext+tag)>}. Values of the first format ({@code v1:}, bound
 * to the school only) still open and are sealed again at start ({@code LegacySealing} of the staff store).
 */
@Component
class AesGcmVault implements FreeTextVault, InitializingBean, DisposableBean {

    static final String KEYS = "school_keys";
    /** The ledger of deleted key ids, in the key store and in the text's database alike. */
    static final String SHREDDED = "shredded_keys";

    private static final Logger log = LoggerFactory.getLogger(AesGcmVault.class);
    private static final String V1 = "v1:";
    private static final String V2 = "v2:";

    private final MongoTemplate data;
    private final MongoTemplate keyStore;
    private final MongoClient ownClient;
    private final MasterKeys masterKeys;
    private final Clock clock;

    @Autowired
    AesGcmVault(MongoTemplate data, MongoClient client, Clock clock,
            @Value("${instroom.stay.master-key-file:}") String masterKeyFile,
            @Value("${instroom.stay.keys.uri:}") String keysUri,
            @Value("${instroom.stay.keys.database:}") String keysDatabase) {
        this.data = data;
        this.clock = clock;
        this.masterKeys = MasterKeys.read(masterKeyFile, "STAY_MASTER_KEY_FILE (instroom.stay.master-key-file)");
        String database = keysDatabase == null || keysDatabase.isBlank() ? data.getDb().getName() + "-keys"
                : keysDatabase.trim();
        if (database.equals(data.getDb().getName())) {
            throw new IllegalStateException("instroom.stay.keys.database must not be the database of the text "
                    + "it protects (" + database + ")");
        }
        if (keysUri == null || keysUri.isBlank()) {
            this.ownClient = null;
            this.keyStore = new MongoTemplate(client, database);
        } else {
            this.ownClient = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(keysUri))
                    .writeConcern(WriteConcern.MAJORITY.withJournal(true)).build());
            this.keyStore = new MongoTemplate(ownClient, database);
        }
    }

    /** For tests: the two databases and the master keys given. */
    AesGcmVault(MongoTemplate data, MongoTemplate keyStore, MasterKeys masterKeys, Clock clock) {
        this.data = data;
        this.keyStore = keyStore;
        this.ownClient = null;
        this.masterKeys = masterKeys;
        this.clock = clock;
    }

    /**
     * Before the service serves anyone: key deletions are applied again (after any restore), school keys an
     * earlier version kept next to the text move to the key store, and every school key is wrapped by the current
     * master key. A school key no configured master key opens stops the start: running on would look like
     * shredding that was never asked for.
     */
    @Override
    public void afterPropertiesSet() {
        Set<String> shredded = mergeLedgers();
        moveKeysOutOfTheTextDatabase(shredded);
        long deleted = keyStore.remove(Query.query(Criteria.where("_id").in(shredded)), KEYS).getDeletedCount();
        if (deleted > 0) {
            log.warn("Deleted {} school key(s) again that the ledger records as shredded (a restored key store)",
                    deleted);
        }
        masterKeys.requireAll(keyStore.findDistinct(Query.query(Criteria.where("masterKeyId").exists(true)),
                "masterKeyId", KEYS, String.class), "School keys are");
        int rewrapped = rewrap();
        if (rewrapped > 0) {
            log.info("Wrapped {} school key(s) with the current master key {}", rewrapped,
                    masterKeys.current().id());
        }
    }

    @Override
    public void destroy() {
        if (ownClient != null) {
            ownClient.close();
        }
    }

    @Override
    public Sealer sealer(String schoolCode) {
        KeyRecord[] key = new KeyRecord[1];
        return (binding, plaintext) -> {
            if (plaintext == null) {
                return null;
            }
            if (key[0] == null) {
                key[0] = currentKey(schoolCode);
            }
            return V2 + key[0].id() + ":" + AesGcm.sealText(key[0].key(), plaintext,
                    valueAad(schoolCode, key[0].id(), binding));
        };
    }

    @Override
    public Opener opener(String schoolCode) {
        Map<String, Optional<SecretKey>> keys = new HashMap<>();
        return (binding, sealed) -> {
            if (sealed == null) {
                return Optional.empty();
            }
            boolean legacy = sealed.startsWith(V1);
            if (!legacy && !sealed.startsWith(V2)) {
                return Optional.empty();
            }
            String[] parts = sealed.split(":", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            byte[] aad = legacy ? legacyValueAad(schoolCode, parts[1]) : valueAad(schoolCode, parts[1], binding);
            return keys.computeIfAbsent(parts[1], id -> key(schoolCode, id)).flatMap(key -> {
                Optional<String> text = AesGcm.openText(key, parts[2], aad);
                if (text.isEmpty()) {
                    log.warn("A sealed value of school {} did not open with key {} where it is stored", schoolCode,
                            parts[1]);
                }
                return text;
            });
        };
    }

    @Override
    public boolean sealedBeforeBinding(String sealed) {
        return sealed != null && sealed.startsWith(V1);
    }

    @Override
    public int shred(String schoolCode) {
        List<String> ids = keyStore.find(idsOf(Criteria.where("schoolCode").is(schoolCode)), Document.class, KEYS)
                .stream().map(key -> key.getString("_id")).toList();
        Date at = Date.from(clock.instant());
        // The ledger first, in both places: a crash after it leaves a key the next start deletes.
        for (String id : ids) {
            Document entry = new Document("_id", id).append("schoolCode", schoolCode).append("shreddedAt", at);
            record(data, entry);
            record(keyStore, entry);
        }
        return (int) keyStore.remove(Query.query(Criteria.where("_id").in(ids)), KEYS).getDeletedCount();
    }

    @Override
    public List<MasterKeyUse> masterKeys() {
        List<MasterKeyUse> uses = new ArrayList<>();
        for (MasterKey key : masterKeys.all()) {
            uses.add(new MasterKeyUse(key.id(), key == masterKeys.current(),
                    keyStore.count(Query.query(Criteria.where("masterKeyId").is(key.id())), KEYS)));
        }
        return uses;
    }

    @Override
    public int rewrap() {
        MasterKey current = masterKeys.current();
        int rewrapped = 0;
        for (Document stored : keyStore.find(Query.query(Criteria.where("masterKeyId").ne(current.id())),
                Document.class, KEYS)) {
            String id = stored.getString("_id");
            String schoolCode = stored.getString("schoolCode");
            String previous = stored.getString("masterKeyId");
            WrappedKey wrapped = masterKeys.wrap(unwrap(stored), keyScope(schoolCode, id));
            // Only if no other instance moved it meanwhile (it would have used the same current key).
            Criteria unchanged = Criteria.where("_id").is(id).and("masterKeyId");
            unchanged = previous == null ? unchanged.exists(false) : unchanged.is(previous);
            rewrapped += (int) keyStore.updateFirst(Query.query(unchanged),
                    new Update().set("wrappedKey", wrapped.wrapped()).set("masterKeyId", wrapped.masterKeyId()), KEYS)
                    .getModifiedCount();
        }
        return rewrapped;
    }

    private record KeyRecord(String id, SecretKey key) {
    }

    /** Both ledgers made whole from each other; returns every key id either records. */
    private Set<String> mergeLedgers() {
        Map<String, Document> inData = ledger(data);
        Map<String, Document> inKeyStore = ledger(keyStore);
        inData.forEach((id, entry) -> {
            if (!inKeyStore.containsKey(id)) {
                record(keyStore, entry);
            }
        });
        inKeyStore.forEach((id, entry) -> {
            if (!inData.containsKey(id)) {
                record(data, entry);
            }
        });
        Set<String> all = new LinkedHashSet<>(inData.keySet());
        all.addAll(inKeyStore.keySet());
        return all;
    }

    private static Map<String, Document> ledger(MongoTemplate database) {
        Map<String, Document> entries = new HashMap<>();
        database.findAll(Document.class, SHREDDED).forEach(entry -> entries.put(entry.getString("_id"), entry));
        return entries;
    }

    private static void record(MongoTemplate database, Document entry) {
        try {
            database.insert(new Document(entry), SHREDDED);
        } catch (DuplicateKeyException recordedBefore) {
            // the other instance, or an earlier attempt, recorded it
        }
    }

    /**
     * Earlier versions kept the school keys in the text's own database. They move to the key store once — except
     * those the ledger records as deleted, which a restored old backup of the text database would otherwise bring
     * back — and leave the text's database in any case.
     */
    private void moveKeysOutOfTheTextDatabase(Set<String> shredded) {
        List<Document> old = data.findAll(Document.class, KEYS);
        for (Document key : old) {
            if (!shredded.contains(key.getString("_id"))) {
                try {
                    keyStore.insert(new Document(key), KEYS);
                } catch (DuplicateKeyException movedBefore) {
                    // an interrupted earlier start moved it already
                }
            }
        }
        if (!old.isEmpty()) {
            data.remove(new Query(), KEYS);
            log.info("Moved {} school key(s) out of the text's database into the key store", old.size());
        }
    }

    private KeyRecord currentKey(String schoolCode) {
        Document stored = keyStore.findOne(Query.query(Criteria.where("schoolCode").is(schoolCode))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1), Document.class, KEYS);
        if (stored != null) {
            return new KeyRecord(stored.getString("_id"), unwrap(stored));
        }
        // Two first uses at once may each make a key; both stay valid, as every value names its key.
        SecretKey key = AesGcm.newKey();
        String id = UUID.randomUUID().toString();
        WrappedKey wrapped = masterKeys.wrap(key, keyScope(schoolCode, id));
        keyStore.insert(new Document("_id", id).append("schoolCode", schoolCode)
                .append("wrappedKey", wrapped.wrapped()).append("masterKeyId", wrapped.masterKeyId())
                .append("createdAt", Date.from(clock.instant())), KEYS);
        return new KeyRecord(id, key);
    }

    private Optional<SecretKey> key(String schoolCode, String keyId) {
        Document stored = keyStore.findOne(Query.query(Criteria.where("_id").is(keyId).and("schoolCode")
                .is(schoolCode)), Document.class, KEYS);
        return Optional.ofNullable(stored).map(this::unwrap);
    }

    /** Fails loudly rather than treating a key it cannot open as deleted. */
    private SecretKey unwrap(Document stored) {
        String id = stored.getString("_id");
        String schoolCode = stored.getString("schoolCode");
        String masterKeyId = stored.getString("masterKeyId");
        if (masterKeyId != null) {
            return masterKeys.unwrap(new WrappedKey(masterKeyId, stored.getString("wrappedKey")),
                    keyScope(schoolCode, id));
        }
        // Wrapped before keys had ids: bound to school and key id only, by whichever key was configured then.
        byte[] wrapped = Base64.getDecoder().decode(stored.getString("wrappedKey"));
        for (MasterKey master : masterKeys.all()) {
            try {
                return AesGcm.key(AesGcm.open(master.key(), wrapped, legacyValueAad(schoolCode, id)));
            } catch (GeneralSecurityException notThisOne) {
                // try the next
            }
        }
        throw new IllegalStateException("School key " + id + " (wrapped before master keys had ids) opens with "
                + "none of the configured master keys");
    }

    private static Query idsOf(Criteria criteria) {
        Query query = Query.query(criteria);
        query.fields().include("_id");
        return query;
    }

    /** What a value is bound to: format, school, key, employee, interview, field — each length-prefixed. */
    static byte[] valueAad(String schoolCode, String keyId, Binding binding) {
        return Aad.of("value-v2", schoolCode, keyId, binding.staffId(), binding.interviewId(),
                binding.field());
    }

    /**
     * What a school key is bound to besides the id of the master key wrapping it (which the sealing library adds):
     * its school and its id.
     */
    static String[] keyScope(String schoolCode, String keyId) {
        return new String[] {"school-key-v2", schoolCode, keyId};
    }

    /** The first format's binding (of values and of school keys alike): school and key id only. */
    private static byte[] legacyValueAad(String schoolCode, String keyId) {
        return (schoolCode + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
