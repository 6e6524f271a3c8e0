package nl.instroom.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The users file is refused at start when a line's scope does not fit its role, naming the line. */
class UsersFileTest {

    private static final String HASH = "{bcrypt}$2a$10$abcdefghijklmnopqrstuuWq3s2V6iU0rTnJq3m2uK5b9m8Yx0Wq";

    @TempDir
    Path folder;

    private Path file(String... lines) throws IOException {
        return Files.writeString(folder.resolve("users.txt"), String.join("\n", lines) + "\n");
    }

    @Test
    void everyRoleWithTheScopeItNeedsIsRead() throws IOException {
        var users = UsersFile.read(file("# people", "anna|" + HASH + "|COORDINATOR|AM36",
                "bert|" + HASH + "|TALENT_SCOUT|AM11", "carla|" + HASH + "|SCHOOL_HR|21CM00",
                "dirk|" + HASH + "|ADMIN|", "eva|" + HASH + "|NATIONAL_VIEWER|"));

        assertThat(users).extracting(InstroomUser::role).containsExactly("COORDINATOR", "TALENT_SCOUT", "SCHOOL_HR",
                "ADMIN", "NATIONAL_VIEWER");
        assertThat(users.get(4).needsSecondFactor()).as("sees no personal data").isFalse();
    }

    @Test
    void aRoleWithoutItsScopeStopsTheServerNamingTheLine() throws IOException {
        assertThatThrownBy(() -> UsersFile.read(file("anna|" + HASH + "|COORDINATOR|AM36",
                "bert|" + HASH + "|TALENT_SCOUT|"))).hasMessageContaining("line 2")
                .hasMessageContaining("TALENT_SCOUT needs a region code");
        assertThatThrownBy(() -> UsersFile.read(file("carla|" + HASH + "|SCHOOL_HR|"))).hasMessageContaining("line 1")
                .hasMessageContaining("SCHOOL_HR needs a vestigingscode");
        assertThatThrownBy(() -> UsersFile.read(file("carla|" + HASH + "|SCHOOL_HR|AM36")))
                .hasMessageContaining("vestigingscode");
        assertThatThrownBy(() -> UsersFile.read(file("anna|" + HASH + "|COORDINATOR|21CM00")))
                .hasMessageContaining("region code");
    }

    @Test
    void aCountryWideRoleTakesNoScopeAndIntegrationIsNoPerson() throws IOException {
        assertThatThrownBy(() -> UsersFile.read(file("dirk|" + HASH + "|ADMIN|AM36")))
                .hasMessageContaining("takes no scope");
        assertThatThrownBy(() -> UsersFile.read(file("eva|" + HASH + "|NATIONAL_VIEWER|AM11")))
                .hasMessageContaining("takes no scope");
        assertThatThrownBy(() -> UsersFile.read(file("robot|" + HASH + "|INTEGRATION|AM36")))
                .hasMessageContaining("ROLE one of");
    }
}
