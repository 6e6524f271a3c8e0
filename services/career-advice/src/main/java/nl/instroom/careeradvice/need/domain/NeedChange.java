package nl.instroom.careeradvice.need.domain;

import java.util.Map;
import nl.instroom.events.Sector;

/** A change to career-advice's view of schools and their need, named by the event that caused it. */
public sealed interface NeedChange {

    String eventId();

    /** A school location as need-mapping registered or updated it (public data). */
    record SchoolKnown(String eventId, String schoolCode, String name, Sector sector, String postcode,
            double latitude, double longitude, String region, long revision) implements NeedChange {
    }

    /** A school's need score and its need per subject (weighted open FTE), as complete current state. */
    record NeedChanged(String eventId, String schoolCode, String region, double rawScore,
            Map<String, Double> subjects, long revision) implements NeedChange {

        public NeedChanged {
            subjects = Map.copyOf(subjects);
        }
    }
}
