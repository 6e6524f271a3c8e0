package nl.instroom.events.advice;

import java.time.LocalDate;
import java.util.List;
import nl.instroom.events.InstroomEvent;
import nl.instroom.events.Sector;
import nl.instroom.events.privacy.PersonRef;
import nl.instroom.events.privacy.SubjectKind;

/**
 * An adviser referred a career switcher to a labour-market region where the need for their sector and subject is
 * measured to be great. The case is named by its pseudonymous id only (an erasure request names it as an
 * {@code EXTERNAL} person); the region's coordinator learns who it is only once the person agrees to be introduced.
 *
 * @param caseId the advice case's pseudonymous id (UUID); the aggregate
 * @param region the CBS code of the labour-market region referred to (AMxx)
 * @param sector the sector the person wants to teach in
 * @param subject the subject (lower case, as need-mapping's vacancies name it), or null for po and so
 * @param referredOn the day of the referral
 * @param revision the case's revision after the referral
 */
public record CandidateReferred(String caseId, String region, Sector sector, String subject, LocalDate referredOn,
        long revision) implements InstroomEvent {

    @Override
    public String aggregateId() {
        return caseId;
    }

    @Override
    public List<PersonRef> personRefs() {
        return List.of(new PersonRef(SubjectKind.EXTERNAL, caseId));
    }
}
