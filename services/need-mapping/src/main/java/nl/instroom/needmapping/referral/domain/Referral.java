package nl.instroom.needmapping.referral.domain;

import java.time.LocalDate;
import nl.instroom.events.Sector;

/**
 * A career switcher an adviser of career-advice referred to this region: the case's pseudonymous reference and the
 * facts of the referral, nothing more (the name and e-mail address stay in career-advice; the coordinator learns who
 * it is only once the person agrees to be introduced).
 *
 * @param subject null for po and so, where a teacher teaches every subject
 */
public record Referral(String caseRef, String region, Sector sector, String subject, LocalDate referredOn) {
}
