package nl.instroom.scouting.schools.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The projection of schools and their need; each change applied once and never from an older revision. */
public interface SchoolViews {

    boolean schoolKnown(String eventId, String schoolCode, String name, String region, long revision);

    boolean needChanged(String eventId, String schoolCode, String region, double needIndex, long revision);

    Optional<SchoolView> find(String schoolCode);

    /** The known ones among these schools, by code. */
    Map<String, SchoolView> findAll(Collection<String> schoolCodes);

    List<SchoolView> inRegion(String region);
}
