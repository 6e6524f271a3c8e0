package nl.instroom.tutoring.retention.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import nl.instroom.chassis.privacy.ErasureResponder;
import nl.instroom.chassis.retention.RetentionRule;
import nl.instroom.events.privacy.SubjectKind;
import nl.instroom.tutoring.placement.domain.Placement;
import nl.instroom.tutoring.placement.domain.Placements;
import nl.instroom.tutoring.tutor.domain.Tutors;
import org.springframework.stereotype.Component;

/**
 * A pupil's personal data — name, birth date, postcode area, school, availability, a parent's consent — is kept
 * while they tutor and for {@code instroom.retention.tutor} (default one year) after their last placement ended, or
 * after they were registered if they were never placed. Then they are forgotten exactly as on an erasure request
 * (every eraser of tutoring runs, and the audit trail loses their id): the tutor is removed, their placements keep
 * only anonymous facts, matching runs no longer name them. A year lets a pupil who tutored one school year be asked
 * again the next; a pupil with an open placement is never purged.
 */
@Component
class TutorRetention implements RetentionRule {

    private static final int PAGE = 200;

    private final Tutors tutors;
    private final Placements placements;
    private final ErasureResponder erasure;
    private final Clock clock;

    TutorRetention(Tutors tutors, Placements placements, ErasureResponder erasure, Clock clock) {
        this.tutors = tutors;
        this.placements = placements;
        this.erasure = erasure;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return "tutor";
    }

    @Override
    public Period defaultPeriod() {
        return Period.ofYears(1);
    }

    @Override
    public Purged purge(Instant cutoff, int limit) {
        tutors.startUndatedRetention(LocalDate.now(clock));
        LocalDate registeredBefore = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        List<String> forgotten = new ArrayList<>();
        String after = null;
        while (forgotten.size() < limit) {
            List<String> page = tutors.registeredBefore(registeredBefore, after, PAGE);
            for (String tutorId : page) {
                if (forgotten.size() < limit && inactiveSince(tutorId, cutoff)) {
                    erasure.forget(SubjectKind.TUTOR, tutorId);
                    forgotten.add(tutorId);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        // The tutor's id left the service on tutoring.placements.v1: whoever keeps it may forget it too.
        return Purged.of(forgotten);
    }

    /** No open placement, and the last one (if any) ended before the cutoff. */
    private boolean inactiveSince(String tutorId, Instant cutoff) {
        for (Placement placement : placements.ofTutor(tutorId)) {
            if (placement.open() || placement.endedAt().map(ended -> !ended.isBefore(cutoff)).orElse(true)) {
                return false;
            }
        }
        return true;
    }
}
