package nl.instroom.careeradvice.cases.application;

import java.time.LocalDate;
import java.util.List;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.careeradvice.cases.domain.Cases;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.events.Sector;
import org.springframework.stereotype.Service;

/**
 * The introduction step, as the region's coordinator sees it: the referred career switchers who agreed to be
 * introduced to their region, each with only what they agreed to share. Served by this service itself to the
 * coordinator of that region — never on a topic, so no other service ever holds who the person is — and every read
 * is in the audit trail under the case's id. Whoever did not agree stays a pseudonymous case reference in
 * need-mapping's referral view.
 */
@Service
public class Introductions {

    /** Most introductions listed at once: the desk refers a few hundred people a year in all. */
    static final int LIMIT = 500;

    /** One introduced candidate: the case reference (as in need-mapping's view) and what the person shared. */
    public record Introduced(String caseRef, String firstName, String contactEmail, LocalDate agreedOn,
            Sector sector, String subject) {
    }

    private final Cases cases;
    private final AuditTrail audit;

    Introductions(Cases cases, AuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /** The coordinator's own region (another region: 404, through {@link CurrentUser#regionAsked}). */
    public List<Introduced> of(String requestedRegion, CurrentUser coordinator) {
        String region = coordinator.regionAsked(requestedRegion);
        List<Introduced> introduced = cases.introducedTo(region, LIMIT).stream().map(advice -> {
            AdviceCase.Introduction introduction = advice.introduction();
            AdviceCase.Referral referral = advice.referrals().stream()
                    .filter(candidate -> candidate.region().equals(region)).reduce((first, last) -> last)
                    .orElse(null);
            return new Introduced(advice.id(), introduction.firstName(), introduction.contactEmail(),
                    introduction.agreedOn(), referral == null ? null : referral.sector(),
                    referral == null ? null : referral.subject());
        }).toList();
        audit.recordEach("READ_INTRODUCTION", introduced.stream().map(Introduced::caseRef).toList());
        return introduced;
    }
}
