package nl.instroom.stayinterviews.keys.persistence;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.instroom.stayinterviews.keys.domain.Binding;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault;
import nl.instroom.stayinterviews.keys.persistence.MasterKeys.MasterKey;
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
 * AES-256-GCM (JDK {@code javax.crypto}) with a random 96-bit IV per value, under a data key per school.
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
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MongoTemplate data;
    private final MongoTemplate keyStore;
    private final MongoClient ownClient;
    private final MasterKeys masterKeys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    AesGcmVault(MongoTemplate data, MongoClient client, Clock clock,
            @Value("${instroom.stay.master-key-file:}") String masterKeyFile,
            @Value("${instroom.stay.keys.uri:}") String keysUri,
            @Value("${instroom.stay.keys.database:}") String keysDatabase) {
        this.data = data;
        this.clock = clock;
        this.masterKeys = MasterKeys.read(masterKeyFile);
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
        Set<String> configured = new LinkedHashSet<>();
        masterKeys.all().forEach(key -> configured.add(key.id()));
        List<String> unknown = keyStore.findDistinct(Query.query(Criteria.where("masterKeyId").exists(true)),
                "masterKeyId", KEYS, String.class).stream().filter(id -> !configured.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("School keys are wrapped by master key(s) " + unknown + ", which the "
                    + "master key file does not hold: add them back as previous keys (docs/stay-interviews.md)");
        }
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
            byte[] sealed = encrypt(key[0].key(), plaintext.getBytes(StandardCharsets.UTF_8),
                    valueAad(schoolCode, key[0].id(), binding));
            return V2 + key[0].id() + ":" + Base64.getEncoder().encodeToString(sealed);
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
                try {
                    return Optional.of(new String(decrypt(key, Base64.getDecoder().decode(parts[2]), aad),
                            StandardCharsets.UTF_8));
                } catch (GeneralSecurityException | IllegalArgumentException tampered) {
                    log.warn("A sealed value of school {} did not open with key {} where it is stored", schoolCode,
                            parts[1]);
                    return Optional.empty();
                }
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
            String wrapped = wrap(current, schoolCode, id, unwrap(stored));
            // Only if no other instance moved it meanwhile (it would have used the same current key).
            Criteria unchanged = Criteria.where("_id").is(id).and("masterKeyId");
            unchanged = previous == null ? unchanged.exists(false) : unchanged.is(previous);
            rewrapped += (int) keyStore.updateFirst(Query.query(unchanged),
                    new Update().set("wrappedKey", wrapped).set("masterKeyId", current.id()), KEYS)
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
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            SecretKey key = generator.generateKey();
            String id = UUID.randomUUID().toString();
            MasterKey master = masterKeys.current();
            keyStore.insert(new Document("_id", id).append("schoolCode", schoolCode)
                    .append("wrappedKey", wrap(master, schoolCode, id, key)).append("masterKeyId", master.id())
                    .append("createdAt", Date.from(clock.instant())), KEYS);
            return new KeyRecord(id, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("No AES key could be made", e);
        }
    }

    private Optional<SecretKey> key(String schoolCode, String keyId) {
        Document stored = keyStore.findOne(Query.query(Criteria.where("_id").is(keyId).and("schoolCode")
                .is(schoolCode)), Document.class, KEYS);
        return Optional.ofNullable(stored).map(this::unwrap);
    }

    private String wrap(MasterKey master, String schoolCode, String keyId, SecretKey key) {
        return Base64.getEncoder().encodeToString(encrypt(master.key(), key.getEncoded(),
                keyAad(schoolCode, keyId, master.id())));
    }

    /** Fails loudly rather than treating a key it cannot open as deleted. */
    private SecretKey unwrap(Document stored) {
        String id = stored.getString("_id");
        String schoolCode = stored.getString("schoolCode");
        byte[] wrapped = Base64.getDecoder().decode(stored.getString("wrappedKey"));
        String masterKeyId = stored.getString("masterKeyId");
        if (masterKeyId == null) {
            // Wrapped before keys had ids: bound to school and key id only, by whichever key was configured then.
            for (MasterKey master : masterKeys.all()) {
                try {
                    return new SecretKeySpec(decrypt(master.key(), wrapped, legacyValueAad(schoolCode, id)), "AES");
                } catch (GeneralSecurityException notThisOne) {
                    // try the next
                }
            }
            throw new IllegalStateException("School key " + id + " (wrapped before master keys had ids) opens with "
                    + "none of the configured master keys");
        }
        MasterKey master = masterKeys.byId(masterKeyId).orElseThrow(() -> new IllegalStateException("School key "
                + id + " is wrapped by master key " + masterKeyId + ", which is not configured"));
        try {
            return new SecretKeySpec(decrypt(master.key(), wrapped, keyAad(schoolCode, id, masterKeyId)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("School key " + id + " does not open with master key " + masterKeyId, e);
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

    private static Query idsOf(Criteria criteria) {
        Query query = Query.query(criteria);
        query.fields().include("_id");
        return query;
    }

    /** What a value is bound to: format, school, key, employee, interview, field — each length-prefixed. */
    static byte[] valueAad(String schoolCode, String keyId, Binding binding) {
        return lengthPrefixed("value-v2", schoolCode, keyId, binding.staffId(), binding.interviewId(),
                binding.field());
    }

    /** What a school key is bound to: its school, its id and the master key wrapping it. */
    static byte[] keyAad(String schoolCode, String keyId, String masterKeyId) {
        return lengthPrefixed("school-key-v2", schoolCode, keyId, masterKeyId);
    }

    /** The first format's binding (of values and of school keys alike): school and key id only. */
    private static byte[] legacyValueAad(String schoolCode, String keyId) {
        return (schoolCode + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** Each part preceded by its length, so no choice of parts can make two different bindings equal. */
    private static byte[] lengthPrefixed(String... parts) {
        List<byte[]> encoded = new ArrayList<>();
        int size = 0;
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            encoded.add(bytes);
            size += 4 + bytes.length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        encoded.forEach(bytes -> buffer.putInt(bytes.length).put(bytes));
        return buffer.array();
    }
}
