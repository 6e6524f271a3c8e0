package nl.instroom.needmapping.referral.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import nl.instroom.events.Sector;

/**
 * A career switcher an adviser of career-advice referred to this region: the case's pseudonymous reference and the
 * facts of the referral, nothing more (the name and e-mail address stay in career-advice; the coordinator learns who
 * it is only once the person agrees to be introduced).
 *
 * @param subject null for po and so, where a teacher teaches every subject
 * @param inTrainingSince the month the person reached in training after the referral, null while not
 * @param workingSince the month the person started working in education, null while not
 */
public record Referral(String caseRef, String region, Sector sector, String subject, LocalDate referredOn,
        YearMonth inTrainingSince, YearMonth workingSince) {

    /** A referral as it arrives, before any later stage. */
    public Referral(String caseRef, String region, Sector sector, String subject, LocalDate referredOn) {
        this(caseRef, region, sector, subject, referredOn, null, null);
    }
}
