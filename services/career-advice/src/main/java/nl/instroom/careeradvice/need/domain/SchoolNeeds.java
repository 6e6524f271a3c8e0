package nl.instroom.careeradvice.need.domain;

import java.util.List;
import nl.instroom.events.Sector;

/** The projection of schools and their need; each change applied once and never from an older revision. */
public interface SchoolNeeds {

    /** Applies a batch of changes; per change whether it had an effect (false for null, stale or repeated ones). */
    List<Boolean> apply(List<NeedChange> changes);

    /** The known schools of a sector, with their need (a school whose sector is unknown is left out). */
    List<SchoolNeed> ofSector(Sector sector);
}
