package nl.instroom.portal.web;

import java.math.BigDecimal;

/**
 * What a person typed, turned into what a service's API takes. A value that is not a number becomes one the
 * services refuse (0 is outside every range they allow), so the service's own problem details name the field:
 * the portal does not keep a second set of validation rules that could drift from the services'.
 */
public final class FormValues {

    private FormValues() {
    }

    /** A whole number, or 0 when the field is empty or not a number. */
    public static int whole(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (RuntimeException notANumber) {
            return 0;
        }
    }

    /** A decimal as Dutch users type it ("0,8" as well as "0.8"); null when empty, 0 when not a number. */
    public static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim().replace(',', '.'));
        } catch (NumberFormatException notANumber) {
            return BigDecimal.ZERO;
        }
    }

    /** The trimmed text, or null when nothing was typed: the services tell absent from empty. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
