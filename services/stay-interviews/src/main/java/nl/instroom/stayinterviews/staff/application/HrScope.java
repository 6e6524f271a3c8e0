package nl.instroom.stayinterviews.staff.application;

import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;

/**
 * Stay-interview data is open to one school's HR only: not to coordinators, scouts, integrations or admins. Another
 * school's data answers 404, so not even its existence leaks.
 */
public final class HrScope {

    private HrScope() {
    }

    public static void require(CurrentUser user, String schoolCode) {
        if (!user.worksAt(schoolCode)) {
            throw new NotFoundException("School", schoolCode);
        }
    }
}
