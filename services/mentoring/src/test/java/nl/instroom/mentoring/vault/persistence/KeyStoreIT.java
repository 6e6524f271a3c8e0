package nl.instroom.mentoring.vault.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.instroom.chassis.privacy.ErasureLedger;
import nl.instroom.chassis.privacy.StoreDigests;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.sealing.UnknownMasterKeyException;
import nl.instroom.testing.InstroomInfrastructure;
import nl.instroom.testing.TestInfrastructure;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Mentoring's choices around the platform's sealing, on the real store: participant keys and the e-mail pepper live
 * only wrapped by a master key (the gap the service had), apart from the data; keys an earlier version kept in the
 * clear are wrapped at start and their text still opens; rotation, a missing master key, and an erased participant's
 * key after a restore of the key database. (The algorithm itself is tested in platform/sealing.)
 */
@InstroomInfrastructure
class KeyStoreIT {

    private static final String A = "mk-a " + randomKey();
    private static final String B = "mk-b " + randomKey();
    private static MongoClient client;

    @TempDir
    Path folder;

    private MongoTemplate data;
    private MongoTemplate keys;
    private ErasureLedger ledger;

    @BeforeEach
    void databases(TestInfrastructure infrastructure) {
        synchronized (KeyStoreIT.class) {
            if (client == null) {
                client = MongoClients.create(infrastructure.mongoUri());
            }
        }
        String name = "mentoringvault-" + UUID.randomUUID().toString().substring(0, 8);
        data = new MongoTemplate(client, name);
        keys = new MongoTemplate(client, name + "-keys");
        ledger = new ErasureLedger(data, new StoreDigests(data));
    }

    private KeyStore started(String... masterKeyLines) throws IOException {
        Path file = Files.writeString(Files.createTempFile(folder, "master-keys", ""),
                String.join("\n", masterKeyLines));
        KeyStore store = new KeyStore(client, data, ledger, Clock.systemUTC(), file.toString(), "");
        store.afterPropertiesSet();
        return store;
    }

    @Test
    void participantKeysAndThePepperAreKeptOnlyWrappedAndApartFromTheData() throws IOException {
        KeyStore store = started(A);

        String sealed = store.seal("P-1", "pair-1/leader/feedback", "Goede gesprekken");
        String fingerprint = store.of(" Anna@Example.nl ");

        assertThat(sealed).startsWith("m2:").doesNotContain("Goede");
        assertThat(store.open("P-1", "pair-1/leader/feedback", sealed)).contains("Goede gesprekken");
        assertThat(store.open("P-1", "pair-2/leader/feedback", sealed)).as("another place").isEmpty();
        assertThat(started(A).of("anna@example.nl")).as("the same pepper after a restart").isEqualTo(fingerprint);
        assertThat(data.getCollectionNames()).doesNotContain(KeyStore.KEYS, KeyStore.PEPPER);
        for (String collection : new String[] {KeyStore.KEYS, KeyStore.PEPPER}) {
            Document key = keys.findAll(Document.class, collection).get(0);
            assertThat(key.getString("masterKeyId")).isEqualTo("mk-a");
            assertThat(key.keySet()).as("no key in the clear").doesNotContain("key");
        }
    }

    @Test
    void keysAnEarlierVersionKeptInTheClearAreWrappedAtStartAndTheirTextStillOpens() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        keys.insert(new Document("_id", "P-2").append("key", Base64.getEncoder().encodeToString(key)), KeyStore.KEYS);
        String earlier = "m1:" + earlierSeal(key, "Oude feedback", "P-2|pair-1/executive/feedback");

        KeyStore store = started(A);

        Document stored = keys.findById("P-2", Document.class, KeyStore.KEYS);
        assertThat(stored.keySet()).doesNotContain("key");
        assertThat(stored.getString("masterKeyId")).isEqualTo("mk-a");
        assertThat(store.open("P-2", "pair-1/executive/feedback", earlier)).contains("Oude feedback");
    }

    @Test
    void aNewMasterKeyWrapsEveryKeyAtStartAndAMissingOneStopsTheStart() throws IOException {
        KeyStore first = started(A);
        String sealed = first.seal("P-1", "goal", "Leren delegeren");
        String fingerprint = first.of("anna@example.nl");

        started(B, A);

        assertThat(keys.findAll(Document.class, KeyStore.KEYS)).extracting(d -> d.getString("masterKeyId"))
                .containsOnly("mk-b");
        KeyStore rotated = started(B);
        assertThat(rotated.open("P-1", "goal", sealed)).as("the old master key may go").contains("Leren delegeren");
        assertThat(rotated.of("anna@example.nl")).isEqualTo(fingerprint);
        assertThatThrownBy(() -> started(A)).isInstanceOf(UnknownMasterKeyException.class)
                .hasMessageContaining("mk-b");
        assertThatThrownBy(() -> new KeyStore(client, data, ledger, Clock.systemUTC(), "", ""))
                .hasMessageContaining("MENTORING_MASTER_KEY_FILE");
    }

    @Test
    void aKeyDatabaseRestoredFromBeforeAnErasureLosesTheErasedParticipantsKeyAgainAtStart() throws IOException {
        KeyStore store = started(A);
        String sealed = store.seal("P-erased", "goal", "Leren delegeren");
        store.seal("P-kept", "goal", "Meer rust");
        Document backup = keys.findById("P-erased", Document.class, KeyStore.KEYS);
        ledger.record(SubjectKind.EXTERNAL, "P-erased");
        assertThat(store.shred("P-erased")).isOne();
        keys.insert(backup, KeyStore.KEYS);

        KeyStore restarted = started(A);

        assertThat(keys.findById("P-erased", Document.class, KeyStore.KEYS)).isNull();
        assertThat(restarted.open("P-erased", "goal", sealed)).isEmpty();
        assertThat(keys.findById("P-kept", Document.class, KeyStore.KEYS)).isNotNull();
    }

    /** How the earlier version sealed: AES-GCM bound to "owner|place", base64 of IV and ciphertext. */
    private static String earlierSeal(byte[] key, String text, String boundTo) throws Exception {
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[iv.length + ciphertext.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(ciphertext, 0, out, iv.length, ciphertext.length);
        return Base64.getEncoder().encodeToString(out);
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
