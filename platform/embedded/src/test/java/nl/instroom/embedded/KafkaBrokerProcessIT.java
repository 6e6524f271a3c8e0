package nl.instroom.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessIT {

    @TempDir
    Path dir;

    @Test
    void aClusterIdStartingWithADashFormatsTheLogDirectory() throws Exception {
        // About one random base64 id in 64 starts with a dash; CI once lost a whole end-to-end run to one.
        KafkaBrokerProcess broker = aBrokerIn(dir);

        broker.format(broker.writeConfig(), "-QbCdEfGhIjKlMnOpQrStUw");

        assertThat(metaProperties().getProperty("cluster.id")).isEqualTo("-QbCdEfGhIjKlMnOpQrStUw");
    }

    @Test
    void aFailedFormatSaysWhyInItsMessage() throws Exception {
        KafkaBrokerProcess broker = aBrokerIn(dir);
        Path config = broker.writeConfig();
        broker.format(config, "QbCdEfGhIjKlMnOpQrStUw");

        // CI shows the exception, not the broker's log file: the reason has to travel in the message.
        assertThatThrownBy(() -> broker.format(config, "RbCdEfGhIjKlMnOpQrStUw"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exit code 1")
                .hasMessageContaining("Invalid cluster.id");
    }

    private static KafkaBrokerProcess aBrokerIn(Path dir) {
        return new KafkaBrokerProcess(dir, "127.0.0.1", 1, 2, dir.resolve("broker.log"),
                System.getProperty("java.class.path"));
    }

    private Properties metaProperties() throws IOException {
        Properties meta = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("kafka").resolve("meta.properties"))) {
            meta.load(in);
        }
        return meta;
    }
}
