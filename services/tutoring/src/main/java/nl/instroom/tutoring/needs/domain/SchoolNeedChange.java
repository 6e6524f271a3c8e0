package nl.instroom.tutoring.needs.domain;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;

/** A change to the projection of schools and their need, named by the event that caused it. */
public sealed interface SchoolNeedChange {

    String eventId();

    /**
     * The school's facts as need-mapping registered or updated them, with on which weekdays and how many tutors it
     * hosts (each null when the school has not said).
     */
    record SchoolKnown(String eventId, String schoolCode, String name, String region, double latitude,
            double longitude, Set<DayOfWeek> tutoringDays, Integer tutorCapacity, long revision)
            implements SchoolNeedChange {

        public SchoolKnown {
            tutoringDays = tutoringDays == null ? null : Set.copyOf(tutoringDays);
        }

        /** A school that has not said on which days or how many tutors it hosts. */
        public SchoolKnown(String eventId, String schoolCode, String name, String region, double latitude,
                double longitude, long revision) {
            this(eventId, schoolCode, name, region, latitude, longitude, null, null, revision);
        }
    }

    /** The school's need score, overall and per subject (weighted open FTE). */
    record NeedChanged(String eventId, String schoolCode, String region, double rawScore,
            Map<String, Double> subjectScores, long revision) implements SchoolNeedChange {
    }
}
