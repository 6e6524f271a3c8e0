package nl.instroom.identity.secondfactor.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recovery codes: ten single-use codes shown once at enrollment, for when the phone is lost. Each is 12 characters
 * of a 31-letter alphabet without look-alikes (about 59 random bits), written in groups of four; typed in any case,
 * with or without the dashes.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final Pattern NORMALISED = Pattern.compile("[" + ALPHABET + "]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {
    }

    public static List<String> generate() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The code as stored (hashed): lower case, without dashes or spaces; empty when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
        return NORMALISED.matcher(code).matches() ? code : "";
    }
}
