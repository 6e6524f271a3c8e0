package nl.instroom.scouting.talent.application;

import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;

/**
 * Which region a question is about: the caller's own unless another is asked for. Another region than one's own
 * does not exist for the caller (404), as everywhere in Instroom; an admin names the region (or, for lists, may
 * leave it out to see all).
 */
public final class RegionScope {

    private RegionScope() {
    }

    /** The region to answer for; null only for an admin who asked for all regions. */
    public static String of(CurrentUser user, String requested) {
        if (requested != null && !requested.isBlank()) {
            if (!user.coversRegion(requested)) {
                throw new NotFoundException("Region", requested);
            }
            return requested;
        }
        return user.region();
    }

    /** Like {@link #of} but a region is required (figures are always about one region). */
    public static String required(CurrentUser user, String requested) {
        String region = of(user, requested);
        if (region == null) {
            throw new IllegalArgumentException("Name the region (parameter region)");
        }
        return region;
    }
}
