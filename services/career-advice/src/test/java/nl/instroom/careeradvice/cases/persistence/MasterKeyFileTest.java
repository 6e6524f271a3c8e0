package nl.instroom.careeradvice.cases.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key comes from a mounted file, named by its plain path as docker-compose and Kubernetes name it
 * ({@code /run/secrets/advice-master-key}); without a usable key the service does not start.
 */
class MasterKeyFileTest {

    @TempDir
    Path folder;

    @Test
    void aMountedFileByItsPlainPathGivesTheKeyCommentsAside() throws IOException {
        Path file = folder.resolve("advice-master-key");
        Files.write(file, List.of("# made by the operator", Base64.getEncoder().encodeToString(new byte[32])));

        assertThat(CaseVault.readMasterKey(file.toString()).getEncoded()).hasSize(32);
        assertThat(CaseVault.readMasterKey("file:" + file).getEncoded()).hasSize(32);
    }

    @Test
    void noFileAMissingFileOrAKeyOfAnotherLengthStopsTheStart() throws IOException {
        Path shortKey = folder.resolve("short");
        Files.write(shortKey, List.of(Base64.getEncoder().encodeToString(new byte[16])));

        assertThatThrownBy(() -> CaseVault.readMasterKey("")).hasMessageContaining("is not set");
        assertThatThrownBy(() -> CaseVault.readMasterKey(folder.resolve("missing").toString()))
                .hasMessageContaining("Cannot read the advice master key");
        assertThatThrownBy(() -> CaseVault.readMasterKey(shortKey.toString())).hasMessageContaining("32 bytes");
    }
}
