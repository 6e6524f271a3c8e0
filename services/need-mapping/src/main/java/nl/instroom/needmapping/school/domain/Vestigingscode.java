package nl.instroom.needmapping.school.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import nl.instroom.chassis.refusal.InvalidRequest;

/** DUO's code of a school location: the 4-character BRIN (2 digits, 2 letters) and 2 digits, e.g. 21CM00. */
public final class Vestigingscode {

    private static final Pattern FORMAT = Pattern.compile("[0-9]{2}[A-Z]{2}[0-9]{2}");

    private Vestigingscode() {
    }

    /** The code in its canonical upper-case form; rejects anything that is not a vestigingscode. */
    public static String canonical(String code) {
        String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!FORMAT.matcher(upper).matches()) {
            throw new InvalidRequest("'" + code + "' is not a vestigingscode (BRIN + 2 digits, e.g. 21CM00)");
        }
        return upper;
    }
}
