package nl.instroom.scouting.schools.domain;

/** A change to the projection of schools and their need, named by the event that caused it. */
public sealed interface SchoolChange {

    String eventId();

    /** The school's name and region as need-mapping registered or updated them. */
    record SchoolKnown(String eventId, String schoolCode, String name, String region, long revision)
            implements SchoolChange {
    }

    /** The school's need score (comparable between schools; its index within the region is derived). */
    record NeedChanged(String eventId, String schoolCode, String region, double rawScore, long revision)
            implements SchoolChange {
    }
}
