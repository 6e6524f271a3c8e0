package nl.instroom.tutoring.needs.domain;

import java.util.Map;

/** A change to the projection of schools and their need, named by the event that caused it. */
public sealed interface SchoolNeedChange {

    String eventId();

    /** The school's facts as need-mapping registered or updated them. */
    record SchoolKnown(String eventId, String schoolCode, String name, String region, double latitude,
            double longitude, long revision) implements SchoolNeedChange {
    }

    /** The school's need score, overall and per subject (weighted open FTE). */
    record NeedChanged(String eventId, String schoolCode, String region, double rawScore,
            Map<String, Double> subjectScores, long revision) implements SchoolNeedChange {
    }
}
