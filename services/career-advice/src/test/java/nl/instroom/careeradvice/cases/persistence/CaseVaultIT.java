package nl.instroom.careeradvice.cases.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import nl.instroom.careeradvice.AdviceSettings;
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
 * Career-advice's choices around the platform's sealing, on the real store: case keys apart from the cases, wrapped
 * by the current master key and moved to a new one at start; an erased case's key stays gone after its key database
 * is restored from before the erasure. (The algorithm itself is tested in platform/sealing.)
 */
@InstroomInfrastructure
class CaseVaultIT {

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
        synchronized (CaseVaultIT.class) {
            if (client == null) {
                client = MongoClients.create(infrastructure.mongoUri());
            }
        }
        String name = "casevault-" + UUID.randomUUID().toString().substring(0, 8);
        data = new MongoTemplate(client, name);
        keys = new MongoTemplate(client, name + "-keys");
        ledger = new ErasureLedger(data, new StoreDigests(data));
    }

    private CaseVault started(String... masterKeyLines) throws IOException {
        Path file = Files.writeString(Files.createTempFile(folder, "master-keys", ""),
                String.join("\n", masterKeyLines));
        CaseVault vault = new CaseVault(client, data, new AdviceSettings(file.toString(), null), ledger,
                Clock.systemUTC(), "");
        vault.afterPropertiesSet();
        return vault;
    }

    @Test
    void caseKeysLiveWrappedInTheKeyDatabaseAndAValueOpensOnlyForItsCaseAndField() throws IOException {
        CaseVault vault = started(A);

        String sealed = vault.seal("case-1", "name", "Ingrid Hoekstra");

        assertThat(sealed).startsWith("v2:").doesNotContain("Ingrid");
        assertThat(data.getCollectionNames()).doesNotContain(CaseVault.KEYS);
        Document key = keys.findById("case-1", Document.class, CaseVault.KEYS);
        assertThat(key.getString("masterKeyId")).isEqualTo("mk-a");
        assertThat(key.keySet()).as("only wrapped").doesNotContain("key");
        assertThat(vault.open("case-1", "name", sealed)).contains("Ingrid Hoekstra");
        assertThat(vault.open("case-1", "email", sealed)).as("another field").isEmpty();
        vault.seal("case-2", "name", "iemand anders");
        assertThat(vault.open("case-2", "name", sealed)).as("another case").isEmpty();
    }

    @Test
    void aNewMasterKeyWrapsEveryCaseKeyAtStartAndAMissingOneStopsTheStart() throws IOException {
        String sealed = started(A).seal("case-1", "question", "Kan ik zij-instromen?");

        CaseVault rotated = started(B, A);

        assertThat(keys.findById("case-1", Document.class, CaseVault.KEYS).getString("masterKeyId"))
                .isEqualTo("mk-b");
        assertThat(rotated.open("case-1", "question", sealed)).contains("Kan ik zij-instromen?");
        assertThat(started(B).open("case-1", "question", sealed)).as("the old master key may go")
                .contains("Kan ik zij-instromen?");
        assertThatThrownBy(() -> started(A)).isInstanceOf(UnknownMasterKeyException.class)
                .hasMessageContaining("mk-b");
        assertThatThrownBy(() -> started("# nothing")).hasMessageContaining("no master key");
    }

    @Test
    void aKeyDatabaseRestoredFromBeforeAnErasureLosesTheErasedCasesKeyAgainAtStart() throws IOException {
        CaseVault vault = started(A);
        String sealed = vault.seal("case-erased", "name", "Ingrid Hoekstra");
        vault.seal("case-kept", "name", "Piet");
        Document backup = keys.findById("case-erased", Document.class, CaseVault.KEYS);
        ledger.record(SubjectKind.EXTERNAL, "case-erased");
        assertThat(vault.shred("case-erased")).isTrue();
        keys.insert(backup, CaseVault.KEYS);

        CaseVault restarted = started(A);

        assertThat(keys.findById("case-erased", Document.class, CaseVault.KEYS)).isNull();
        assertThat(restarted.open("case-erased", "name", sealed)).isEmpty();
        assertThat(keys.findById("case-kept", Document.class, CaseVault.KEYS)).isNotNull();
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
