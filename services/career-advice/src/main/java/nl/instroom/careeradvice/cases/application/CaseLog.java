package nl.instroom.careeradvice.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import nl.instroom.careeradvice.agenda.domain.Slot;
import nl.instroom.careeradvice.agenda.domain.Slots;
import nl.instroom.careeradvice.cases.domain.AdviceCase;
import nl.instroom.careeradvice.cases.domain.Cases;
import nl.instroom.careeradvice.cases.domain.ClosingReason;
import nl.instroom.careeradvice.cases.domain.ContactKind;
import nl.instroom.careeradvice.cases.domain.Phase;
import nl.instroom.careeradvice.need.application.NeedNearby;
import nl.instroom.careeradvice.need.domain.Nearby;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.privacy.StoreDigests;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The adviser's case log: the cases and each case with its appointments, contacts (summaries sealed at rest),
 * phases with their closing reason, outcomes, the need near the person and referrals to a region. Every read and
 * change of a case is in the audit trail, under the case's pseudonymous id.
 */
@Service
public class CaseLog {

    /** A case with its appointments (the slots booked for it). */
    public record CaseWithAppointments(AdviceCase advice, List<Slot> appointments) {
    }

    static final int LIST_LIMIT = 200;

    private final Cases cases;
    private final Slots slots;
    private final NeedNearby need;
    private final StoreDigests digests;
    private final AuditTrail audit;
    private final Clock clock;
    private final Counting counting;

    CaseLog(Cases cases, Slots slots, NeedNearby need, StoreDigests digests, AuditTrail audit, Clock clock,
            Counting counting) {
        this.counting = counting;
        this.cases = cases;
        this.slots = slots;
        this.need = need;
        this.digests = digests;
        this.audit = audit;
        this.clock = clock;
    }

    public List<AdviceCase> list(Phase phase) {
        List<AdviceCase> found = cases.list(phase, LIST_LIMIT);
        audit.recordEach("LISTED_CASE", found.stream().map(AdviceCase::id).toList());
        return found;
    }

    public CaseWithAppointments get(String id) {
        AdviceCase advice = find(id);
        audit.record("READ_CASE", id);
        return new CaseWithAppointments(advice, slots.ofCase(id));
    }

    /** For an admin answering an access or erasure request: the case of an e-mail address, by its digest. */
    public String lookUp(String email) {
        String digest = digests.of("advice-email:" + email.strip().toLowerCase(Locale.ROOT));
        String id = cases.findByEmailDigest(digest).map(AdviceCase::id)
                .orElseThrow(() -> new NotFoundException("Case", "of this e-mail address"));
        audit.record("LOOKED_UP_CASE", id);
        return id;
    }

    public AdviceCase.Contact logContact(String id, ContactKind kind, LocalDate on, int minutes, String summary,
            CurrentUser advisor) {
        AdviceCase advice = find(id);
        boolean firstOfMonth = on != null && !advice.hadContactIn(YearMonth.from(on));
        AdviceCase.Contact contact = advice.logContact(kind, on, minutes, summary, advisor.subject(),
                clock.instant());
        saved(advice, "LOGGED_CONTACT");
        counting.contact(on, firstOfMonth);
        return contact;
    }

    public AdviceCase moveTo(String id, Phase phase, ClosingReason reason, CurrentUser advisor) {
        AdviceCase advice = find(id);
        Phase before = advice.furthestPhase();
        advice.moveTo(phase, reason, advisor.subject(), clock.instant());
        saved(advice, "CHANGED_CASE_PHASE");
        counting.moved(before, advice, reason);
        return advice;
    }

    public AdviceCase recordOutcome(String id, AdviceCase.Outcome outcome, CurrentUser advisor) {
        AdviceCase advice = find(id);
        Phase before = advice.furthestPhase();
        advice.recordOutcome(outcome, advisor.subject(), clock.instant());
        saved(advice, "RECORDED_CASE_OUTCOME");
        counting.moved(before, advice, null);
        return advice;
    }

    public AdviceCase describe(String id, AdviceCase.Profile profile) {
        AdviceCase advice = find(id);
        advice.describe(profile, clock.instant());
        return saved(advice, "DESCRIBED_CASE");
    }

    /** The regions and schools with the greatest need near the person, for what they want to teach. */
    public Nearby.Answer needNearby(String id, Double radiusKm) {
        AdviceCase advice = find(id);
        AdviceCase.Profile profile = advice.profile();
        if (profile == null || profile.sector() == null || profile.pc4() == null) {
            throw new NotPossibleNow("Record the sector and the person's PC4 first");
        }
        double radius = radiusKm == null ? NeedNearby.DEFAULT_RADIUS_KM : radiusKm;
        if (radius < 1 || radius > 150) {
            throw new InvalidRequest("The radius is 1 to 150 km");
        }
        audit.record("READ_CASE_NEED_NEARBY", id);
        return need.near(profile.sector(), profile.subject(), profile.pc4(), radius)
                .orElseThrow(() -> new NotPossibleNow("No school of sector " + profile.sector()
                        + " is known near PC4 " + profile.pc4() + " yet"));
    }

    /** Refers the person to a region; the referral leaves the service as an event with facts only. */
    public AdviceCase.Referral refer(String id, String region, CurrentUser advisor) {
        AdviceCase advice = find(id);
        AdviceCase.Referral referral = advice.refer(region, advisor.subject(), clock.instant());
        saved(advice, "REFERRED_CASE");
        counting.referred(referral);
        return referral;
    }

    /**
     * Records the person's explicit agreement to be introduced to the coordinator of a region they were referred to,
     * with what they agreed to share; the coordinator then reads it from this service ({@link Introductions}).
     */
    public AdviceCase.Introduction agreeToIntroduction(String id, String region, LocalDate agreedOn,
            String firstName, String contactEmail, CurrentUser advisor) {
        AdviceCase advice = find(id);
        AdviceCase.Introduction introduction = advice.agreeToIntroduction(region, agreedOn, firstName, contactEmail,
                advisor.subject(), clock.instant());
        saved(advice, "RECORDED_INTRODUCTION_CONSENT");
        return introduction;
    }

    /** The person withdrew their agreement: what they shared is gone, the coordinator sees them pseudonymous. */
    public AdviceCase.Introduction withdrawIntroduction(String id) {
        AdviceCase advice = find(id);
        AdviceCase.Introduction withdrawn = advice.withdrawIntroduction(clock.instant());
        saved(advice, "WITHDREW_INTRODUCTION_CONSENT");
        return withdrawn;
    }

    private AdviceCase saved(AdviceCase advice, String action) {
        cases.save(advice);
        audit.record(action, advice.id());
        return advice;
    }

    private AdviceCase find(String id) {
        return cases.find(id).orElseThrow(() -> new NotFoundException("Case", id));
    }
}
