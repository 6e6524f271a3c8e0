package nl.instroom.tutoring.tutor.application;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.InvalidRequest;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.events.tutoring.SubjectLevel;
import nl.instroom.tutoring.tutor.domain.Availability;
import nl.instroom.tutoring.tutor.domain.ParentalConsent;
import nl.instroom.tutoring.tutor.domain.PostcodeAreas;
import nl.instroom.tutoring.tutor.domain.Tutor;
import nl.instroom.tutoring.tutor.domain.Tutors;
import org.springframework.stereotype.Service;

/**
 * Registers tutors in the coordinator's region and keeps their parent's consent. Every read and change of a
 * tutor's data is in the audit trail; another region's tutors do not exist for the caller (404).
 */
@Service
public class TutorService {

    /** What a coordinator registers about a pupil. */
    public record RegisterTutor(String name, String schoolAttended, int schoolYear, LocalDate dateOfBirth,
            List<SubjectLevel> subjects, int hoursPerWeek, Set<DayOfWeek> weekdays, String pc4, int maxTravelKm) {
    }

    private final Tutors tutors;
    private final PostcodeAreas postcodeAreas;
    private final AuditTrail audit;
    private final Clock clock;

    TutorService(Tutors tutors, PostcodeAreas postcodeAreas, AuditTrail audit, Clock clock) {
        this.tutors = tutors;
        this.postcodeAreas = postcodeAreas;
        this.audit = audit;
        this.clock = clock;
    }

    public Tutor register(RegisterTutor command, CurrentUser user) {
        if (command.pc4() != null && command.pc4().matches("[1-9][0-9]{3}")
                && postcodeAreas.centroid(command.pc4()).isEmpty()) {
            throw new InvalidRequest("PC4 " + command.pc4() + " does not exist");
        }
        String region = user.regionAsked(null);
        user.requireChangeInRegion(region);
        Tutor tutor = Tutor.register(UUID.randomUUID().toString(), command.name(), command.schoolAttended(),
                command.schoolYear(), command.dateOfBirth(), command.subjects(),
                new Availability(command.hoursPerWeek(), command.weekdays()), command.pc4(), command.maxTravelKm(),
                region, LocalDate.now(clock));
        tutors.save(tutor);
        audit.record("REGISTERED_TUTOR", tutor.id());
        return tutor;
    }

    public Tutor get(String id, CurrentUser user) {
        Tutor tutor = visible(id, user);
        audit.record("READ_TUTOR", id);
        return tutor;
    }

    /**
     * A page of the coordinator's own region's tutors. Each tutor shown is a read of that pupil's data, so each
     * is in the audit trail, as when opened one at a time.
     */
    public List<Tutor> list(CurrentUser user, int offset, int limit) {
        List<Tutor> page = tutors.pageInRegion(user.regionAsked(null), offset, limit);
        audit.recordEach("LISTED_TUTOR", page.stream().map(Tutor::id).toList());
        return page;
    }

    public Tutor recordParentalConsent(String id, LocalDate givenOn, CurrentUser user) {
        if (givenOn == null || givenOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequest("Consent is recorded for a date that has passed");
        }
        Tutor tutor = changeable(id, user);
        tutor.recordParentalConsent(new ParentalConsent(givenOn, user.subject()));
        tutors.save(tutor);
        audit.record("RECORDED_PARENTAL_CONSENT", id);
        return tutor;
    }

    /** Withdraws a parent's consent; {@code ConsentWithdrawal} also cancels what depended on it. */
    public Tutor withdrawParentalConsent(String id, CurrentUser user) {
        Tutor tutor = changeable(id, user);
        if (tutor.withdrawParentalConsent(LocalDate.now(clock), clock.instant())) {
            tutors.save(tutor);
            audit.record("WITHDREW_PARENTAL_CONSENT", id);
        }
        return tutor;
    }

    public boolean mayBePlaced(Tutor tutor) {
        return tutor.mayBePlaced(LocalDate.now(clock));
    }

    /**
     * The check every placement transition makes (docs/matching.md, "Consent"): the tutor exists and is 16 or has a
     * parent's consent today. Not a read of the pupil's data for anyone, so not in the audit trail.
     */
    public boolean mayBePlaced(String tutorId) {
        return tutors.find(tutorId).map(this::mayBePlaced).orElse(false);
    }

    /** The tutor as stored now, for the withdrawal's cancellations. */
    public Optional<Tutor> current(String tutorId) {
        return tutors.find(tutorId);
    }

    /** Tutors whose withdrawn consent still has open placements to cancel. */
    public List<Tutor> withPendingWithdrawal(int limit) {
        return tutors.withPendingWithdrawal(limit);
    }

    public void withdrawalDone(Tutor tutor) {
        tutors.withdrawalDone(tutor.id(), tutor.withdrawalPendingSince());
    }

    public boolean needsParentalConsent(Tutor tutor) {
        return tutor.needsParentalConsent(LocalDate.now(clock));
    }

    private Tutor visible(String id, CurrentUser user) {
        return tutors.find(id).filter(tutor -> user.coversRegion(tutor.region()))
                .orElseThrow(() -> new NotFoundException("Tutor", id));
    }

    private Tutor changeable(String id, CurrentUser user) {
        return tutors.find(id).filter(tutor -> user.mayChangeRegion(tutor.region()))
                .orElseThrow(() -> new NotFoundException("Tutor", id));
    }
}
