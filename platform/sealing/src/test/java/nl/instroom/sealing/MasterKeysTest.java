package nl.instroom.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master key file: the current key first, previous ones after; nothing built in, nothing trivial. */
class MasterKeysTest {

    static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void theFirstKeyWrapsAndTheOthersOnlyUnwrap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("master-keys");
        Files.writeString(file, "# rotated 2026-05\nmk-2026-05 " + randomKey() + "\n\nmk-2025-01   " + randomKey()
                + "\n");

        MasterKeys keys = MasterKeys.read(file.toString(), "TEST_MASTER_KEY_FILE");

        assertThat(keys.current().id()).isEqualTo("mk-2026-05");
        assertThat(keys.all()).extracting(MasterKeys.MasterKey::id).containsExactly("mk-2026-05", "mk-2025-01");
        assertThat(keys.byId("mk-2025-01")).isPresent();
        assertThat(keys.byId("mk-unknown")).isEmpty();
        assertThat(MasterKeys.read("file:" + file, "X").current().id()).as("as a Spring resource names a file")
                .isEqualTo("mk-2026-05");
        assertThat(keys.current().toString()).as("no key material in logs").doesNotContain(
                Base64.getEncoder().encodeToString(keys.current().key().getEncoded()));
    }

    @Test
    void withoutAFileTheServiceDoesNotStart(@TempDir Path dir) {
        assertThatThrownBy(() -> MasterKeys.read("", "STAY_MASTER_KEY_FILE"))
                .hasMessageContaining("STAY_MASTER_KEY_FILE").hasMessageContaining("does not start");
        assertThatThrownBy(() -> MasterKeys.read(null, "ADVICE_MASTER_KEY_FILE"))
                .hasMessageContaining("ADVICE_MASTER_KEY_FILE");
        assertThatThrownBy(() -> MasterKeys.read(dir.resolve("absent").toString(), "X"))
                .hasMessageContaining("cannot be read");
    }

    @Test
    void anythingButRealKeysIsRefused() {
        String ok = randomKey();
        assertThatThrownBy(() -> MasterKeys.parse("# only a comment\n", "f")).hasMessageContaining("no master key");
        assertThatThrownBy(() -> MasterKeys.parse(ok, "f")).as("no id").hasMessageContaining("line 1");
        assertThatThrownBy(() -> MasterKeys.parse("k1 " + Base64.getEncoder().encodeToString(new byte[16]), "f"))
                .as("128 bits").hasMessageContaining("32 random bytes");
        assertThatThrownBy(() -> MasterKeys.parse("k1 not*base64", "f")).hasMessageContaining("not base64");
        assertThatThrownBy(() -> MasterKeys.parse("k1 " + ok + "\nk1 " + randomKey(), "f"))
                .hasMessageContaining("used twice");
        assertThatThrownBy(() -> MasterKeys.parse("k1 " + ok + "\nk2 " + ok, "f"))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> MasterKeys.parse("k1 " + Base64.getEncoder().encodeToString(new byte[32]), "f"))
                .as("all zeros").hasMessageContaining("trivial");
    }

    @Test
    void theDevelopmentKeyOfEarlierVersionsNeverWrapsButMayStillUnwrapOnce() {
        assertThatThrownBy(() -> MasterKeys.parse("dev " + MasterKeys.PUBLISHED_DEVELOPMENT_KEY, "f"))
                .hasMessageContaining("published");

        MasterKeys keys = MasterKeys.parse("new " + randomKey() + "\ndev " + MasterKeys.PUBLISHED_DEVELOPMENT_KEY,
                "f");

        assertThat(keys.current().id()).isEqualTo("new");
        assertThat(keys.byId("dev")).isPresent();
    }
}
