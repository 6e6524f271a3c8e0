package nl.instroom.tutoring.needs.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The projection of schools and their need; each change applied once and never from an older revision. */
public interface SchoolNeedViews {

    boolean schoolKnown(String eventId, String schoolCode, String name, String region, double latitude,
            double longitude, long revision);

    boolean needChanged(String eventId, String schoolCode, String region, double needIndex,
            Map<String, Double> subjectIndex, long revision);

    Optional<SchoolNeedView> find(String schoolCode);

    List<SchoolNeedView> inRegion(String region);
}
