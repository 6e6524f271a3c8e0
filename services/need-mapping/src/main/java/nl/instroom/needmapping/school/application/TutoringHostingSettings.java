package nl.instroom.needmapping.school.application;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.Set;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.ChangedMeanwhile;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.needmapping.school.domain.School;
import nl.instroom.needmapping.school.domain.Schools;
import nl.instroom.needmapping.school.domain.TutoringHosting;
import org.springframework.stereotype.Service;

/**
 * A school says on which weekdays and how many tutors it hosts: its own HR, or a coordinator of its region. The
 * school's next event carries it to tutoring, whose matching keeps to it.
 */
@Service
public class TutoringHostingSettings {

    /** A DUO import or a region move may save the same school meanwhile; the setting is then applied again. */
    private static final int ATTEMPTS = 3;

    private final Schools schools;
    private final AuditTrail audit;

    TutoringHostingSettings(Schools schools, AuditTrail audit) {
        this.schools = schools;
        this.audit = audit;
    }

    public School set(String schoolCode, Set<DayOfWeek> days, int capacity, CurrentUser user) {
        TutoringHosting hosting = new TutoringHosting(days, capacity);
        for (int attempt = 1; ; attempt++) {
            School school = schools.find(schoolCode.toUpperCase(Locale.ROOT))
                    .filter(s -> user.mayChangeSchool(s.code(), s.facts().region()))
                    .orElseThrow(() -> new NotFoundException("School", schoolCode));
            if (!school.hostTutors(hosting)) {
                return school;
            }
            try {
                schools.save(school);
                audit.record("SET_TUTORING_HOSTING", school.code());
                return school;
            } catch (ChangedMeanwhile changedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw changedMeanwhile;
                }
            }
        }
    }
}
