package nl.instroom.needmapping.school.application;

import java.util.List;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.Sector;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.Schools;
import org.springframework.stereotype.Service;

/**
 * Looks schools up within the caller's scope: school HR sees its own school, coordinators, scouts and
 * integrations their region, admins everything. Outside the scope a school does not exist (404).
 */
@Service
public class SchoolQueries {

    private final Schools schools;

    SchoolQueries(Schools schools) {
        this.schools = schools;
    }

    public School get(String code, CurrentUser user) {
        return schools.find(code.toUpperCase(java.util.Locale.ROOT))
                .filter(school -> user.coversSchool(school.code(), school.facts().region()))
                .orElseThrow(() -> new NotFoundException("School", code));
    }

    /**
     * Schools of a region (the caller's own unless it reads every region), optionally of one municipality and
     * sector; a country-wide caller who names no region gets every region's.
     */
    public List<School> list(String region, String municipality, Sector sector, int limit, CurrentUser user) {
        String scope = user.regionAskedOrAll(region).orElse(null);
        return schools.inRegion(scope, municipality == null ? null : municipality.toUpperCase(java.util.Locale.ROOT),
                sector, limit);
    }
}
