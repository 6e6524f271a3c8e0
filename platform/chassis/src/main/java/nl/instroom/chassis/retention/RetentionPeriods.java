package nl.instroom.chassis.retention;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * The period of each kind: {@code instroom.retention.<kind>} (ISO-8601, e.g. {@code P18M}), else the rule's
 * default. Read and checked once at start: a period that is not a positive ISO-8601 period stops the service
 * rather than keeping data for ever or purging it at once.
 */
public final class RetentionPeriods {

    private static final String KIND = "[a-z][a-z-]{0,39}";

    private final Map<String, Period> periods = new LinkedHashMap<>();

    public RetentionPeriods(List<RetentionRule> rules, Environment environment) {
        for (RetentionRule rule : rules) {
            if (!rule.kind().matches(KIND)) {
                throw new IllegalStateException("Retention kind '" + rule.kind() + "' is not lower case with dashes");
            }
            String key = "instroom.retention." + rule.kind();
            String configured = environment.getProperty(key);
            Period period;
            try {
                period = configured == null || configured.isBlank() ? rule.defaultPeriod()
                        : Period.parse(configured.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(key + " must be an ISO-8601 period such as P1Y, not " + configured);
            }
            if (period.isNegative() || period.isZero()) {
                throw new IllegalStateException(key + " must be a positive period, not " + period);
            }
            if (periods.put(rule.kind(), period) != null) {
                throw new IllegalStateException("Two retention rules for the kind " + rule.kind());
            }
        }
    }

    public Period of(RetentionRule rule) {
        return periods.get(rule.kind());
    }

    /** Every kind with its period, in the order of the rules. */
    public Map<String, Period> all() {
        return Map.copyOf(periods);
    }
}
