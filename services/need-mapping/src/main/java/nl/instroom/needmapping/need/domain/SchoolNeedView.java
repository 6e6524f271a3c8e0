package nl.instroom.needmapping.need.domain;

import nl.instroom.events.Sector;

/**
 * One school as the ranking and the regional figures read it: what the school is (name, sector, municipality, place,
 * pupils) next to its current need, with the revisions of both it was made from. Kept up to date by the
 * recalculation, so a read needs neither the schools nor the vacancies.
 *
 * @param pupils DUO's pupil count, or null when DUO does not know it
 * @param needRevision the revision of the stored need it shows
 * @param schoolRevision the revision of the school's facts it shows
 */
public record SchoolNeedView(String schoolCode, String name, Sector sector, String municipality, double latitude,
        double longitude, Integer pupils, SchoolNeed need, long needRevision, long schoolRevision) {

    public String region() {
        return need.region();
    }

    public double rawScore() {
        return need.rawScore();
    }

    /** Whether this view was made from revisions at least as new as the other's: then it may replace it. */
    public boolean notOlderThan(SchoolNeedView other) {
        return needRevision >= other.needRevision && schoolRevision >= other.schoolRevision;
    }
}
