package nl.instroom.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.instroom.chassis.security.Role;

/**
 * Reads the people who may sign in. One per line, {@code username|{bcrypt}hash|ROLE|scope}; blank lines and
 * lines starting with {@code #} are skipped. Passwords are only ever stored as hashes.
 *
 * <p>The scope follows the role, as the chassis' {@link Role} says: a region code for the roles of one region, a
 * vestigingscode for school HR, nothing for country-wide roles. A line that breaks this stops the server at start:
 * a person without a scope would otherwise get tokens every service refuses, and a country-wide role with a scope
 * suggests a limit nothing applies.
 */
final class UsersFile {

    /** The roles a person may have; {@code INTEGRATION} is for client credentials only. */
    static final Set<String> ROLES = Arrays.stream(Role.values()).filter(role -> role != Role.INTEGRATION)
            .map(Role::name).collect(Collectors.toUnmodifiableSet());

    private static final String REGION = "AM[0-9]{2}";
    private static final String SCHOOL = "[0-9]{2}[A-Z]{2}[0-9]{2}";

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
                String where = file + " line " + lineNumber;
                if (fields.length != 4 || !ROLES.contains(fields[2]) || !fields[1].startsWith("{bcrypt}")) {
                    throw new IllegalArgumentException(where
                            + ": expected username|{bcrypt}hash|ROLE|scope with ROLE one of " + ROLES);
                }
                checkScope(where, Role.valueOf(fields[2]), fields[3]);
                users.add(new InstroomUser(fields[0], fields[1], fields[2], fields[3]));
            }
            return users;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkScope(String where, Role role, String scope) {
        switch (role.reach()) {
            case REGION -> {
                if (!scope.matches(REGION)) {
                    throw new IllegalArgumentException(where + ": role " + role + " needs a region code as its scope "
                            + "(CBS labour-market region such as AM36), not '" + scope + "'");
                }
            }
            case SCHOOL -> {
                if (!scope.matches(SCHOOL)) {
                    throw new IllegalArgumentException(where + ": role " + role + " needs a vestigingscode as its "
                            + "scope (such as 21CM00), not '" + scope + "'");
                }
            }
            case COUNTRY -> {
                if (!scope.isEmpty()) {
                    throw new IllegalArgumentException(where + ": role " + role + " covers every region and takes no "
                            + "scope; leave the last field empty");
                }
            }
        }
    }
}
