package nl.instroom.tutoring.placement.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.instroom.chassis.audit.AuditTrail;
import nl.instroom.chassis.refusal.NotPossibleNow;
import nl.instroom.chassis.security.CurrentUser;
import nl.instroom.chassis.web.NotFoundException;
import nl.instroom.tutoring.needs.domain.SchoolNeedView;
import nl.instroom.tutoring.needs.domain.SchoolNeedViews;
import nl.instroom.tutoring.placement.domain.CancellationReason;
import nl.instroom.tutoring.placement.domain.Evaluation;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.Placements;
import nl.instroom.tutoring.tutor.application.TutorService;
import nl.instroom.tutoring.tutor.domain.Tutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Placements through their life. Coordinators act in their region; a school's HR sees and acts on its own school's
 * placements (start, complete with its evaluation, refuse). A placement is confirmed only if the tutor may be placed
 * at that moment.
 */
@Service
public class PlacementService {

    private static final int CANCEL_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(PlacementService.class);

    private final Placements placements;
    private final TutorService tutors;
    private final SchoolNeedViews schools;
    private final AuditTrail audit;
    private final Clock clock;

    PlacementService(Placements placements, TutorService tutors, SchoolNeedViews schools, AuditTrail audit,
            Clock clock) {
        this.placements = placements;
        this.tutors = tutors;
        this.schools = schools;
        this.audit = audit;
        this.clock = clock;
    }

    /** A coordinator proposes a tutor for a school and subject by hand (matching runs propose too). */
    public Placement propose(String tutorId, String schoolCode, String subject, int hoursPerWeek, CurrentUser user) {
        Tutor tutor = tutors.get(tutorId, user);
        requireMayBePlaced(tutor.id());
        // The school must lie in the caller's scope too, not only the tutor: a school tutoring has not heard of
        // from need-mapping has no known region, so it is not in anyone's.
        user.requireChangeInRegion(tutor.region());
        user.requireChangeOfSchool(schoolCode, regionOf(schoolCode));
        Placement placement = Placement.propose(UUID.randomUUID().toString(), tutor.id(), schoolCode, subject,
                hoursPerWeek, tutor.region(), null, clock.instant());
        return saved(placement, "PROPOSED_PLACEMENT");
    }

    /** Proposes what a coordinator accepted from a matching run; the run's id travels with the placement. */
    public Placement proposeMatched(String tutorId, String schoolCode, String subject, int hoursPerWeek, String region,
            String matchingRunId) {
        // The run may have been solved before a parent withdrew consent.
        requireMayBePlaced(tutorId);
        Placement placement = Placement.propose(UUID.randomUUID().toString(), tutorId, schoolCode, subject,
                hoursPerWeek, region, matchingRunId, clock.instant());
        return saved(placement, "PROPOSED_PLACEMENT");
    }

    public Placement confirm(String id, CurrentUser user) {
        Placement placement = changeable(id, user);
        placement.confirm(tutors.mayBePlaced(placement.tutorId()), clock.instant());
        return saved(placement, "CONFIRMED_PLACEMENT");
    }

    public Placement start(String id, LocalDate startedOn, CurrentUser user) {
        Placement placement = changeable(id, user);
        requireMayBePlaced(placement.tutorId());
        placement.start(startedOn == null ? LocalDate.now(clock) : startedOn, clock.instant());
        return saved(placement, "STARTED_PLACEMENT");
    }

    public Placement complete(String id, Evaluation evaluation, CurrentUser user) {
        Placement placement = changeable(id, user);
        requireMayBePlaced(placement.tutorId());
        placement.complete(LocalDate.now(clock), evaluation, clock.instant());
        return saved(placement, "COMPLETED_PLACEMENT");
    }

    public Placement cancel(String id, String reasonCode, CurrentUser user) {
        Placement placement = changeable(id, user);
        placement.cancel(CancellationReason.givenByPerson(reasonCode), clock.instant());
        return saved(placement, "CANCELLED_PLACEMENT");
    }

    /**
     * A parent withdrew consent: every placement of the tutor proposed up to the withdrawal and still open is
     * cancelled, each with its event. A placement someone else changed in the meantime is read again and cancelled
     * still (a few times); one that cannot be is left for the next attempt, without stopping the others.
     *
     * @return whether none of those placements is open any more
     */
    public boolean cancelOpenPlacementsOf(String tutorId, CancellationReason reason, Instant proposedUpTo) {
        boolean allClosed = true;
        for (Placement listed : placements.ofTutor(tutorId)) {
            if (listed.open() && !listed.proposedAt().isAfter(proposedUpTo)) {
                try {
                    allClosed &= cancelUntilClosed(listed.id(), reason);
                } catch (RuntimeException e) {
                    // The store failed for this one: the others are still cancelled, this one on the next attempt.
                    log.warn("Could not cancel placement {} now; will retry: {}", listed.id(), e.toString());
                    allClosed = false;
                }
            }
        }
        return allClosed;
    }

    private boolean cancelUntilClosed(String id, CancellationReason reason) {
        for (int attempt = 0; attempt < CANCEL_ATTEMPTS; attempt++) {
            Optional<Placement> current = placements.find(id);
            if (current.isEmpty() || !current.get().open()) {
                return true;
            }
            try {
                current.get().cancel(reason, clock.instant());
                placements.save(current.get());
                audit.recordAs("consent-withdrawal", "CANCELLED_PLACEMENT", current.get().tutorId());
                return true;
            } catch (NotPossibleNow changedMeanwhile) {
                // A concurrent change won the compare-and-set (ChangedMeanwhile), or closed the placement: read it
                // again and cancel what it left.
            }
        }
        return false;
    }

    /** Refuses a transition of a tutor who may not be placed today: under 16 without a parent's consent. */
    private void requireMayBePlaced(String tutorId) {
        if (!tutors.mayBePlaced(tutorId)) {
            throw new NotPossibleNow("The tutor is under 16 and no parent's consent is recorded");
        }
    }

    public Placement get(String id, CurrentUser user) {
        return visible(id, user);
    }

    public List<Placement> atSchool(String schoolCode, CurrentUser user) {
        if (!user.coversSchool(schoolCode, regionOf(schoolCode))) {
            throw new NotFoundException("School", schoolCode);
        }
        return placements.atSchool(schoolCode).stream().filter(p -> mayRead(p, user)).toList();
    }

    private Placement saved(Placement placement, String action) {
        placements.save(placement);
        audit.record(action, placement.tutorId());
        return placement;
    }

    private Placement visible(String id, CurrentUser user) {
        return placements.find(id).filter(placement -> mayRead(placement, user))
                .orElseThrow(() -> new NotFoundException("Placement", id));
    }

    private Placement changeable(String id, CurrentUser user) {
        return placements.find(id)
                .filter(placement -> user.mayChangeSchool(placement.schoolCode(), placement.region()))
                .orElseThrow(() -> new NotFoundException("Placement", id));
    }

    /** A placement is in the region of its tutor (the coordinator's); its school's HR sees it too. */
    private static boolean mayRead(Placement placement, CurrentUser user) {
        return user.coversSchool(placement.schoolCode(), placement.region());
    }

    private String regionOf(String schoolCode) {
        return schools.find(schoolCode).map(SchoolNeedView::region).orElse(null);
    }
}
