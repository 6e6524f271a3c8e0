package nl.instroom.chassis.retention;

import java.time.Instant;
import java.time.Period;
import java.util.List;

/**
 * One kind of personal data a service keeps only for a while, and how to remove (or anonymise) what is past it.
 * The service says what starts the period (a tutor's last placement ending, a talent's pipeline closing, an
 * employee leaving); {@link RetentionPurge} decides when, with which period and which cutoff, and publishes what was
 * removed. A rule must be safe to run again and on several instances at once: each removal is conditional on the
 * record still being past its period, and a record once removed no longer counts as due.
 */
public interface RetentionRule {

    /** The kind, lower case with dashes (e.g. {@code evaluation-note}): the key {@code instroom.retention.<kind>}. */
    String kind();

    /** The period when configuration sets none (ISO-8601, e.g. {@code P1Y}). */
    Period defaultPeriod();

    /**
     * Removes or anonymises at most {@code limit} records of this kind whose period started before {@code cutoff}.
     */
    Purged purge(Instant cutoff, int limit);

    /**
     * What one call removed: how many records, and the pseudonymous ids among them that other services may know
     * (ids that left the service on its topics). Never an id that did not leave, never a name or free text.
     */
    record Purged(int count, List<String> references) {

        public Purged {
            references = List.copyOf(references);
            if (references.size() > count) {
                throw new IllegalArgumentException("more references than records purged");
            }
        }

        public static Purged none() {
            return new Purged(0, List.of());
        }

        /** Records whose ids all left the service. */
        public static Purged of(List<String> references) {
            return new Purged(references.size(), references);
        }

        /** Records whose ids never left the service: a count only. */
        public static Purged counted(int count) {
            return new Purged(count, List.of());
        }
    }
}
