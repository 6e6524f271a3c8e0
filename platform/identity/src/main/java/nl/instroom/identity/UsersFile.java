package nl.instroom.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the people who may sign in. One per line, {@code username|{bcrypt}hash|ROLE|scope}; blank lines and
 * lines starting with {@code #} are skipped. Passwords are only ever stored as hashes.
 */
final class UsersFile {

    static final Set<String> ROLES = Set.of("COORDINATOR", "SCHOOL_HR", "TALENT_SCOUT", "ADMIN");

    private UsersFile() {
    }

    static List<InstroomUser> read(Path file) {
        if (file == null || !Files.exists(file)) {
            return List.of();
        }
        try {
            List<InstroomUser> users = new ArrayList<>();
            int lineNumber = 0;
            for (String line : Files.readAllLines(file)) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\\|", -1);
                if (fields.length != 4 || !ROLES.contains(fields[2]) || !fields[1].startsWith("{bcrypt}")) {
                    throw new IllegalArgumentException(file + " line " + lineNumber
                            + ": expected username|{bcrypt}hash|ROLE|scope with ROLE one of " + ROLES);
                }
                users.add(new InstroomUser(fields[0], fields[1], fields[2], fields[3]));
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
