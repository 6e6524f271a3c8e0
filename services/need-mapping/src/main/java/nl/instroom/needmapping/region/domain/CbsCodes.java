package nl.instroom.needmapping.region.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import nl.instroom.chassis.refusal.InvalidRequest;

/**
 * CBS's codes, which the register joins on (never names: DUO writes {@code HENGELO} and {@code NUENEN CA} where CBS
 * writes {@code Hengelo (O.)} and {@code Nuenen, Gerwen en Nederwetten}): a labour-market region is {@code AM} and
 * two digits, a municipality {@code GM} and four.
 */
public final class CbsCodes {

    private static final Pattern REGION = Pattern.compile("AM[0-9]{2}");
    private static final Pattern MUNICIPALITY = Pattern.compile("GM[0-9]{4}");
    private static final Pattern MUNICIPALITY_NUMBER = Pattern.compile("[0-9]{1,4}");

    private CbsCodes() {
    }

    /** A region code in its canonical upper-case form; rejects anything that is not one. */
    public static String region(String code) {
        String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!REGION.matcher(upper).matches()) {
            throw new InvalidRequest("'" + code + "' is not a labour-market region code (AM + 2 digits, "
                    + "e.g. AM36)");
        }
        return upper;
    }

    /**
     * A municipality code in its canonical form {@code GMxxxx}. DUO's and CBS's own files also write the bare
     * municipality number ({@code 193}, {@code 0193}): that is the same code.
     */
    public static String municipality(String code) {
        String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (MUNICIPALITY_NUMBER.matcher(upper).matches()) {
            upper = "GM" + "0".repeat(4 - upper.length()) + upper;
        }
        if (!MUNICIPALITY.matcher(upper).matches()) {
            throw new InvalidRequest("'" + code + "' is not a municipality code (GM + 4 digits, "
                    + "e.g. GM0193)");
        }
        return upper;
    }
}
