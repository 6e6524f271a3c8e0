package nl.instroom.careeradvice.cases.persistence;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import nl.instroom.careeradvice.AdviceSettings;
import nl.instroom.chassis.privacy.ErasureLedger;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;
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
 * Career-advice's use of the platform's sealing ({@code nl.instroom.sealing}, the algorithm stay-interviews and
 * mentoring use too): the data key is the <em>case's</em>. A case's name, e-mail address, questions and contact
 * summaries are sealed under it, each bound to the case and the field, so a value opens nowhere else.
 *
 * <p><b>Where keys live.</b> Case keys are kept in a key database of their own ({@code instroom.advice.keys.database},
 * by default the service's database name with {@code -keys}), never in the database of the data they protect, and
 * each only wrapped by the current master key of the mounted file ({@code instroom.advice.master-key-file}), recording
 * that master key's id. At start every case key is wrapped again by the current master key (rotation), and a key
 * wrapped by a master key the file lacks stops the start.
 *
 * <p><b>Erasure survives a restore.</b> Erasing a case deletes its key with its document (crypto-shredding). The
 * two databases are backed up and restored apart (docs/operations.md): a restored data database holds sealed values
 * whose key is gone; a restored key database brings an erased case's key back only until the next start, which
 * deletes every key whose case the erasure ledger of the data database names — the same "each database is the
 * other's memory" as stay-interviews' ledger of deleted keys.
 *
 * <p>Sealed format: {@code v2:<base64(iv || ciphertext+tag)>}.
 */
@Component
class CaseVault implements InitializingBean {

    static final String KEYS = "case_keys";
    private static final Logger log = LoggerFactory.getLogger(CaseVault.class);
    private static final String FORMAT = "v2:";

    private final MongoTemplate keys;
    private final MasterKeys masterKeys;
    private final ErasureLedger ledger;
    private final Clock clock;

    CaseVault(MongoClient client, MongoTemplate data, AdviceSettings settings, ErasureLedger ledger, Clock clock,
            @Value("${instroom.advice.keys.database:}") String keysDatabase) {
        this.masterKeys = MasterKeys.read(settings.masterKeyFile(),
                "ADVICE_MASTER_KEY_FILE (instroom.advice.master-key-file)");
        String database = keysDatabase == null || keysDatabase.isBlank() ? data.getDb().getName() + "-keys"
                : keysDatabase.trim();
        if (database.equals(data.getDb().getName())) {
            throw new IllegalStateException("instroom.advice.keys.database must not be the database of the data "
                    + "it protects (" + database + ")");
        }
        this.keys = new MongoTemplate(client, database);
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Before the service serves anyone: keys of erased cases a restored key database brought back go again, a key
     * wrapped by an unknown master key stops the start, and every key is wrapped by the current master key.
     */
    @Override
    public void afterPropertiesSet() {
        List<String> ids = keys.findAll(Document.class, KEYS).stream().map(key -> key.getString("_id")).toList();
        List<String> erased = ledger.erasedAmong(ids.stream()
                .map(id -> List.of(new PersonRef(SubjectKind.EXTERNAL, id))).toList()).stream().map(ids::get).toList();
        if (!erased.isEmpty()) {
            keys.remove(Query.query(Criteria.where("_id").in(erased)), KEYS);
            log.warn("Deleted {} case key(s) again whose case was erased (a restored key database)", erased.size());
        }
        masterKeys.requireAll(keys.findDistinct(new Query(), "masterKeyId", KEYS, String.class), "Case keys are");
        int rewrapped = 0;
        for (Document stored : keys.find(Query.query(Criteria.where("masterKeyId").ne(masterKeys.current().id())),
                Document.class, KEYS)) {
            String id = stored.getString("_id");
            WrappedKey now = masterKeys.rewrap(wrapped(stored), scope(id)).orElseThrow();
            // Only if no other instance moved it meanwhile (it would have used the same current key).
            rewrapped += (int) keys.updateFirst(Query.query(Criteria.where("_id").is(id).and("masterKeyId")
                    .is(stored.getString("masterKeyId"))), new Update().set("wrapped", now.wrapped())
                    .set("masterKeyId", now.masterKeyId()), KEYS).getModifiedCount();
        }
        if (rewrapped > 0) {
            log.info("Wrapped {} case key(s) with the current master key {}", rewrapped, masterKeys.current().id());
        }
    }

    /** Seals a field of a case under the case's key (made on first use); null stays null. */
    String seal(String caseId, String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        SecretKey key = keyOf(caseId, true).orElseThrow();
        return FORMAT + AesGcm.sealText(key, plaintext, aad(caseId, field));
    }

    /** The text of a sealed field, or empty when the case's key is gone or the value belongs elsewhere. */
    Optional<String> open(String caseId, String field, String sealed) {
        if (sealed == null || !sealed.startsWith(FORMAT)) {
            return Optional.empty();
        }
        return keyOf(caseId, false).flatMap(key -> AesGcm.openText(key, sealed.substring(FORMAT.length()),
                aad(caseId, field)));
    }

    /** Deletes the case's key: everything sealed under it is unreadable from now on. */
    boolean shred(String caseId) {
        return keys.remove(Query.query(Criteria.where("_id").is(caseId)), KEYS).getDeletedCount() > 0;
    }

    private Optional<SecretKey> keyOf(String caseId, boolean create) {
        Document stored = keys.findById(caseId, Document.class, KEYS);
        if (stored == null && create) {
            WrappedKey wrapped = masterKeys.wrap(AesGcm.newKey(), scope(caseId));
            try {
                keys.insert(new Document("_id", caseId).append("wrapped", wrapped.wrapped())
                        .append("masterKeyId", wrapped.masterKeyId()).append("createdAt", Date.from(clock.instant())),
                        KEYS);
            } catch (DuplicateKeyException madeMeanwhile) {
                // another request made the case's key first: use that one
            }
            stored = keys.findById(caseId, Document.class, KEYS);
        }
        // A key that does not open fails loudly (the library says why) rather than pass for a shredded one.
        return Optional.ofNullable(stored).map(found -> masterKeys.unwrap(wrapped(found), scope(caseId)));
    }

    private static WrappedKey wrapped(Document stored) {
        return new WrappedKey(stored.getString("masterKeyId"), stored.getString("wrapped"));
    }

    /** What a case key is bound to besides its master key's id: the case. */
    private static String[] scope(String caseId) {
        return new String[] {"case-key-v2", caseId};
    }

    private static byte[] aad(String caseId, String field) {
        return Aad.of("case-value-v2", caseId, field);
    }
}
