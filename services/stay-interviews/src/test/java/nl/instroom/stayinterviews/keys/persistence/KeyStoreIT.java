package nl.instroom.stayinterviews.keys.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.instroom.sealing.MasterKeys;
import nl.instroom.stayinterviews.keys.domain.Binding;
import nl.instroom.stayinterviews.keys.domain.FreeTextVault.MasterKeyUse;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The key store on the real store: school keys apart from the text, wrapped by the current master key and moved to
 * a new one on rotation; deleted keys stay deleted whichever of the two databases is restored from an older backup;
 * a value opens only for its school, employee, interview and field.
 */
@InstroomInfrastructure
class KeyStoreIT {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final String SCHOOL = "25EF00";
    private static final Binding NOTES = Binding.of(SCHOOL + ":T-1", "interview-1", "notes");
    private static final String A = "mk-a " + randomKey();
    private static final String B = "mk-b " + randomKey();
    private static final String C = "mk-c " + randomKey();
    private static MongoClient client;

    private MongoTemplate data;
    private MongoTemplate keyStore;

    @BeforeEach
    void databases(TestInfrastructure infrastructure) {
        synchronized (KeyStoreIT.class) {
            if (client == null) {
                client = MongoClients.create(infrastructure.mongoUri());
            }
        }
        String name = "keystore-" + DATABASES.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        data = new MongoTemplate(client, name);
        keyStore = new MongoTemplate(client, name + "-keys");
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private AesGcmVault started(String... masterKeyLines) {
        AesGcmVault vault = new AesGcmVault(data, keyStore, MasterKeys.parse(String.join("\n", masterKeyLines),
                "test"), Clock.systemUTC());
        vault.afterPropertiesSet();
        return vault;
    }

    private static Map<String, List<Document>> backup(MongoTemplate database) {
        Map<String, List<Document>> dump = new LinkedHashMap<>();
        for (String collection : database.getCollectionNames()) {
            dump.put(collection, new ArrayList<>(database.findAll(Document.class, collection)));
        }
        return dump;
    }

    /** As mongorestore --drop: each collection of the dump replaced by its dumped documents. */
    private static void restore(MongoTemplate database, Map<String, List<Document>> dump) {
        dump.forEach((collection, documents) -> {
            database.dropCollection(collection);
            if (!documents.isEmpty()) {
                database.insert(documents, collection);
            }
        });
    }

    @Test
    void aValueOpensOnlyForItsSchoolEmployeeInterviewAndField() {
        AesGcmVault vault = started(A);
        String sealed = vault.sealer(SCHOOL).seal(NOTES, "Overweegt aanbod van Windesheim");

        assertThat(sealed).startsWith("v2:").doesNotContain("Windesheim");
        assertThat(vault.opener(SCHOOL).open(NOTES, sealed)).contains("Overweegt aanbod van Windesheim");
        assertThat(vault.opener(SCHOOL).open(Binding.of(SCHOOL + ":T-2", "interview-1", "notes"), sealed))
                .as("a colleague's record").isEmpty();
        assertThat(vault.opener(SCHOOL).open(Binding.of(SCHOOL + ":T-1", "interview-2", "notes"), sealed))
                .as("another interview").isEmpty();
        assertThat(vault.opener(SCHOOL).open(Binding.of(SCHOOL + ":T-1", "interview-1", "answers.whyStay"), sealed))
                .as("another field").isEmpty();
        assertThat(vault.opener("25EF01").open(NOTES, sealed)).as("another school").isEmpty();
        assertThat(vault.sealedBeforeBinding(sealed)).isFalse();
    }

    @Test
    void schoolKeysLiveInTheKeyStoreWrappedByTheCurrentMasterKeyNeverNextToTheText() {
        started(A).sealer(SCHOOL).seal(NOTES, "tekst");

        assertThat(data.getCollectionNames()).doesNotContain(AesGcmVault.KEYS);
        Document key = keyStore.findOne(Query.query(Criteria.where("schoolCode").is(SCHOOL)), Document.class,
                AesGcmVault.KEYS);
        assertThat(key.getString("masterKeyId")).isEqualTo("mk-a");
        assertThat(Base64.getDecoder().decode(key.getString("wrappedKey"))).as("IV, 32 bytes, tag").hasSize(60);
    }

    @Test
    void rotatingTheMasterKeyWrapsEverySchoolKeyAgainAndTheOldOneCanThenGo() {
        String sealed = started(A).sealer(SCHOOL).seal(NOTES, "tekst");

        // Step 1: the new key joins as a previous key everywhere; nothing changes yet.
        assertThat(started(A, B).masterKeys()).containsExactly(new MasterKeyUse("mk-a", true, 1),
                new MasterKeyUse("mk-b", false, 0));
        // Step 2: the new key first; every school key is wrapped again at start.
        AesGcmVault rotated = started(B, A);
        assertThat(rotated.masterKeys()).containsExactly(new MasterKeyUse("mk-b", true, 1),
                new MasterKeyUse("mk-a", false, 0));
        assertThat(rotated.opener(SCHOOL).open(NOTES, sealed)).contains("tekst");
        // Step 3: the old key leaves the file.
        assertThat(started(B).opener(SCHOOL).open(NOTES, sealed)).contains("tekst");

        assertThatThrownBy(() -> started(C)).as("a file without the key that wraps them: refused, not shredded")
                .hasMessageContaining("mk-b");
        assertThat(started(B).opener(SCHOOL).open(NOTES, sealed)).contains("tekst");
    }

    @Test
    void anAdminRewrapsKeysAnotherInstanceMadeWithThePreviousKeyDuringTheRollout() {
        AesGcmVault newInstance = started(B, A);
        AesGcmVault oldInstance = started(A, B);
        String sealed = oldInstance.sealer(SCHOOL).seal(NOTES, "tekst");
        assertThat(newInstance.masterKeys()).contains(new MasterKeyUse("mk-a", false, 1));

        assertThat(newInstance.rewrap()).isEqualTo(1);

        assertThat(newInstance.masterKeys()).containsExactly(new MasterKeyUse("mk-b", true, 1),
                new MasterKeyUse("mk-a", false, 0));
        assertThat(newInstance.opener(SCHOOL).open(NOTES, sealed)).contains("tekst");
        assertThat(oldInstance.opener(SCHOOL).open(NOTES, sealed)).as("old instances know mk-b from step 1")
                .contains("tekst");
    }

    @Test
    void aKeyStoreRestoredFromBeforeADeletionLosesTheKeyAgainAtStart() {
        AesGcmVault vault = started(A);
        String sealed = vault.sealer(SCHOOL).seal(NOTES, "tekst");
        Map<String, List<Document>> keysBackup = backup(keyStore);
        assertThat(vault.shred(SCHOOL)).isEqualTo(1);

        restore(keyStore, keysBackup);
        assertThat(keyStore.count(new Query(), AesGcmVault.KEYS)).as("the restore brought the key back").isOne();
        AesGcmVault restarted = started(A);

        assertThat(keyStore.count(new Query(), AesGcmVault.KEYS)).isZero();
        assertThat(restarted.opener(SCHOOL).open(NOTES, sealed)).isEmpty();
        assertThat(keyStore.count(new Query(), AesGcmVault.SHREDDED)).as("the ledger is whole again").isOne();
    }

    @Test
    void aTextDatabaseRestoredFromBeforeADeletionFindsNoKeyAndGetsItsLedgerBack() {
        AesGcmVault vault = started(A);
        String sealed = vault.sealer(SCHOOL).seal(NOTES, "tekst");
        Map<String, List<Document>> dataBackup = backup(data);
        vault.shred(SCHOOL);
        assertThat(data.count(new Query(), AesGcmVault.SHREDDED)).isOne();

        restore(data, dataBackup);
        data.dropCollection(AesGcmVault.SHREDDED);
        AesGcmVault restarted = started(A);

        assertThat(restarted.opener(SCHOOL).open(NOTES, sealed)).isEmpty();
        assertThat(data.count(new Query(), AesGcmVault.SHREDDED)).isOne();
    }

    @Test
    void keysKeptNextToTheTextByEarlierVersionsMoveToTheKeyStoreUnlessTheyWereDeleted() throws Exception {
        byte[] schoolKey = new byte[32];
        new SecureRandom().nextBytes(schoolKey);
        String keyId = UUID.randomUUID().toString();
        MasterKeys master = MasterKeys.parse(A, "test");
        data.insert(new Document("_id", keyId).append("schoolCode", SCHOOL)
                .append("wrappedKey", legacySeal(master.current().key().getEncoded(), schoolKey, SCHOOL, keyId))
                .append("createdAt", new Date()), AesGcmVault.KEYS);
        String deletedId = UUID.randomUUID().toString();
        data.insert(new Document("_id", deletedId).append("schoolCode", "25EF09")
                .append("wrappedKey", legacySeal(master.current().key().getEncoded(), schoolKey, "25EF09", deletedId))
                .append("createdAt", new Date()), AesGcmVault.KEYS);
        data.insert(new Document("_id", deletedId).append("schoolCode", "25EF09").append("shreddedAt", new Date()),
                AesGcmVault.SHREDDED);
        String v1 = "v1:" + keyId + ":" + legacySeal(schoolKey, "Het bètateam is hecht".getBytes(
                StandardCharsets.UTF_8), SCHOOL, keyId);

        AesGcmVault vault = started(A);

        assertThat(data.count(new Query(), AesGcmVault.KEYS)).isZero();
        assertThat(keyStore.findById(keyId, Document.class, AesGcmVault.KEYS).getString("masterKeyId"))
                .isEqualTo("mk-a");
        assertThat(keyStore.findById(deletedId, Document.class, AesGcmVault.KEYS)).as("deleted before: stays so")
                .isNull();
        assertThat(vault.sealedBeforeBinding(v1)).isTrue();
        assertThat(vault.opener(SCHOOL).open(NOTES, v1)).contains("Het bètateam is hecht");
    }

    /** How the first version sealed: AES-GCM bound to "school|keyId", base64 of IV and ciphertext. */
    private static String legacySeal(byte[] key, byte[] plaintext, String school, String keyId) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD((school + "|" + keyId).getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(plaintext);
        byte[] out = new byte[iv.length + ciphertext.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(ciphertext, 0, out, iv.length, ciphertext.length);
        return Base64.getEncoder().encodeToString(out);
    }
}
